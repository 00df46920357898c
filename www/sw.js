/*
 * OnceFill's service worker: keeps one build's static files so that OnceFill's pages, the
 * widget and the OnceFill window work without a network after the first visit.
 *
 * - Installing fetches every file of the build (the list below, written by `cargo xtask build`)
 *   into a cache named after the build's id; it fails as a whole if one file is missing.
 * - Activating deletes the caches of every other build, then takes control of open pages.
 * - A new build waits while an older one runs a page; a page's "刷新后使用" asks it to take
 *   over (message `{ oncefill: 'take-over' }`), otherwise it starts once no page uses the old one.
 * - Only GET requests for this site's own files are answered, from the cache first. Nothing
 *   else is ever stored: no request with a body, nothing of another origin, nothing a page
 *   produced. OnceFill sends no personal data to any server, so no response carries any.
 */
'use strict';

// The build this file belongs to, and the build of the page that registered it (its URL is
// `sw.js?build=…`). They differ for a moment after an update, when a page of the old build
// fetches this file of the new one: the cache then has a name of its own, so that a new
// worker never writes into the cache an older one still answers from.
var BUILD = '@ONCEFILL_BUILD@';
var ASKED = new URL(self.location.href).searchParams.get('build');
var FILES = ['@ONCEFILL_FILES@'];
var PREFIX = 'oncefill-';
var CACHE = PREFIX + BUILD + (ASKED && ASKED !== BUILD ? '-' + ASKED : '');
var SCOPE = self.registration.scope;

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      // Past the browser's HTTP cache: the files of this build as the server has them now.
      return cache.addAll(
        FILES.map(function (file) {
          return new Request(new URL(file, SCOPE).href, { cache: 'no-cache' });
        }),
      );
    }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; })
            .map(function (name) { return caches.delete(name); }),
        );
      })
      .then(function () { return self.clients.claim(); }),
  );
});

self.addEventListener('message', function (event) {
  if (event.data && event.data.oncefill === 'take-over') self.skipWaiting();
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  if (request.url.indexOf(SCOPE) !== 0) return;
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      // A new instance of the widget imports its module as `pkg/oncefill.js?instance=N`.
      return cache.match(request, { ignoreSearch: true }).then(function (hit) {
        return hit || fetch(request);
      });
    }),
  );
});
