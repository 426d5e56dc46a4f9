// "Your area": a person may choose one area (or all). Pages then put that area's rules first and fold
// the other areas' rules under their names; guide outcomes fold the other areas' contacts and actions.
// The choice is a preference kept on this device (localStorage) only once the person saves it; the
// privacy page says so. Without JavaScript, or before a choice, every area is shown as written.
//
// What it reads (documented in "How the guides are written", Area-specific content):
// - blocks: <div class="mg-area-rule" data-area="barnet"> (space-separated ids for several areas);
//   next to each other they form a group, reordered with the chosen area's first;
// - tables with a column headed "Area": each row names its area(s) in that column;
// - guide outcomes: <li data-area> in .mg-actions and .mg-contacts, and data-answered-area on .mg-live
//   and on the plain version's outcome steps (.mg-step[data-outcome]):
//   the guide's own area answer, which wins over the preference for that walk.
(function () {
  "use strict";

  var KEY = "mash-handbook-area";
  var FOLD = "mg-area-fold";

  function control() { return document.querySelector(".mg-area-choice"); }

  // The area ids and names come from the control the page template writes.
  function areaNames() {
    var names = {};
    var select = document.getElementById("mg-area-select");
    if (!select) return names;
    Array.prototype.forEach.call(select.options, function (option) {
      if (option.value && option.value !== "all") names[option.value] = option.textContent.trim();
    });
    return names;
  }

  function stored() {
    try { return window.localStorage.getItem(KEY) || ""; } catch (error) { return ""; }
  }

  function store(area) {
    try { window.localStorage.setItem(KEY, area); } catch (error) { /* storage off: the page still changes */ }
  }

  function forget() {
    try { window.localStorage.removeItem(KEY); } catch (error) { /* nothing to forget */ }
  }

  // A partnership's own build sets a default; a saved choice, even "all", wins over it.
  function defaultArea() {
    var box = control();
    return (box && box.getAttribute("data-default-area")) || "";
  }

  function current() { return stored() || defaultArea() || "all"; }

  function areasOf(element) { return (element.getAttribute("data-area") || "").split(/\s+/).filter(Boolean); }

  function namesOf(ids, names) { return ids.map(function (id) { return names[id] || id; }).join(" and "); }

  function fold(label, className) {
    var details = document.createElement("details");
    details.className = FOLD + (className ? " " + className : "");
    var summary = document.createElement("summary");
    summary.textContent = label;
    details.appendChild(summary);
    return details;
  }

  // --- undo: back to the page as written, so a new choice starts from the same place --------------

  var written = 0; // each node we move is numbered once, in the order it was written

  function remember(nodes) {
    nodes.forEach(function (node) { if (!node.hasAttribute("data-mg-order")) node.setAttribute("data-mg-order", ++written); });
  }

  function byOrder(a, b) { return a.getAttribute("data-mg-order") - b.getAttribute("data-mg-order"); }

  function restore(root) {
    root.querySelectorAll("details[data-moved-from]").forEach(function (details) {
      var home = details.mgHome;
      details.querySelectorAll("tr[data-mg-order], li[data-mg-order]").forEach(function (node) { home.appendChild(node); });
      details.remove();
    });
    root.querySelectorAll("details." + FOLD).forEach(function (details) {
      var parent = details.parentNode;
      Array.prototype.slice.call(details.childNodes, 1).forEach(function (node) { parent.insertBefore(node, details); });
      details.remove();
    });
    root.querySelectorAll(".mg-area-gap").forEach(function (node) { node.remove(); });
    // Rows and list items: their parent holds nothing else, so sorting them puts it back as written.
    root.querySelectorAll("tbody, ul.mg-contacts, ol.mg-actions").forEach(function (parent) {
      var kids = Array.prototype.filter.call(parent.children, function (n) { return n.hasAttribute("data-mg-order"); });
      kids.sort(byOrder).forEach(function (n) { parent.appendChild(n); });
    });
    // Blocks sit among other content: put each group back in its own place.
    blockGroups(root).forEach(function (group) {
      var after = group[group.length - 1].nextSibling;
      group.slice().sort(byOrder).forEach(function (n) { n.parentNode.insertBefore(n, after); });
    });
  }

  // --- blocks ------------------------------------------------------------------------------------

  function blockGroups(root) {
    var groups = [];
    root.querySelectorAll(".mg-area-rule").forEach(function (block) {
      var last = groups[groups.length - 1];
      if (last && last[last.length - 1].nextElementSibling === block) last.push(block);
      else groups.push([block]);
    });
    return groups;
  }

  function applyBlocks(root, area, names) {
    blockGroups(root).forEach(function (group) {
      var mine = group.filter(function (b) { return areasOf(b).indexOf(area) >= 0; });
      var others = group.filter(function (b) { return areasOf(b).indexOf(area) < 0; });
      if (!others.length) return;
      remember(group);
      if (mine.length) {
        var anchor = group[0];
        mine.forEach(function (b) { anchor.parentNode.insertBefore(b, anchor); });
      }
      others.forEach(function (block) {
        var details = fold(namesOf(areasOf(block), names), "mg-area-fold--block");
        block.parentNode.insertBefore(details, block);
        details.appendChild(block);
      });
    });
  }

  // --- tables whose column "Area" names each row's area -----------------------------------------

  function areaColumn(table) {
    var heads = table.querySelectorAll("thead th");
    for (var i = 0; i < heads.length; i++) if (heads[i].textContent.trim() === "Area") return i;
    return -1;
  }

  function rowAreas(row, column, names) {
    var cell = row.children[column];
    var text = cell ? cell.textContent : "";
    return Object.keys(names).filter(function (id) { return text.indexOf(names[id]) >= 0; });
  }

  function applyTables(root, area, names) {
    root.querySelectorAll("table").forEach(function (table) {
      if (table.closest("details." + FOLD)) return;
      var column = areaColumn(table);
      var body = table.tBodies[0];
      if (column < 0 || !body) return;
      var rows = Array.prototype.slice.call(body.rows);
      var mine = rows.filter(function (r) { return rowAreas(r, column, names).indexOf(area) >= 0; });
      var others = rows.filter(function (r) {
        var found = rowAreas(r, column, names);
        return found.length && found.indexOf(area) < 0;
      });
      // A table that does not name the chosen area is left as written: it is not about that area.
      if (!mine.length || !others.length) return;
      remember(rows);
      mine.slice().reverse().forEach(function (r) { body.insertBefore(r, body.firstChild); });
      var otherIds = [];
      others.forEach(function (r) {
        rowAreas(r, column, names).forEach(function (id) { if (otherIds.indexOf(id) < 0) otherIds.push(id); });
      });
      var details = fold("Other areas: " + namesOf(otherIds, names).replace(/ and (?=.* and )/g, ", "));
      details.setAttribute("data-moved-from", "table");
      details.mgHome = body;
      var copy = table.cloneNode(false);
      copy.appendChild(table.tHead.cloneNode(true));
      var otherBody = document.createElement("tbody");
      others.forEach(function (r) { otherBody.appendChild(r); });
      copy.appendChild(otherBody);
      // Material's wrappers, so the copy scrolls sideways on a phone like the table it came from.
      var scroll = document.createElement("div");
      scroll.className = "md-typeset__scrollwrap";
      var inner = document.createElement("div");
      inner.className = "md-typeset__table";
      inner.appendChild(copy);
      scroll.appendChild(inner);
      details.appendChild(scroll);
      var outer = table.closest(".md-typeset__scrollwrap") || table;
      outer.parentNode.insertBefore(details, outer.nextSibling);
    });
  }

  // --- guide outcomes: contacts and area-labelled actions ------------------------------------------

  function applyLists(root, area, names) {
    root.querySelectorAll(".mg-live, .mg-step[data-outcome]").forEach(function (guide) {
      var answered = guide.getAttribute("data-answered-area");
      var chosen = answered && names[answered] ? answered : area;
      if (!names[chosen]) return;
      guide.querySelectorAll("ul.mg-contacts").forEach(function (list) {
        var items = Array.prototype.slice.call(list.children);
        var areas = [];
        items.forEach(function (li) { areasOf(li).forEach(function (a) { if (areas.indexOf(a) < 0) areas.push(a); }); });
        if (areas.length < 2) return; // one area's contact only: the guide has already chosen it
        var others = items.filter(function (li) { return areasOf(li).indexOf(chosen) < 0; });
        if (!items.some(function (li) { return areasOf(li).indexOf(chosen) >= 0; })) {
          var gap = document.createElement("li");
          gap.className = "mg-area-gap";
          gap.innerHTML = "<strong></strong>: not given in the source.";
          gap.firstChild.textContent = names[chosen] + " MASH";
          list.insertBefore(gap, list.firstChild);
        }
        foldItems(list, others, "Other areas", "ul");
      });
      guide.querySelectorAll("ol.mg-actions").forEach(function (list) {
        var others = Array.prototype.filter.call(list.children, function (li) {
          var areas = areasOf(li);
          return areas.length && areas.indexOf(chosen) < 0;
        });
        var labels = [];
        others.forEach(function (li) { areasOf(li).forEach(function (a) { if (labels.indexOf(a) < 0) labels.push(a); }); });
        foldItems(list, others, "Other areas: " + namesOf(labels, names).replace(/ and (?=.* and )/g, ", "), "ul");
      });
    });
  }

  // Items folded into a list of their own inside a disclosure just after the list they came from.
  function foldItems(list, items, label, tag) {
    if (!items.length) return;
    remember(Array.prototype.slice.call(list.children));
    var details = fold(label, "mg-area-fold--list");
    var inner = document.createElement(tag);
    inner.className = list.className;
    items.forEach(function (li) { inner.appendChild(li); });
    details.appendChild(inner);
    details.setAttribute("data-moved-from", "list");
    details.mgHome = list;
    list.parentNode.insertBefore(details, list.nextSibling);
  }

  // --- the control -------------------------------------------------------------------------------

  function apply(root) {
    root = root || document;
    var names = areaNames();
    restore(root);
    var area = current();
    document.documentElement.setAttribute("data-mg-area", area);
    notePageAreas(area, names);
    if (!names[area]) return;
    applyBlocks(root, area, names);
    applyTables(root, area, names);
    applyLists(root, area, names);
  }

  // --- a page written from other areas' sources only ---------------------------------------------

  // The page's areas come from its front matter (the areas its sources belong to). When the chosen
  // area is not among them, say so once at the top, rather than fold the whole page away.
  function notePageAreas(area, names) {
    var note = document.querySelector(".mg-page-areas");
    if (!note) return;
    var areas = areasOf(note);
    var mine = names[area] && areas.indexOf(area) < 0;
    note.hidden = !mine;
    if (!mine) return;
    note.querySelector(".mg-page-areas__chosen").textContent = names[area];
    note.querySelector(".mg-page-areas__sources").textContent = namesOf(areas, names).replace(/ and (?=.* and )/g, ", ");
  }

  // --- a link to a heading or rule that is folded away opens its fold ---------------------------

  function revealTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var opened = false;
    for (var node = target.parentNode; node && node !== document; node = node.parentNode) {
      if (node.tagName === "DETAILS" && node.classList.contains(FOLD) && !node.open) {
        node.open = true;
        opened = true;
      }
    }
    if (opened) target.scrollIntoView();
  }

  // A table copied into a fold may overflow on a phone: tables.js makes such tables keyboard-scrollable
  // when the window resizes, so say that the layout has changed.
  function relayout() { window.dispatchEvent(new Event("resize")); }

  function describe(names) {
    var area = current();
    var saved = stored();
    if (!saved && !defaultArea()) return "Not chosen: every area's rules are shown.";
    var how = saved ? "Saved on this device." : "This handbook's default.";
    if (area === "all") return "Every area's rules are shown. " + how;
    return (names[area] || area) + "'s rules are shown first; other areas' are folded under their names. " + how;
  }

  function setUp() {
    var box = control();
    if (!box) return;
    var names = areaNames();
    var select = document.getElementById("mg-area-select");
    var status = box.querySelector(".mg-area-choice__status");
    var forgetButton = box.querySelector(".mg-area-choice__forget");
    function show() {
      select.value = current();
      status.textContent = describe(names);
      forgetButton.hidden = !stored();
    }
    box.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      store(select.value);
      apply(document);
      relayout();
      show();
    });
    forgetButton.addEventListener("click", function () {
      forget();
      apply(document);
      relayout();
      show();
      select.focus();
    });
    // On a phone, a guide's first answer must be above the fold: there the control waits at the end
    // of the page instead of above the question. Every other page keeps it at the top.
    var guide = document.querySelector(".mg-guide");
    if (guide && window.matchMedia("(max-width: 44.9375em)").matches) {
      box.classList.add("mg-area-choice--end");
      box.parentNode.appendChild(box);
    }
    box.hidden = false;
    show();
  }

  // A printout is shared and kept, so every area's rules print: the folds open for the print and close
  // again after it. A guide's routes in words print too.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details." + FOLD + ":not([open]), details.mg-diagram-words:not([open])").forEach(function (details) {
      details.open = true;
      details.setAttribute("data-mg-print-opened", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-mg-print-opened]").forEach(function (details) {
      details.open = false;
      details.removeAttribute("data-mg-print-opened");
    });
  });

  window.mgArea = { apply: apply, key: KEY };
  setUp();
  apply(document);
  revealTarget();
  window.addEventListener("hashchange", revealTarget);
})();
