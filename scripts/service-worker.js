// The handbook's service worker: the whole built site, the engine and Pyodide included, is kept in one
// cache named for this build, so every page and every guide works with no network after one visit.
// scripts/offline.py writes VERSION and FILES above this text. A new build installs beside the old one
// and waits, so a page is never served half from one version and half from another; the page offers
// "Reload" and sends "skip-waiting". Old caches are deleted once the new version takes over.
/* global VERSION, FILES */
"use strict";

const PREFIX = "mash-handbook-";
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  // "reload": fetched afresh from the server, never from the browser's HTTP cache of an older build.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: "reload" })))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // The query (?as-of= for training) does not change the file; the fragment never reaches here.
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request))),
  );
});
