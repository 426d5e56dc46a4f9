// Training: practice mode for a scenario, one step at a time for a walkthrough, and filters for the
// index of scenarios.
//
// Each works on markup the build wrote and that reads on its own without JavaScript: the scenario's
// questions with their model answers under disclosures, the tour's steps as a list, the whole index.
// Everything here reads that markup, so a trainee is told exactly what the page itself says. Answers
// stay in this page; the training record is made here and downloaded, and nothing is sent anywhere.
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function button(text, extra) {
    return el("button", { type: "button", class: "md-button" + (extra ? " " + extra : ""), text: text });
  }

  function focusHeading(node) {
    node.setAttribute("tabindex", "-1");
    node.focus();
  }

  // --- practice mode --------------------------------------------------------------------------

  // What the page says about one question: read once from the plain markup.
  function readStep(item) {
    var heading = item.querySelector(".mg-pstep__question").textContent;
    var hint = item.querySelector(":scope > .mg-hint");
    var feedback = {};
    item.querySelectorAll("[data-feedback-for]").forEach(function (dd) {
      feedback[dd.getAttribute("data-feedback-for")] = dd.textContent;
    });
    var options = [];
    item.querySelectorAll(".mg-pstep__options > li").forEach(function (li) {
      var hintNode = li.querySelector(".mg-hint");
      var label = li.firstChild ? li.firstChild.textContent : "";
      options.push({ value: li.getAttribute("data-value"), label: label, hint: hintNode ? hintNode.textContent : "" });
    });
    var given = item.querySelector(".mg-pstep__given strong");
    return {
      heading: heading,
      question: heading.replace(/^Question \d+ of \d+: /, ""),
      hint: hint ? hint.textContent : "",
      type: item.getAttribute("data-type"),
      expected: JSON.parse(item.getAttribute("data-expected")),
      options: options,
      given: given ? given.textContent : "",
      answer: item.querySelector(".mg-pstep__answer strong").textContent,
      why: item.querySelector(".mg-pstep__why").textContent,
      rule: item.querySelector(".mg-pstep__rule"),
      feedback: feedback,
    };
  }

  function labelsFor(step, values) {
    return step.options
      .filter(function (o) { return values.indexOf(o.value) !== -1; })
      .map(function (o) { return o.label; })
      .join("; ");
  }

  function sameAnswer(step, values) {
    if (values.length !== step.expected.length) return false;
    return values.every(function (v) { return step.expected.indexOf(v) !== -1; });
  }

  // Why a chosen answer does not match: the page's feedback for each answer that differs.
  function whyNot(step, values) {
    if (step.type !== "multiple") return [step.feedback[values[0]] || ""];
    var reasons = [];
    values.forEach(function (v) {
      if (step.expected.indexOf(v) === -1) reasons.push(labelsFor(step, [v]) + ": " + step.feedback[v]);
    });
    step.expected.forEach(function (v) {
      if (values.indexOf(v) === -1) reasons.push("You left out " + labelsFor(step, [v]) + ". " + step.why);
    });
    return reasons;
  }

  function ruleBlock(step) {
    var block = step.rule.cloneNode(true);
    block.classList.add("mg-pfeedback__rule");
    return block;
  }

  function initPractice(root) {
    var list = root.querySelector(".mg-practice__steps");
    var end = root.querySelector(".mg-practice__end");
    var how = root.querySelector(".mg-practice__how");
    var steps = Array.prototype.map.call(list.querySelectorAll(".mg-pstep"), readStep);
    var results = steps.map(function () { return { attempts: [], revealed: false }; });
    var live = el("div", { class: "mg-practice__live" });
    list.hidden = true;
    end.hidden = true;
    how.textContent =
      "Practice mode: answer each question as the procedure requires and choose Check answer. " +
      "You will be told whether your answer matches, and why. Your answers stay in this page; nothing is sent anywhere.";
    list.parentNode.insertBefore(live, list);

    function show(index, focus) {
      live.textContent = "";
      if (index >= steps.length) return finish();
      var step = steps[index];
      var heading = el("h2", { class: "mg-heading", text: step.heading });
      if (step.type === "number" || step.type === "date" || step.type === "datetime") {
        results[index].attempts.push(step.given);
        live.appendChild(el("section", { class: "mg-pstep-live" }, [
          heading,
          el("p", { class: "mg-pstep__given" }, ["Given in the situation: ", el("strong", { text: step.given })]),
          next(index),
        ]));
        if (focus) focusHeading(heading);
        return;
      }
      var kind = step.type === "multiple" ? "checkbox" : "radio";
      var fieldset = el("fieldset", { class: "mg-fieldset" }, [el("legend", { class: "mg-legend" }, [heading])]);
      if (step.hint) fieldset.appendChild(el("div", { class: "mg-hint", text: step.hint }));
      var error = el("p", { class: "mg-error-message", id: "mg-practice-error", hidden: "" });
      fieldset.appendChild(error);
      var choices = el("div", { class: "mg-" + kind + "es" });
      step.options.forEach(function (option, i) {
        var id = "mg-practice-" + index + "-" + i;
        var input = el("input", { class: "mg-" + kind + "__input", type: kind, id: id, name: "answer", value: option.value });
        var row = el("div", { class: "mg-" + kind }, [input, el("label", { class: "mg-" + kind + "__label", for: id, text: option.label })]);
        if (option.hint) row.appendChild(el("div", { class: "mg-hint mg-choice-hint", text: option.hint }));
        choices.appendChild(row);
      });
      fieldset.appendChild(choices);
      var summary = el("div", { class: "mg-error-summary", role: "alert", tabindex: "-1", hidden: "" });
      var check = el("button", { type: "submit", class: "md-button md-button--primary mg-continue", text: "Check answer" });
      var form = el("form", { class: "mg-form", novalidate: "" }, [summary, el("div", { class: "mg-form-group" }, [fieldset]), check]);
      var feedback = el("div", { class: "mg-pfeedback", hidden: "" });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var values = Array.prototype.map.call(form.querySelectorAll("input:checked"), function (i) { return i.value; });
        if (!values.length) {
          var message = step.type === "multiple" ? "Select every answer that applies" : "Select an answer";
          summary.innerHTML = "";
          summary.appendChild(el("h2", { class: "mg-error-summary__title", text: "There is a problem" }));
          summary.appendChild(el("ul", {}, [el("li", {}, [el("a", { href: "#mg-practice-" + index + "-0", text: message })])]));
          summary.hidden = false;
          error.textContent = "";
          error.appendChild(el("span", { class: "mg-visually-hidden", text: "Error:" }));
          error.appendChild(document.createTextNode(" " + message));
          error.hidden = false;
          form.querySelector(".mg-form-group").classList.add("mg-form-group--error");
          summary.focus();
          return;
        }
        summary.hidden = true;
        error.hidden = true;
        form.querySelector(".mg-form-group").classList.remove("mg-form-group--error");
        results[index].attempts.push(labelsFor(step, values));
        var right = sameAnswer(step, values);
        if (results[index].matched === undefined) results[index].matched = right;
        if (right) results[index].right = true;
        renderFeedback(feedback, index, values, right, form);
      });
      live.appendChild(el("section", { class: "mg-pstep-live" }, [form, feedback]));
      if (focus) focusHeading(heading);
    }

    function next(index) {
      var label = index + 1 < steps.length ? "Next question" : "See your summary";
      var go = button(label, "md-button--primary mg-practice__next");
      go.addEventListener("click", function () { show(index + 1, true); });
      return go;
    }

    function modelAnswer(step) {
      return el("div", { class: "mg-pfeedback__model" }, [
        el("p", {}, ["The procedure: ", el("strong", { text: step.answer })]),
        el("p", { text: step.why }),
        ruleBlock(step),
      ]);
    }

    function renderFeedback(box, index, values, right, form) {
      var step = steps[index];
      box.textContent = "";
      box.className = "mg-pfeedback mg-pfeedback--" + (right ? "right" : "wrong");
      var title = el("h3", { class: "mg-pfeedback__title", text: right ? "This matches the procedure" : "This does not match the procedure" });
      box.appendChild(title);
      if (right) {
        box.appendChild(el("p", { text: step.why }));
        box.appendChild(ruleBlock(step));
        form.querySelector(".mg-continue").disabled = true;
        box.appendChild(next(index));
      } else {
        var reasons = el("ul", { class: "mg-pfeedback__reasons" });
        whyNot(step, values).forEach(function (text) { reasons.appendChild(el("li", { text: text })); });
        box.appendChild(reasons);
        box.appendChild(ruleBlock(step));
        var again = button("Try again", "mg-practice__again");
        var reveal = button("Show the model answer", "mg-practice__reveal");
        again.addEventListener("click", function () {
          box.hidden = true;
          form.querySelectorAll("input").forEach(function (i) { i.checked = false; });
          focusHeading(form.querySelector(".mg-heading"));
        });
        reveal.addEventListener("click", function () {
          results[index].revealed = true;
          box.textContent = "";
          box.className = "mg-pfeedback mg-pfeedback--model";
          var modelTitle = el("h3", { class: "mg-pfeedback__title", text: "Model answer" });
          box.appendChild(modelTitle);
          box.appendChild(modelAnswer(step));
          form.querySelector(".mg-continue").disabled = true;
          box.appendChild(next(index));
          focusHeading(modelTitle);
        });
        box.appendChild(el("div", { class: "mg-button-group" }, [again, reveal]));
      }
      box.hidden = false;
      focusHeading(title);
    }

    function finish() {
      var asked = [];
      steps.forEach(function (s, i) { if (s.options.length) asked.push(i); });
      var firstTime = asked.filter(function (i) { return results[i].matched; }).length;
      var heading = el("h2", { class: "mg-heading", text: "Your summary" });
      var rows = steps.map(function (step, i) {
        var r = results[i];
        var verdict = !step.options.length ? "Given in the situation"
          : r.matched ? "Matched first time"
          : r.revealed && !r.right ? "Model answer shown"
          : "Matched after " + r.attempts.length + " tries";
        return el("tr", {}, [
          el("td", { text: step.question }),
          el("td", { text: r.attempts[0] || "" }),
          el("td", { text: step.answer }),
          el("td", { text: verdict }),
        ]);
      });
      var table = el("table", { class: "mg-practice__summary" }, [
        el("thead", {}, [el("tr", {}, ["Question", "Your first answer", "The procedure", "Result"].map(function (h) {
          return el("th", { scope: "col", text: h });
        }))]),
        el("tbody", {}, rows),
      ]);
      var missed = el("ul", { class: "mg-practice__missed" });
      asked.forEach(function (i) {
        if (!results[i].matched) missed.appendChild(el("li", {}, [el("strong", { text: steps[i].question + " " }), steps[i].why]));
      });
      var download = button("Download your training record", "md-button--primary mg-practice__download");
      download.addEventListener("click", function () { saveRecord(firstTime, asked.length); });
      var again = button("Practise this scenario again", "mg-practice__restart");
      again.addEventListener("click", function () {
        results = steps.map(function () { return { attempts: [], revealed: false }; });
        end.hidden = true;
        show(0, true);
      });
      live.appendChild(el("section", { class: "mg-practice__result" }, [
        heading,
        el("p", { class: "mg-practice__score", text: "Your answers matched the procedure first time on " + firstTime + " of " + asked.length + " questions." }),
        el("div", { class: "mg-table-scroll", tabindex: "0", role: "region", "aria-label": "Your answers and the procedure's" }, [table]),
        missed.childNodes.length ? el("h3", { text: "Why the procedure's answers" }) : null,
        missed.childNodes.length ? missed : null,
        el("div", { class: "mg-button-group" }, [download, again]),
        el("p", { class: "mg-hint", text: "The record is made in your browser and saved to your device. Nothing is sent anywhere." }),
      ]));
      end.hidden = false;
      var details = end.querySelector(".mg-practice__outcome");
      if (details) details.open = true;
      focusHeading(heading);
    }

    function saveRecord(firstTime, asked) {
      var made = new Date();
      var lines = [
        "MASH Handbook: practice record",
        "",
        "Scenario: " + root.getAttribute("data-title"),
        "Area: " + root.getAttribute("data-area") + " (this scenario follows its procedure)",
        "For: " + root.getAttribute("data-audience"),
        "Completed: " + made.toLocaleString("en-GB"),
        "Matched the procedure first time: " + firstTime + " of " + asked + " questions",
        "",
      ];
      steps.forEach(function (step, i) {
        var r = results[i];
        lines.push("Question " + (i + 1) + ": " + step.question);
        if (step.options.length) {
          lines.push("  Your answers, in order: " + r.attempts.join(" | "));
          if (r.revealed && !r.right) lines.push("  You chose to see the model answer.");
        }
        lines.push("  The procedure: " + step.answer);
        lines.push("  Why: " + step.why);
        step.rule.querySelectorAll("li").forEach(function (li) { lines.push("  Rule: " + li.textContent.replace(/\s+/g, " ").trim()); });
        lines.push("");
      });
      lines.push("Points to take away:");
      root.querySelectorAll(".mg-practice__takeaways li").forEach(function (li) { lines.push("- " + li.textContent); });
      lines.push("");
      lines.push("This record was made in your browser. It has not been sent anywhere. Practice scenarios support, and never replace, professional judgement and local procedures.");
      var blob = new Blob([lines.join("\n") + "\n"], { type: "text/plain;charset=utf-8" });
      var link = el("a", {
        href: URL.createObjectURL(blob),
        download: "practice-record-" + root.getAttribute("data-scenario") + "-" + made.toISOString().slice(0, 10) + ".txt",
      });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    }

    show(0, false); // the page opens on the situation; the first question follows it
  }

  // --- walkthrough: one step at a time --------------------------------------------------------

  function initTour(root) {
    var items = Array.prototype.slice.call(root.querySelectorAll(".mg-tour__step"));
    if (items.length < 2) return;
    var nav = el("nav", { class: "mg-tour__nav", "aria-label": "Walkthrough steps" });
    var back = button("Previous step", "mg-tour__back");
    var forward = button("Next step", "md-button--primary mg-tour__next");
    var all = button("Show all steps", "mg-tour__all");
    nav.appendChild(back);
    nav.appendChild(forward);
    nav.appendChild(all);
    root.querySelector(".mg-tour__steps").after(nav);
    var at = 0;
    function show(index, focus) {
      at = Math.max(0, Math.min(items.length - 1, index));
      items.forEach(function (item, i) { item.hidden = i !== at; });
      back.disabled = at === 0;
      forward.disabled = at === items.length - 1;
      if (focus) focusHeading(items[at].querySelector(".mg-tour__title"));
    }
    back.addEventListener("click", function () { show(at - 1, true); });
    forward.addEventListener("click", function () { show(at + 1, true); });
    all.addEventListener("click", function () {
      items.forEach(function (item) { item.hidden = false; });
      nav.remove();
    });
    show(0, false);
  }

  // --- the index of scenarios: filter by audience, area and guide -----------------------------

  function initIndex(root) {
    var items = Array.prototype.slice.call(root.querySelectorAll(".mg-scenarios__item"));
    var count = root.querySelector(".mg-scenarios__count");
    var filters = el("div", { class: "mg-scenarios__filters" });
    var columns = [["audience", "For"], ["area", "Area"], ["guide", "Guide"]];
    var selects = columns.map(function (col) {
      var id = "mg-filter-" + col[0];
      var select = el("select", { id: id, class: "mg-select" }, [el("option", { value: "", text: "All" })]);
      var seen = {};
      items.forEach(function (item) {
        var value = item.getAttribute("data-" + col[0]);
        if (seen[value]) return;
        seen[value] = true;
        select.appendChild(el("option", { value: value, text: item.getAttribute("data-" + col[0] + "-label") }));
      });
      filters.appendChild(el("div", { class: "mg-scenarios__filter" }, [el("label", { for: id, text: col[1] }), select]));
      select.addEventListener("change", apply);
      return select;
    });
    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var keep = columns.every(function (col, i) {
          return !selects[i].value || item.getAttribute("data-" + col[0]) === selects[i].value;
        });
        item.hidden = !keep;
        if (keep) shown += 1;
      });
      count.textContent = shown === items.length ? items.length + " scenarios" : shown + " of " + items.length + " scenarios";
    }
    root.insertBefore(filters, root.firstChild);
  }

  function start() {
    document.querySelectorAll('[data-module="practice"]').forEach(initPractice);
    document.querySelectorAll('[data-module="walkthrough"]').forEach(initTour);
    document.querySelectorAll('[data-module="scenario-index"]').forEach(initIndex);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
