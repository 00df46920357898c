/*
 * The staff desk's loader (staff.html, 一窗受理). It loads the staff build of OnceFill
 * (pkg/oncefill_staff.js: the feature `staff`, never part of a citizen's bundle), which keeps
 * the clerk's vault under its own storage name and holds a citizen's data in its memory only.
 *
 * A case (办理) lives in one WebAssembly instance. 结束办理, 新办理 and the idle timeout end
 * it as locking does: the instance is stopped, every byte of its memory is overwritten with
 * zeros, the hall's form in the frame is replaced by a fresh copy, and a new instance starts
 * on the unlock screen (the clerk's key was in the same memory, so the clerk unlocks again).
 * The idle timeout is 5 minutes, or `?idle=<seconds>` for tests; any input resets it.
 */
(function () {
  'use strict';
  var base = new URL('.', document.currentScript.src).href;
  var params = new URLSearchParams(location.search);
  var idleMs = (Number(params.get('idle')) > 0 ? Number(params.get('idle')) : 300) * 1000;
  var instances = 0;
  var urls = [];
  var exports = null;
  var module = null;
  var ending = false;
  var lastInput = Date.now();

  // Marks the desk for the form in its frame (its own widget stays out), and for the tests:
  // the module URLs of every instance started (their memory can be searched).
  window.OnceFillStaff = { instances: function () { return urls.slice(); } };

  // 长辈版: the desk's own bar and parts follow the same remembered choice as the panel (the
  // key holds only the choice), switched in the panel or in another tab.
  var ELDER = 'oncefill-elder';
  function markElder(on) {
    document.documentElement.classList.toggle('of-elder', !!on);
  }
  try {
    markElder(localStorage.getItem(ELDER) === '1');
  } catch (e) {
    markElder(false);
  }
  document.addEventListener('oncefill:elder', function (e) {
    markElder(e.detail && e.detail.on);
  });
  window.addEventListener('storage', function (e) {
    if (e.key === ELDER || e.key === null) markElder(e.newValue === '1');
  });

  var messages = fetch(base + 'i18n/zh-CN.ftl')
    .then(function (r) { return r.ok ? r.text() : undefined; })
    .catch(function () { return undefined; });
  // The deployment's trust list (the demo one until a deployment puts its own at this path):
  // a citizen's credential presentations are verified against it.
  var trust = fetch(base + 'trust/demo-trust.json', { cache: 'no-cache' })
    .then(function (r) { return r.ok ? r.text() : undefined; })
    .catch(function () { return undefined; });

  function $(name) { return document.querySelector('[data-staff="' + name + '"]'); }
  function frame() { return document.querySelector('iframe[data-staff-form]'); }

  function start(relock) {
    var url = base + 'pkg/oncefill_staff.js' + (instances ? '?instance=' + instances : '');
    instances += 1;
    urls.push(url);
    return Promise.all([import(url), messages]).then(function (loaded) {
      var m = loaded[0];
      return m.default({ module_or_path: base + 'pkg/oncefill_staff_bg.wasm' }).then(function (wasm) {
        exports = wasm;
        module = m;
        m.mount({ base: base, relock: relock, messages: loaded[1] });
        // Refusals at the desk are said in English too.
        m.desk_languages(base).catch(function () {});
        document.dispatchEvent(new CustomEvent('oncefill:ready'));
      });
    });
  }

  function fail(err) {
    console.error('OnceFill could not start:', err && err.message ? err.message : err);
  }

  // Stops the instance and overwrites its memory; then a fresh form and a new instance.
  function discard(relock) {
    var old = exports;
    var oldModule = module;
    exports = null;
    module = null;
    desk.reset();
    if (oldModule && oldModule.unmount) oldModule.unmount();
    // The widget is taken down in a task of its own; only then does its memory go.
    return new Promise(function (resolve) { setTimeout(resolve, 0); }).then(function () {
      var host = document.querySelector('[data-oncefill-host]');
      if (host) host.remove();
      if (old && old.memory) new Uint8Array(old.memory.buffer).fill(0);
      freshForm();
      return start(relock);
    });
  }

  // The frame gets a new copy of the form: the old document, with what was filled, is gone.
  function freshForm() {
    var f = frame();
    var src = $('form').value;
    var next = document.createElement('iframe');
    next.setAttribute('data-staff-form', '');
    next.title = f ? f.title : '';
    next.src = src;
    if (f) f.replaceWith(next);
    else document.querySelector('.staff-form').appendChild(next);
    watchFrame(next);
  }

  // Ends the case: once the operations log is saved (waiting at most 3 s).
  function endCase(why) {
    if (ending) return Promise.resolve();
    ending = true;
    var waited = 0;
    return new Promise(function (resolve) {
      (function wait() {
        var busy = module && module.staff_idle && !module.staff_idle();
        if (busy && waited < 3000) {
          waited += 50;
          return setTimeout(wait, 50);
        }
        resolve();
      })();
    }).then(function () {
      return discard(undefined);
    }).then(function () {
      ending = false;
      lastInput = Date.now();
      $('status').textContent = why === 'idle'
        ? '长时间无操作，办理已自动结束，数据已清除。请解锁后开始新办理。'
        : '办理已结束，数据已清除。请解锁后开始新办理。';
      tick();
      document.dispatchEvent(new CustomEvent('oncefill:case-ended', { detail: { why: why } }));
    }, function (err) {
      ending = false;
      fail(err);
    });
  }

  function activity() {
    lastInput = Date.now();
  }
  ['keydown', 'input', 'pointerdown', 'click', 'wheel'].forEach(function (type) {
    document.addEventListener(type, activity, true);
  });
  function watchFrame(f) {
    f.addEventListener('load', function () {
      var doc = f.contentDocument;
      if (!doc) return;
      ['keydown', 'input', 'pointerdown', 'click', 'wheel'].forEach(function (type) {
        doc.addEventListener(type, activity, true);
      });
    });
  }

  function tick() {
    var left = idleMs - (Date.now() - lastInput);
    if (left <= 0 && !ending) {
      endCase('idle');
      return;
    }
    var minutes = Math.max(1, Math.ceil(left / 60000));
    $('countdown').textContent = minutes + ' 分钟后自动结束办理';
  }

  // The desk: the case's hand-off offer, reading the citizen's sealed code (scanner text, a
  // picture, the camera), the hall's attestation and its key. The case's session and every
  // value stay in the instance (`module`); this side gets texts, pictures, element names and
  // counts, never a value.
  var desk = (function () {
    var offer = null;
    var camera = null;

    function parse(text) {
      try { return JSON.parse(text); } catch (e) { return { ok: false }; }
    }

    // A message in Chinese, then in English when there is one.
    function say(el, message) {
      el.textContent = '';
      if (!message) return;
      el.appendChild(document.createTextNode(message.zh || ''));
      if (message.en && message.en !== message.zh) {
        var en = document.createElement('span');
        en.lang = 'en';
        en.textContent = ' ' + message.en;
        el.appendChild(en);
      }
    }

    function svgSrc(svg) {
      return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
    }

    function showOffer() {
      if (!module) return;
      var made = parse(module.desk_offer());
      if (!made.ok) {
        offer = null;
        say($('refused'), made.message);
        return;
      }
      offer = made;
      var url = base + 'app.html#offer=' + made.offer;
      var svg = module.desk_qr_svg(url);
      if (svg) $('offer-qr').src = svgSrc(svg);
      $('offer').textContent = made.offer;
      $('check').textContent = made.check.slice(0, 3) + ' ' + made.check.slice(3);
      $('offer-qr').classList.remove('staff-expired');
      left();
    }

    // The time left on the offer, or that it ran out.
    function left() {
      if (!offer) return;
      var s = Math.max(0, offer.expires - Math.floor(Date.now() / 1000));
      if (s === 0) {
        $('offer-left').textContent = '二维码已失效，请点“换一个码”。 The code has expired: choose “New code”.';
        $('offer-qr').classList.add('staff-expired');
        return;
      }
      var m = Math.floor(s / 60);
      var r = s % 60;
      $('offer-left').textContent = '二维码 ' + m + ' 分 ' + (r < 10 ? '0' : '') + r + ' 秒后失效 ' +
        '(expires in ' + m + ':' + (r < 10 ? '0' : '') + r + ')';
    }

    // Every second: the desk shows once the clerk's vault is open (with a new offer for the
    // case), and hides when it locks.
    function tick() {
      var open = !!(module && module.desk_unlocked && module.desk_unlocked());
      var section = $('desk');
      if (open && section.hidden) {
        section.hidden = false;
        hall();
        showOffer();
      } else if (!open && !section.hidden) {
        reset();
      }
      left();
    }

    function received(result) {
      $('refused').textContent = '';
      $('received').textContent = '';
      $('credentials').textContent = '';
      if (!result.ok) {
        say($('refused'), result.message);
        return;
      }
      var zhName = function (e) { return e.zh + (e.role ? '（' + e.role + '）' : ''); };
      var enName = function (e) { return e.en + (e.role ? ' (' + e.role + ')' : ''); };
      var used = result.elements.filter(function (e) { return !e.apart; });
      var apart = result.elements.filter(function (e) { return e.apart; });
      var zh = '已收到 ' + result.count + ' 项，已放入左侧资料（未保存）：' + used.map(zhName).join('、') + '。';
      var en = 'Received ' + result.count + ' items, now in the data on the left (not saved): ' + used.map(enName).join(', ') + '.';
      if (apart.length) {
        zh += '另有 ' + apart.length + ' 项属于企业或代理人，未放入：' + apart.map(zhName).join('、') + '。';
        en += ' ' + apart.length + ' more are a firm\'s or an agent\'s and were not put in: ' + apart.map(enName).join(', ') + '.';
      }
      say($('received'), { zh: zh, en: en });
      credentials(result.credentials || []);
    }

    // Each credential presented: verified (issuer, date, method, the elements it vouches for,
    // marked 已核验 in the data), or refused with the reason (its elements stay as the
    // citizen declared them, to be checked against the original).
    function credentials(list) {
      var box = $('credentials');
      box.textContent = '';
      list.forEach(function (c) {
        var p = document.createElement('p');
        if (c.ok) {
          var zhNames = c.elements.map(function (e) { return e.zh; }).join('、');
          var enNames = c.elements.map(function (e) { return e.en; }).join(', ');
          var demo = c.demo ? { zh: '（演示）', en: ' (demo)' } : { zh: '', en: '' };
          p.className = 'staff-verified';
          p.setAttribute('data-staff', 'credential-verified');
          say(p, {
            zh: '已核验 · 电子证照（' + c.issuer.zh + '，' + c.date + '，' + c.alg + '）' + demo.zh + '：' + zhNames + '。',
            en: 'Verified · signed credential (' + (c.issuer.en || c.issuer.zh) + ', ' + c.date + ', ' + c.alg + ')' + demo.en + ': ' + enNames + '.',
          });
        } else {
          p.className = 'staff-refused';
          p.setAttribute('data-staff', 'credential-refused');
          say(p, {
            zh: '凭证未通过核验：' + c.message.zh + ' 其中的资料按本人自填对待，请核对原件。',
            en: c.message.en ? 'A credential was refused: ' + c.message.en + ' Its items count as the citizen\'s own declaration: check the original.' : undefined,
          });
        }
        box.appendChild(p);
      });
    }

    function open(text) {
      if (!module) return;
      trust.then(function (list) {
        if (module) received(parse(module.desk_receive(text, list)));
      });
    }

    // A picture to grey levels, scaled down to at most `max` pixels a side.
    function grey(source, width, height, max) {
      var scale = Math.min(1, max / Math.max(width, height));
      var w = Math.max(1, Math.round(width * scale));
      var h = Math.max(1, Math.round(height * scale));
      var canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      var ctx = canvas.getContext('2d', { willReadFrequently: true });
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, w, h);
      ctx.drawImage(source, 0, 0, w, h);
      var rgba = ctx.getImageData(0, 0, w, h).data;
      var out = new Uint8Array(w * h);
      for (var i = 0, j = 0; j < out.length; i += 4, j += 1) {
        out[j] = (rgba[i] * 299 + rgba[i + 1] * 587 + rgba[i + 2] * 114) / 1000;
      }
      canvas.width = 0;
      return { width: w, height: h, pixels: out };
    }

    function scan(source, width, height) {
      var g = grey(source, width, height, 1600);
      var text = module ? module.desk_scan(g.width, g.height, g.pixels) : undefined;
      g.pixels.fill(255);
      return text;
    }

    var NO_QR = { zh: '图片中没有找到可读的二维码，请对准后重试。', en: 'No readable QR code in the picture. Try again, with the code in view.' };

    function fromFile(file) {
      if (!file) return;
      createImageBitmap(file).then(function (bitmap) {
        var text = scan(bitmap, bitmap.width, bitmap.height);
        bitmap.close();
        $('sealed-image').value = '';
        if (text) open(text);
        else { $('received').textContent = ''; say($('refused'), NO_QR); }
      }, function () {
        $('sealed-image').value = '';
        say($('refused'), { zh: '无法读取这张图片。', en: 'This picture cannot be read.' });
      });
    }

    function stopCamera() {
      if (!camera) return;
      clearInterval(camera.timer);
      camera.stream.getTracks().forEach(function (t) { t.stop(); });
      var video = $('camera-view');
      video.srcObject = null;
      video.hidden = true;
      $('camera-stop').hidden = true;
      $('camera').hidden = false;
      camera = null;
    }

    function startCamera() {
      var media = navigator.mediaDevices;
      var refused = { zh: '没有可用的摄像头，或未获准使用摄像头。请改用扫码枪或图片。', en: 'No camera, or its use was not allowed. Use the scanner or a picture instead.' };
      if (!media || !media.getUserMedia) { say($('refused'), refused); return; }
      // As many pixels as the camera gives (up to full HD): a code carrying a credential is
      // 177 modules wide, which the 640 × 480 a camera gives by default cannot resolve.
      var wanted = { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } };
      media.getUserMedia({ video: wanted, audio: false }).then(function (stream) {
        if (!module) { stream.getTracks().forEach(function (t) { t.stop(); }); return; }
        var video = $('camera-view');
        video.srcObject = stream;
        video.hidden = false;
        $('camera').hidden = true;
        $('camera-stop').hidden = false;
        $('camera-stop').focus();
        $('refused').textContent = '';
        $('received').textContent = '扫码中…… Scanning…';
        video.play().catch(function () {});
        camera = { stream: stream, timer: setInterval(function () {
          if (!video.videoWidth) return;
          var text = scan(video, video.videoWidth, video.videoHeight);
          if (text) {
            stopCamera();
            $('camera').focus();
            open(text);
          }
        }, 300) };
      }, function () {
        say($('refused'), refused);
      });
    }

    // The applicant's elements the case has, to tick.
    function listAttestable() {
      if (!module) return;
      var list = parse(module.desk_attestable());
      var box = $('attest-choices');
      box.textContent = '';
      $('attest-status').textContent = '';
      if (!Array.isArray(list) || list.length === 0) {
        say($('attest-status'), { zh: '左侧资料中还没有可签注的信息。', en: 'The data on the left has nothing to attest yet.' });
        $('attest-items').hidden = true;
        return;
      }
      list.forEach(function (e) {
        var label = document.createElement('label');
        var box1 = document.createElement('input');
        box1.type = 'checkbox';
        box1.value = e.id;
        box1.setAttribute('data-staff', 'attest-' + e.id);
        label.appendChild(box1);
        label.appendChild(document.createTextNode(' ' + e.zh + ' '));
        var en = document.createElement('span');
        en.lang = 'en';
        en.textContent = e.en;
        label.appendChild(en);
        box.appendChild(label);
      });
      $('attest-items').hidden = false;
      box.querySelector('input').focus();
    }

    function sign() {
      if (!module) return;
      var ids = Array.prototype.map.call(
        $('attest-choices').querySelectorAll('input:checked'), function (i) { return i.value; });
      var result = parse(module.desk_attest(ids));
      clearAttestation();
      if (!result.ok) { say($('attest-status'), result.message); return; }
      var url = base + 'app.html#attest=' + encodeURIComponent(result.text);
      var svg = module.desk_qr_svg(url);
      var out = $('attest-out');
      if (svg) {
        $('attest-qr').src = svgSrc(svg);
        $('attest-qr').hidden = false;
      } else {
        // Too long for one code: a file the citizen's app imports.
        var link = $('attest-file');
        link.href = URL.createObjectURL(new Blob([result.text], { type: 'text/plain' }));
        link.download = 'attestation.oncefill-attest';
        link.hidden = false;
        $('attest-qr').hidden = true;
      }
      out.hidden = false;
      $('attest-items').hidden = true;
      say($('attest-status'), {
        zh: '已签注 ' + result.count + ' 项，已记入操作记录。',
        en: 'Signed ' + result.count + ' items; noted in the operations log.',
      });
      (svg ? $('attest-qr') : $('attest-file')).scrollIntoView({ block: 'nearest' });
    }

    function clearAttestation() {
      var link = $('attest-file');
      if (link.href) URL.revokeObjectURL(link.href);
      link.removeAttribute('href');
      link.hidden = true;
      $('attest-qr').removeAttribute('src');
      $('attest-out').hidden = true;
    }

    // The hall's key: its trust-list entry (never the secret), or how to make one.
    function hall(result) {
      if (!module) return;
      var h = result || parse(module.desk_hall());
      $('hall-message').textContent = '';
      if (h.ok) {
        $('hall-status').textContent = '本窗口的核验密钥（' + h.hall + '，' + h.kid + '）。请将以下公钥加入本部署的信任列表： ' +
          "This desk's signing key; add this public key to the deployment's trust list:";
        $('hall-trust').textContent = h.trust;
        $('hall-trust').hidden = false;
        $('hall-make-row').hidden = true;
      } else if (result) {
        say($('hall-message'), h.message);
      } else {
        $('hall-status').textContent = '本窗口还没有核验密钥：生成一把，或导入本大厅的密钥。 This desk has no signing key yet: make one or import the hall\'s.';
        $('hall-trust').hidden = true;
        $('hall-make-row').hidden = false;
      }
    }

    function reset() {
      stopCamera();
      offer = null;
      $('desk').hidden = true;
      ['offer', 'check', 'offer-left', 'received', 'credentials', 'refused', 'attest-status', 'attest-choices',
        'hall-status', 'hall-trust', 'hall-message'].forEach(function (n) { $(n).textContent = ''; });
      ['sealed', 'sealed-image', 'hall-secret', 'hall-id', 'hall-kid'].forEach(function (n) { $(n).value = ''; });
      $('offer-qr').removeAttribute('src');
      $('attest-items').hidden = true;
      $('hall').open = false;
      clearAttestation();
    }

    function wire() {
      $('offer-new').addEventListener('click', showOffer);
      $('sealed').addEventListener('keydown', function (e) {
        if (e.key !== 'Enter') return;
        e.preventDefault();
        var text = $('sealed').value;
        $('sealed').value = '';
        open(text);
      });
      $('sealed-open').addEventListener('click', function () {
        var text = $('sealed').value;
        $('sealed').value = '';
        open(text);
      });
      $('sealed-image').addEventListener('change', function () { fromFile($('sealed-image').files[0]); });
      $('camera').addEventListener('click', startCamera);
      $('camera-stop').addEventListener('click', function () {
        stopCamera();
        $('received').textContent = '';
        $('camera').focus();
      });
      $('attest-list').addEventListener('click', listAttestable);
      $('attest-sign').addEventListener('click', sign);
      $('hall-make').addEventListener('click', function () {
        if (module) hall(parse(module.desk_hall_generate($('hall-id').value, $('hall-kid').value)));
      });
      $('hall-import').addEventListener('click', function () {
        var secret = $('hall-secret').value;
        $('hall-secret').value = '';
        if (module) hall(parse(module.desk_hall_import(secret)));
      });
    }

    return { tick: tick, reset: reset, wire: wire };
  })();

  document.addEventListener('DOMContentLoaded', function () {
    desk.wire();
    // The form is loaded only now, when the desk is marked (OnceFillStaff, above): its own
    // widget sees the mark and stays out.
    watchFrame(frame());
    frame().src = $('form').value;
    $('form').addEventListener('change', function () { frame().src = $('form').value; });
    $('end').addEventListener('click', function () { endCase('end'); });
    $('new').addEventListener('click', function () { endCase('new'); });
    tick();
    setInterval(tick, 1000);
    // The desk follows the clerk's unlocking and locking within a quarter of a second.
    setInterval(function () { desk.tick(); }, 250);
  });

  // The vault locked itself (the clerk's lock or its own auto-lock): the instance goes the same way.
  document.addEventListener('oncefill:locked', function (event) {
    var detail = event.detail || {};
    setTimeout(function () {
      discard({ open: true, lang: detail.lang, autoLockMinutes: detail.autoLockMinutes || 10 }).catch(fail);
    }, 0);
  });


  start(undefined).catch(fail);
})();
