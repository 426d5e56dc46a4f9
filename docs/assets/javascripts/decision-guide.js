// Upgrades a plain-HTML decision guide (data-module="decision-guide") into the interactive version.
//
// The plain version works on its own: with JavaScript off, from disk, or while the engine loads.
// When the engine is ready in its Web Worker, this swaps in one question at a time. The walk lives
// in the URL fragment (#walk=...), so reload and the browser's Back button keep a person's place,
// and nothing is sent to any server.
(function () {
  "use strict";

  var scriptURL = document.currentScript ? document.currentScript.src : "";
  var PREFIX = "#walk=";
  var engine = null;

  function supported() {
    // Module workers cannot start from file://; the plain version serves there.
    return (
      /^https?:$/.test(location.protocol) &&
      typeof window.Worker === "function" &&
      typeof window.WebAssembly === "object" &&
      scriptURL !== ""
    );
  }

  // One worker for the page, started on first use; calls are matched to replies by id.
  function startEngine() {
    if (engine) return engine;
    var worker = new Worker(new URL("guide-worker.mjs", scriptURL), { type: "module" });
    var waiting = new Map();
    var nextId = 1;
    var failed = null;
    worker.onmessage = function (event) {
      var reply = event.data;
      var entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      if (reply.ok) entry.resolve(JSON.parse(reply.result));
      else entry.reject(new Error(reply.error));
    };
    worker.onerror = function (event) {
      failed = new Error("The guide engine stopped: " + (event.message || "unknown error"));
      waiting.forEach(function (entry) { entry.reject(failed); });
      waiting.clear();
    };
    engine = {
      call: function (op) {
        var args = Array.prototype.slice.call(arguments, 1);
        if (failed) return Promise.reject(failed);
        return new Promise(function (resolve, reject) {
          var id = nextId++;
          waiting.set(id, { resolve: resolve, reject: reject });
          worker.postMessage({ id: id, op: op, args: args });
        });
      },
    };
    return engine;
  }

  function tokenInHash() {
    // The token is URL-safe as it stands; the engine reads it exactly as the address bar holds it.
    return location.hash.indexOf(PREFIX) === 0 ? location.hash.slice(PREFIX.length) : null;
  }

  function formToObject(form) {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      (fields[name] = fields[name] || []).push(String(value));
    });
    return fields;
  }

  function Guide(root) {
    this.root = root;
    this.id = root.getAttribute("data-guide");
    this.status = root.querySelector(".mg-status");
    this.plain = root.querySelector(".mg-static");
    this.live = null;
    this.token = "";
    this.startToken = ""; // a fresh walk, from the engine once it has loaded the guide
    this.clicked = []; // answers clicked in the plain version before the engine was ready
    this.pageTitle = document.title;
  }

  Guide.prototype.say = function (text) {
    this.status.hidden = !text;
    this.status.textContent = text;
  };

  Guide.prototype.start = function () {
    var guide = this;
    this.say("The interactive version of this guide is loading. You can use the guide below now.");
    this.root.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[data-question]");
      if (link && !guide.live) guide.clicked.push([link.getAttribute("data-question"), link.getAttribute("data-value")]);
    });
    var api = startEngine();
    var url = new URL("../guides/" + this.id + ".json", scriptURL).href;
    return api
      .call("load", url)
      .then(function (loaded) {
        if (!loaded.ok) throw new Error(loaded.message);
        guide.startToken = loaded.start;
        return guide.firstToken(api);
      })
      .then(function (token) {
        guide.attach();
        return guide.show(token, { focus: guide.plain.contains(document.activeElement) });
      })
      .then(function () {
        performance.mark("mg-engine-ready");
        guide.root.setAttribute("data-ready", "");
      })
      .catch(function (error) {
        guide.say("The interactive version could not start, so the guide below is the plain version. It works the same way.");
        guide.root.setAttribute("data-failed", String(error && error.message));
      });
  };

  // Where to begin: the walk in the link if there is one, else any answers clicked while loading.
  Guide.prototype.firstToken = function (api) {
    var token = tokenInHash();
    if (token !== null || this.clicked.length === 0) return Promise.resolve(token || "");
    return api.call("replay", this.id, JSON.stringify(this.clicked)).then(function (reply) {
      if (!reply.ok) return ""; // the clicks could not be followed: begin at the start
      history.replaceState(null, "", PREFIX + reply.token);
      return reply.token;
    });
  };

  Guide.prototype.attach = function () {
    var guide = this;
    var asOf = trainingClock();
    if (asOf) {
      // A trainer's fixed clock changes every due time shown, so say so where it cannot be missed.
      var note = document.createElement("p");
      note.className = "mg-training-clock";
      note.textContent = "Training clock: due times are worked out as if it were " + asOf.replace("T", " at ") + ".";
      this.root.appendChild(note);
    }
    this.live = document.createElement("div");
    this.live.className = "mg-live-root";
    this.root.appendChild(this.live);
    this.plain.hidden = true;
    this.say("");
    window.addEventListener("hashchange", function () {
      var token = tokenInHash();
      // No fragment at all is where the walk began (Back past the first answer); any other
      // fragment is a link within the page, such as the table of contents, and leaves the walk alone.
      if (token === null && location.hash === "") token = "";
      if (token !== null) guide.show(token, { focus: true });
    });
    this.live.addEventListener("submit", function (event) {
      event.preventDefault();
      guide.answer(event.target);
    });
    this.live.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button[data-record], button[data-print]");
      if (!button) return;
      if (button.hasAttribute("data-print")) window.print();
      else guide.download(button.getAttribute("data-record"));
    });
    this.live.addEventListener("change", function (event) {
      var box = event.target;
      // Only answers in a question's form are exclusive; an outcome's checklist ticks stand alone.
      if (box.type !== "checkbox" || !box.checked || !box.form) return;
      // "None of these" stands alone: ticking it clears the others, and ticking another clears it.
      box.form.querySelectorAll("input[type=checkbox]").forEach(function (other) {
        if (other !== box && (box.hasAttribute("data-exclusive") || other.hasAttribute("data-exclusive"))) {
          other.checked = false;
        }
      });
    });
  };

  // A trainer's fixed "now", from ?as-of=2026-11-23T09:00, or null.
  function trainingClock() {
    var asOf = new URLSearchParams(location.search).get("as-of");
    return asOf && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(asOf) ? asOf : null;
  }

  // "Now" in UK time, as the engine reads it. A trainer can fix it with ?as-of=2026-11-23T09:00.
  function ukNow() {
    var asOf = trainingClock();
    if (asOf) return asOf;
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day + "T" + parts.hour + ":" + parts.minute;
  }

  // Ticked checklist items, by position; they go into the decision record and stay only on this page.
  Guide.prototype.ticked = function () {
    return Array.prototype.map.call(this.live.querySelectorAll("input[data-action]:checked"), function (box) {
      return Number(box.getAttribute("data-action"));
    });
  };

  // The record is made by the engine in this tab and handed to the browser as a download.
  Guide.prototype.download = function (format) {
    var guide = this;
    return startEngine()
      .call("record", this.id, this.token, format, ukNow(), JSON.stringify(this.ticked()))
      .then(function (reply) {
        if (!reply.ok) throw new Error(reply.message);
        var link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob([reply.text], { type: "text/plain;charset=utf-8" }));
        link.download = reply.filename;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      })
      .catch(function (error) {
        guide.say(error.message);
        guide.status.scrollIntoView({ block: "nearest" }); // it sits above the guide, away from the button
      });
  };

  // A reply with a message and no view (the engine met a fault, or has no such guide loaded): say so,
  // and offer a fresh start, rather than leave the guide blank.
  function problemView(message, startToken) {
    var view = document.createElement("div");
    view.className = "mg-live mg-problem";
    view.setAttribute("data-node", "");
    view.innerHTML =
      '<div class="mg-error-summary" role="alert" tabindex="-1" aria-labelledby="mg-error-title">' +
      '<h2 class="mg-error-summary__title mg-heading" id="mg-error-title" tabindex="-1">There is a problem</h2>' +
      "<p></p></div>" +
      '<p><a class="md-button md-button--primary">Start again</a></p>';
    view.querySelector(".mg-error-summary p").textContent =
      message || "Something went wrong in the guide engine. Start again, or reload the page if it happens again.";
    view.querySelector("a").setAttribute("href", PREFIX + startToken);
    return view;
  }

  Guide.prototype.render = function (view, options) {
    if (typeof view.html === "string") {
      this.live.innerHTML = view.html; // built and escaped by the engine from the guide's own data
      document.title = view.title + " – " + this.pageTitle;
    } else {
      this.live.replaceChildren(problemView(view.message, this.startToken));
      document.title = "Error: There is a problem – " + this.pageTitle;
    }
    if (!options.focus) return;
    var target = this.live.querySelector(".mg-error-summary") || this.live.querySelector(".mg-heading");
    if (target) {
      target.focus();
      target.scrollIntoView({ block: "center" });
    }
  };

  Guide.prototype.show = function (token, options) {
    var guide = this;
    return startEngine()
      .call("render", this.id, token, ukNow())
      .then(function (view) {
        guide.token = view.ok ? view.token : "";
        guide.render(view, options);
      });
  };

  Guide.prototype.answer = function (form) {
    var guide = this;
    performance.mark("mg-answer-start");
    return startEngine()
      .call("submit", this.id, this.token, JSON.stringify(formToObject(form)))
      .then(function (reply) {
        if (reply.token && PREFIX + reply.token !== location.hash) {
          location.hash = PREFIX.slice(1) + reply.token; // a new history entry; hashchange shows it
        } else if (reply.token) {
          guide.show(reply.token, { focus: true });
        } else {
          guide.render(reply, { focus: true });
        }
      })
      .catch(function (error) {
        guide.say("Something went wrong: " + error.message + ". Reload the page to carry on.");
      });
  };

  function init() {
    document.querySelectorAll('[data-module="decision-guide"]').forEach(function (root) {
      if (root.hasAttribute("data-module-started")) return; // never start one element twice
      root.setAttribute("data-module-started", "");
      if (!supported()) {
        var status = root.querySelector(".mg-status");
        if (status && location.protocol === "file:") {
          status.hidden = false;
          status.textContent = "Opened from a file, this guide works as linked pages: choose an answer to go to the next step.";
        }
        return;
      }
      try {
        new Guide(root).start();
      } catch (error) {
        root.setAttribute("data-failed", String(error && error.message));
      }
    });
  }

  // Material's document$ fires on every page view, including instant navigation when it is on.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
