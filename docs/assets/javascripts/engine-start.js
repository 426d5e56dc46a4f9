// Starts the guide engine as soon as a guide is in the page. The build puts this script straight after
// each guide's plain HTML, so Pyodide starts downloading and compiling while the rest of the page and
// its theme are still loading; decision-guide.js, which runs at the end of the page, takes it from here
// (window.mgGuideEngine) and upgrades the guide once the engine answers.
//
// The engine runs in a SharedWorker that outlives its page for a moment ("extendedLifetime"), so the
// next guide page in a visit finds Python already started; a browser without SharedWorker, or one that
// refuses it, gets a dedicated worker for the page. Either way the page talks through one port, and
// every call carries the guide and the walk's token: pages sharing the engine keep their own walks.
(function () {
  "use strict";
  if (window.mgGuideEngine) return; // a page with two guides runs this twice

  var scriptURL = document.currentScript ? document.currentScript.src : "";

  // The build writes here a hash of the engine, Pyodide and the guides, so that pages of one build share
  // one engine and a page of a newer build never talks to an older engine still alive in another tab.
  var ENGINE_BUILD = "unbuilt";

  function supported() {
    // Module workers cannot start from file://; the plain version serves there.
    return (
      /^https?:$/.test(location.protocol) &&
      typeof window.Worker === "function" &&
      typeof window.WebAssembly === "object" &&
      scriptURL !== ""
    );
  }

  function openWorker() {
    var url = new URL("guide-worker.mjs", scriptURL);
    if (typeof window.SharedWorker === "function") {
      try {
        var shared = new SharedWorker(url, { type: "module", name: "mash-guide-engine " + ENGINE_BUILD, extendedLifetime: true });
        return { port: shared.port, events: shared, kind: "shared-worker" };
      } catch (error) { /* refused: a dedicated worker serves instead */ }
    }
    var worker = new Worker(url, { type: "module" });
    return { port: worker, events: worker, kind: "dedicated-worker" };
  }

  // One worker for the page, opened on first use; calls are matched to replies by id.
  var engine = null;
  function start() {
    if (engine) return engine;
    var opened = openWorker();
    var port = opened.port;
    var waiting = new Map();
    var nextId = 1;
    var failed = null;
    port.onmessage = function (event) {
      var reply = event.data;
      var entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      if (reply.ok) entry.resolve(JSON.parse(reply.result));
      else entry.reject(new Error(reply.error));
    };
    opened.events.onerror = function (event) {
      failed = new Error("The guide engine stopped: " + (event.message || "unknown error"));
      waiting.forEach(function (entry) { entry.reject(failed); });
      waiting.clear();
    };
    engine = {
      kind: opened.kind,
      call: function (op) {
        var args = Array.prototype.slice.call(arguments, 1);
        if (failed) return Promise.reject(failed);
        return new Promise(function (resolve, reject) {
          var id = nextId++;
          waiting.set(id, { resolve: resolve, reject: reject });
          port.postMessage({ id: id, op: op, args: args });
        });
      },
    };
    return engine;
  }

  // The engine reads each guide once per page, asked for here, before the page has finished loading.
  var asked = {};
  function loadGuide(id) {
    if (!asked[id]) asked[id] = start().call("load", new URL("../guides/" + id + ".json", scriptURL).href);
    return asked[id];
  }

  window.mgGuideEngine = { supported: supported, start: start, loadGuide: loadGuide };
  document.dispatchEvent(new Event("mg-guide-engine")); // for a page script that ran before this one

  if (!supported()) return;
  try {
    document.querySelectorAll('[data-module="decision-guide"]').forEach(function (root) {
      loadGuide(root.getAttribute("data-guide"));
    });
  } catch (error) { /* decision-guide.js says what went wrong when it starts the guide */ }
})();
