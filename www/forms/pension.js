/*
 * 城乡居民基本养老保险参保登记表 — 演示页面脚本（一次填 OnceFill 示例）
 *
 * The 手机号码 field (#aae005) behaves like a React 17+ controlled input:
 *
 *  - React installs an own-property `value` accessor on each tracked <input>.
 *    The getter defers to HTMLInputElement.prototype's getter; the setter
 *    defers to the prototype setter and ALSO records the assigned string as
 *    the tracker's "last known value".
 *  - React listens for `input`/`change` at the root (delegated). On an event
 *    it reads the node's real value; if that equals the tracker's value it
 *    concludes nothing changed and swallows the event. Otherwise it updates
 *    the tracker, calls onChange (here: state.mobile = digits only) and
 *    re-renders, which writes state back into the DOM via `el.value = …`.
 *  - Consequence: `el.value = 'x'; el.dispatchEvent(new Event('input'))` is
 *    ignored (the own setter already updated the tracker), while calling the
 *    prototype setter directly and then dispatching a bubbling `input` event
 *    is seen as a genuine edit and updates state.
 *  - A controlled component re-renders from state on blur, so a value that
 *    never reached state reverts when focus leaves the field.
 */
(function () {
  'use strict';

  const state = { mobile: '' };
  window.__pensionForm = { state: state };

  var protoDesc = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');

  // --- value tracker (mirrors react-dom's inputValueTracking) -------------
  function trackValue(node) {
    if (node._valueTracker) return node._valueTracker;
    var currentValue = '' + protoDesc.get.call(node);
    Object.defineProperty(node, 'value', {
      configurable: true,
      enumerable: protoDesc.enumerable,
      get: function () {
        return protoDesc.get.call(this);
      },
      set: function (value) {
        currentValue = '' + value;
        protoDesc.set.call(this, value);
      }
    });
    var tracker = {
      getValue: function () { return currentValue; },
      setValue: function (value) { currentValue = '' + value; },
      stopTracking: function () {
        node._valueTracker = null;
        delete node.value;
      }
    };
    node._valueTracker = tracker;
    return tracker;
  }

  // Returns true when the DOM value differs from what the tracker last saw.
  function updateValueIfChanged(node) {
    var tracker = node._valueTracker;
    if (!tracker) return true;
    var lastValue = tracker.getValue();
    var nextValue = protoDesc.get.call(node);
    if (nextValue !== lastValue) {
      tracker.setValue(nextValue);
      return true;
    }
    return false;
  }

  function init() {
    var mobile = document.getElementById('aae005');
    var stateSpan = document.getElementById('aae005-state');
    if (!mobile) return;

    trackValue(mobile);

    function render() {
      // Controlled component: DOM value always reflects state.
      // Assign through the own accessor, which also updates the tracker.
      mobile.value = state.mobile;
      if (stateSpan) {
        stateSpan.textContent = '状态：' + (state.mobile === '' ? '（空）' : state.mobile);
      }
    }

    function onChange(rawValue) {
      state.mobile = String(rawValue).replace(/\D+/g, '');
      render();
    }

    // Delegated root listener, like React's. React's ChangeEventPlugin also
    // handles `change` for text inputs, with the same tracker check.
    function rootListener(event) {
      if (event.target !== mobile) return;
      if (!updateValueIfChanged(mobile)) return; // swallowed: tracker says "no change"
      onChange(protoDesc.get.call(mobile));
    }
    document.addEventListener('input', rootListener, false);
    document.addEventListener('change', rootListener, false);

    // Re-render from state on blur (value set without a real edit reverts).
    mobile.addEventListener('blur', render, false);

    render();
  }

  // --- submit / 暂存 message box ------------------------------------------
  function initForm() {
    var form = document.getElementById('pension-form');
    var box = document.getElementById('msgbox');
    var text = document.getElementById('msgbox-text');
    var close = document.getElementById('msgbox-close');
    var save = document.getElementById('btn-save');
    if (!form || !box || !text) return;

    function show(message, kind) {
      text.textContent = message;
      box.className = 'msgbox' + (kind ? ' ' + kind : '');
      box.hidden = false;
      box.focus();
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      show('已提交（演示页面，不会发送任何数据）', '');
    });

    if (save) {
      save.addEventListener('click', function () {
        show('已暂存（演示页面，内容仅保留在本页，刷新或关闭后清除）', 'info');
      });
    }

    if (close) {
      close.addEventListener('click', function () {
        box.hidden = true;
      });
    }
  }

  function start() {
    init();
    initForm();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
