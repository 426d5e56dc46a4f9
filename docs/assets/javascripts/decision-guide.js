// Upgrades a plain-HTML decision guide (data-module="decision-guide") into the interactive version.
//
// The plain version works on its own: with JavaScript off, from disk, or while the engine loads.
// When the engine is ready in its Web Worker, this swaps in one question at a time. The walk lives
// in the URL fragment (#walk=...), so reload and the browser's Back button keep a person's place,
// and nothing is sent to any server.
(function () {
  "use strict";

  var PREFIX = "#walk=";
  // The engine's connection, opened by engine-start.js as soon as the guide is in the page. That script
  // is async, so it may run after this one: init() waits for it (see the foot of this file).
  function connection() {
    return window.mgGuideEngine || null;
  }

  function supported() {
    return !!connection() && connection().supported();
  }

  function startEngine() {
    return connection().start();
  }

  // The fragment is #walk=TOKEN, then &done=0,2 for the checklist items ticked on an outcome. The
  // token is URL-safe as it stands (it never holds "&"); the engine reads it as the address bar holds it.
  function tokenInHash() {
    return location.hash.indexOf(PREFIX) === 0 ? location.hash.slice(PREFIX.length).split("&")[0] : null;
  }

  function ticksInHash() {
    var match = /&done=([0-9,]*)$/.exec(location.hash);
    return match && match[1] ? match[1].split(",").map(Number) : [];
  }

  // CRC-32, as the engine signs a token, so a damaged link is never followed at first paint.
  var CRC_TABLE = (function () {
    var table = [];
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table.push(c >>> 0);
    }
    return table;
  })();

  function crc32(text) {
    var crc = 0xffffffff;
    for (var i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
    return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, "0");
  }

  // The plain step a walk link stands on, found by following the plain version's own links for the
  // link's answers, so a shared or reloaded link shows its step at once instead of question 1 while the
  // engine loads (and from disk, where the engine cannot run). Null when the link is not for this guide
  // as it stands, or is damaged: the start is shown, and the engine says why once it has loaded.
  function linkedStep(root, token) {
    var pieces = token.split(".");
    if (pieces.length !== 4 || pieces[0] !== root.getAttribute("data-guide")) return null;
    if (pieces[1] !== root.getAttribute("data-version") || crc32(pieces.slice(0, 3).join(".")) !== pieces[3]) return null;
    var answers = {};
    var at = null;
    pieces[2].split(";").forEach(function (part) {
      if (part.charAt(0) === "@") at = part.slice(1);
      else if (part) {
        var cut = part.indexOf("=");
        try { answers[part.slice(0, cut)] = decodeURIComponent(part.slice(cut + 1)); } catch (error) { /* left out */ }
      }
    });
    var step = root.querySelector(".mg-static > .mg-step");
    for (var i = 0; step && i < 1000; i++) {
      var question = step.getAttribute("data-question");
      if (!question || question === at || !Object.prototype.hasOwnProperty.call(answers, question)) return step;
      var link = null;
      step.querySelectorAll("a[data-question]").forEach(function (candidate) {
        var fits = candidate.hasAttribute("data-continue")
          ? !candidate.hasAttribute("data-settles") // past questions the plain page cannot ask: stop here
          : candidate.getAttribute("data-value") === answers[question];
        if (fits && candidate.getAttribute("data-question") === question) link = candidate;
      });
      var next = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!next) return step;
      step = next;
    }
    return step;
  }

  function showLinkedStep(root) {
    var token = tokenInHash();
    var step = token ? linkedStep(root, token) : null;
    if (!step || step === root.querySelector(".mg-static > .mg-step")) return;
    step.classList.add("mg-shown");
    // Once a plain link is followed, the step it points to is the one to show.
    root.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".mg-static a[href^='#']")) step.classList.remove("mg-shown");
    });
  }

  // The answers that led to a plain step, from its address (#q-... or #o-...), or null.
  function plainAnswers(root, hash) {
    if (!/^#[qo]-/.test(hash)) return null;
    var step = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!step || !root.contains(step) || !step.hasAttribute("data-answers")) return null;
    try { return JSON.parse(step.getAttribute("data-answers")); } catch (error) { return null; }
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
    this.pageTitle = document.title;
  }

  Guide.prototype.say = function (text) {
    this.status.hidden = !text;
    this.status.textContent = text;
  };

  Guide.prototype.start = function () {
    var guide = this;
    this.say("The interactive version of this guide is loading. You can use the guide below now.");
    var api = startEngine();
    var midway = false;
    var which = api.call("start"); // asked now, so it costs no round trip of its own at the end
    which.catch(function () {}); // a failure is the chain's below, said once
    return connection().loadGuide(this.id)
      .then(function (loaded) {
        if (!loaded.ok) throw new Error(loaded.message);
        guide.startToken = loaded.start;
        // Someone who answered in the plain version while the engine loaded stands on a plain step (its
        // address says so, though following a link leaves focus on the page): focus follows them into
        // the interactive version, rather than falling back to the top of the page.
        midway = guide.plain.contains(document.activeElement) || plainAnswers(guide.root, location.hash) !== null;
        return guide.firstToken(api);
      })
      .then(function (token) {
        guide.attach();
        return guide.show(token, { focus: midway });
      })
      .then(function () {
        return which;
      })
      .then(function (start) {
        // Which engine answered, for the benchmark and the tests: a warm engine keeps its start.
        guide.root.setAttribute("data-engine", api.kind + " " + start.start);
        performance.mark("mg-engine-ready");
        guide.root.setAttribute("data-ready", "");
      })
      .catch(function (error) {
        guide.say("The interactive version could not start, so the guide below is the plain version. It works the same way.");
        guide.root.setAttribute("data-failed", String(error && error.message));
      });
  };

  // Where to begin: the walk in the link if there is one, else the plain step the person had reached
  // while the engine loaded (its answers are in its address), else the start.
  Guide.prototype.firstToken = function (api) {
    var token = tokenInHash();
    if (token !== null) return Promise.resolve(token);
    var answers = plainAnswers(this.root, location.hash);
    return answers ? this.fromPlain(api, answers) : Promise.resolve("");
  };

  // A walk for answers given in the plain version, standing in the history entry of the plain step.
  Guide.prototype.fromPlain = function (api, answers) {
    return api.call("replay", this.id, JSON.stringify(answers)).then(function (reply) {
      if (!reply.ok) return ""; // the answers could not be followed: begin at the start
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
      // No fragment at all is where the walk began (Back past the first answer). A plain step's
      // address (Back to a step answered while the engine loaded) becomes the walk to that step. Any
      // other fragment is a link within the page, such as the table of contents: the walk stays.
      if (token === null && location.hash === "") token = "";
      if (token !== null) return guide.show(token, { focus: true });
      var answers = plainAnswers(guide.root, location.hash);
      if (answers) {
        guide.fromPlain(startEngine(), answers).then(function (walk) { guide.show(walk, { focus: true }); });
      }
    });
    this.live.addEventListener("submit", function (event) {
      event.preventDefault();
      guide.answer(event.target);
    });
    this.live.addEventListener("click", function (event) {
      var now = event.target.closest && event.target.closest("button[data-now]");
      if (now && now.form) return fillNow(now.form);
      var button =
        event.target.closest && event.target.closest("button[data-record], button[data-print], button[data-clear-notes]");
      if (!button) return;
      if (button.hasAttribute("data-print")) window.print();
      else if (button.hasAttribute("data-clear-notes")) guide.clearNotes();
      else guide.download(button.getAttribute("data-record"));
    });
    // The case reference and notes are kept as they are typed, in this tab only.
    this.live.addEventListener("input", function (event) {
      if (event.target.hasAttribute && event.target.hasAttribute("data-case")) guide.keepNotes();
    });
    // A printed outcome says when it was printed; the engine leaves a line to fill in for a print
    // without this script.
    window.addEventListener("beforeprint", function () {
      var line = guide.live.querySelector("[data-printed-at]");
      if (line) line.textContent = "Printed at " + printedAt() + " (UK time).";
    });
    this.live.addEventListener("change", function (event) {
      var box = event.target;
      // A tick on an outcome's checklist is kept with the walk in the address, so it survives a
      // reload; it replaces the history entry, so Back still goes to the question before.
      if (box.hasAttribute && box.hasAttribute("data-action")) {
        var done = guide.ticked();
        history.replaceState(null, "", PREFIX + guide.token + (done.length ? "&done=" + done.join(",") : ""));
        return;
      }
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

  // The Now button on a date and time question: UK time now (or the training clock) into the day,
  // month, year and time boxes, written as the engine reads them back, and said in the status line
  // because a screen reader does not announce a value put into a box.
  function fillNow(form) {
    var moment = ukNow();
    var date = moment.slice(0, 10).split("-");
    var values = { day: String(Number(date[2])), month: String(Number(date[1])), year: date[0], time: moment.slice(11) };
    Object.keys(values).forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field) field.value = values[name];
    });
    var status = form.querySelector("[data-now-status]");
    if (status) {
      status.textContent = "Filled in: " + values.day + " " + values.month + " " + values.year + " at " + values.time +
        (trainingClock() ? ", from the training clock." : ", UK time now.");
    }
  }

  // The time now in UK time, written as the decision record writes its time: 9:15am on Monday 23 November 2026.
  function printedAt() {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London", weekday: "long", day: "numeric", month: "long", year: "numeric",
      hour: "numeric", minute: "2-digit", hour12: true,
    }).formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
    var clock = parts.hour + ":" + parts.minute + String(parts.dayPeriod || "").toLowerCase().replace(/[^a-z]/g, "");
    return clock + " on " + parts.weekday + " " + parts.day + " " + parts.month + " " + parts.year;
  }

  // The case reference and notes typed beside an outcome are kept in sessionStorage, for this tab
  // only: a reload keeps them, closing the tab forgets them, and they are never in the address (which
  // can be shared, bookmarked or kept in the browser's history) nor sent anywhere. They are kept with
  // the walk they were typed on, so a new case started in the same tab begins with empty fields.
  var NOTES_KEY = "mash-handbook:case-notes:";

  function storage() {
    try { return window.sessionStorage; } catch (error) { return null; } // storage can be turned off
  }

  Guide.prototype.notes = function () {
    var reference = this.live.querySelector("[data-case=reference]");
    var notes = this.live.querySelector("[data-case=notes]");
    return { reference: reference ? reference.value : "", notes: notes ? notes.value : "" };
  };

  Guide.prototype.keepNotes = function () {
    var kept = this.notes();
    var store = storage();
    try {
      if (store && (kept.reference || kept.notes)) store.setItem(NOTES_KEY + this.token, JSON.stringify(kept));
      else if (store) store.removeItem(NOTES_KEY + this.token);
    } catch (error) { /* full or refused: the fields still hold what was typed */ }
    this.showNotesForPrint(kept);
  };

  Guide.prototype.restoreNotes = function () {
    var reference = this.live.querySelector("[data-case=reference]");
    var notes = this.live.querySelector("[data-case=notes]");
    if (!reference || !notes) return;
    var store = storage();
    var kept = null;
    try { kept = store && JSON.parse(store.getItem(NOTES_KEY + this.token) || "null"); } catch (error) { kept = null; }
    if (kept && typeof kept === "object") {
      reference.value = typeof kept.reference === "string" ? kept.reference : "";
      notes.value = typeof kept.notes === "string" ? kept.notes : "";
    }
    this.showNotesForPrint(this.notes());
  };

  Guide.prototype.clearNotes = function () {
    var reference = this.live.querySelector("[data-case=reference]");
    var notes = this.live.querySelector("[data-case=notes]");
    if (reference) reference.value = "";
    if (notes) notes.value = "";
    this.keepNotes();
    this.say("Your case reference and notes have been cleared from this tab.");
    if (reference) reference.focus();
  };

  // A print shows what was typed as text, since a form field prints cut short.
  Guide.prototype.showNotesForPrint = function (kept) {
    var printed = this.live.querySelector("[data-case-printed]");
    if (!printed) return;
    printed.replaceChildren();
    [["Case reference", kept.reference], ["Notes", kept.notes]].forEach(function (pair) {
      if (!pair[1].trim()) return;
      var line = document.createElement("p");
      var name = document.createElement("strong");
      name.textContent = pair[0] + ": ";
      line.append(name, pair[1]);
      printed.append(line);
    });
  };

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
      .call(
        "record", this.id, this.token, format, ukNow(), JSON.stringify(this.ticked()), JSON.stringify(this.notes()),
        new URL(this.root.getAttribute("data-root") || "./", location.href).href
      )
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
      if (window.mgArea) window.mgArea.apply(this.live); // the person's area first (area.js)
      document.title = view.title + " – " + this.pageTitle;
      var live = this.live;
      ticksInHash().forEach(function (position) {
        var box = live.querySelector('input[data-action="' + position + '"]');
        if (box) box.checked = true;
      });
      this.restoreNotes();
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
    // A guide page whose engine script has not run yet starts its guide once it has (the script says so
    // with an event); a shared link's step is shown at once all the same.
    var waiting = !connection() && !!document.querySelector('script[src$="engine-start.js"]');
    if (waiting) document.addEventListener("mg-guide-engine", init, { once: true });
    document.querySelectorAll('[data-module="decision-guide"]').forEach(function (root) {
      if (root.hasAttribute("data-module-started")) return; // never start one element twice
      if (!root.hasAttribute("data-linked-step")) {
        root.setAttribute("data-linked-step", "");
        showLinkedStep(root);
      }
      if (waiting) return;
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

  // The guide is already in the page above this script, so it starts now rather than once the rest of
  // the page has loaded (with a warm engine that is most of the wait); init never starts a guide twice.
  init();
  // Material's document$ fires on every page view, including instant navigation when it is on.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
