// Installs the handbook for use without a network (served over http(s) only: browsers refuse service
// workers on file://). Says "Available offline" once the whole site is saved, and "Updated: reload"
// when a newer build is ready. The saved copy is the site itself, never anything a person typed.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var config = document.getElementById("__config");
  if (!config) return;
  var root = new URL(JSON.parse(config.textContent).base + "/", location.href);

  var manifest = document.createElement("link");
  manifest.rel = "manifest";
  manifest.href = new URL("manifest.webmanifest", root).href;
  document.head.appendChild(manifest);

  var reloading = false;
  function notice(text, button) {
    var box = document.querySelector(".mg-offline");
    if (!box) {
      box = document.createElement("div");
      box.className = "mg-offline";
      box.setAttribute("role", "status");
      var inner = document.querySelector(".md-content__inner") || document.body;
      inner.appendChild(box);
    }
    // "Available offline" waits quietly at the foot of the page; an update goes to the top, where it is seen.
    var inner = box.parentNode;
    if (button) inner.insertBefore(box, inner.firstChild);
    else inner.appendChild(box);
    box.classList.toggle("mg-offline--update", !!button);
    box.replaceChildren();
    var p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
    if (button) {
      var reload = document.createElement("button");
      reload.type = "button";
      reload.className = "md-button md-button--primary";
      reload.textContent = "Reload";
      reload.addEventListener("click", button);
      box.appendChild(reload);
    }
  }
  function offlineReady() {
    notice("Available offline: this handbook is saved on this device, so its pages and guides work without a network.");
  }
  function updateReady(worker) {
    notice("Updated: a newer version of the handbook is ready.", function () {
      reloading = true;
      worker.postMessage("skip-waiting");
    });
  }
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading) location.reload();
  });

  // Saving the site (about 19 MB) must not slow the first visit: it starts once the page has loaded
  // and, on a guide page, once the engine is ready (or after 20 seconds, whichever comes first).
  function whenQuiet(start) {
    var guide = document.querySelector("[data-module=decision-guide]");
    if (!guide || guide.hasAttribute("data-ready")) return start();
    var started = false;
    function once() {
      if (started) return;
      started = true;
      watcher.disconnect();
      start();
    }
    var watcher = new MutationObserver(function () { if (guide.hasAttribute("data-ready")) once(); });
    watcher.observe(guide, { attributes: true, attributeFilter: ["data-ready"] });
    setTimeout(once, 20000);
  }
  if (document.readyState === "complete") whenQuiet(register);
  else window.addEventListener("load", function () { whenQuiet(register); });

  function register() {
    var registering = navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname });
    // A browser that refuses service workers (private windows, policy, a test harness) gets no
    // registration, or a rejection: the site then simply works online, as before.
    if (!registering || !registering.then) return;
    registering.then(function (registration) {
      if (!registration) return;
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
      if (registration.waiting && navigator.serviceWorker.controller) updateReady(registration.waiting);
      else if (registration.active && !registration.installing) offlineReady();
      registration.addEventListener("updatefound", function () {
        var worker = registration.installing;
        worker.addEventListener("statechange", function () {
          if (worker.state !== "installed") return;
          if (navigator.serviceWorker.controller) updateReady(worker);
          else offlineReady();
        });
      });
    }, function () {});
  }
})();
