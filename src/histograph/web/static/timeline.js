// histograph: the interactive timeline (vis-timeline). Data comes from the JSON in
// #timeline-data; item content is built with textContent, never as HTML.
(function () {
  "use strict";
  var holder = document.getElementById("timeline");
  var dataEl = document.getElementById("timeline-data");
  if (!holder || !dataEl || typeof vis === "undefined") { return; }
  var payload = JSON.parse(dataEl.textContent || "{}");
  var all = payload.items || [];
  if (!all.length) {
    holder.textContent = "No dated event to draw.";
    return;
  }
  var items = new vis.DataSet(all.map(function (it) {
    return {
      id: it.id, start: it.start, end: it.end, type: it.type, className: it.className,
      content: it.title, raw: it
    };
  }));

  function render(item) {
    var raw = item.raw || {};
    var box = document.createElement("span");
    if (raw.conflicts) {
      var flag = document.createElement("span");
      flag.className = "item-flag";
      flag.textContent = "⚠";
      flag.title = raw.disputed ? "sources disagree on the date" : "sources disagree";
      box.appendChild(flag);
    }
    var label = document.createElement("span");
    label.textContent = raw.title || "";
    box.appendChild(label);
    if (raw.imprecise || raw.span) {
      var note = document.createElement("span");
      note.className = "item-note";
      note.textContent = "(" + raw.date_label + ")";
      box.appendChild(note);
    }
    box.title = (raw.date_label || "") + " · " + (raw.type_label || "") + " · " +
      raw.independent_support + "/" + raw.support + " independent sources";
    return box;
  }

  var select = {
    type: document.getElementById("f-type"),
    entity: document.getElementById("f-entity"),
    source: document.getElementById("f-source")
  };
  function keep(item) {
    var raw = item.raw;
    var t = select.type && select.type.value;
    var e = select.entity && select.entity.value;
    var s = select.source && select.source.value;
    if (t && raw.event_type !== t) { return false; }
    if (e && raw.entities.indexOf(e) < 0) { return false; }
    if (s && raw.sources.indexOf(s) < 0) { return false; }
    return true;
  }
  var view = new vis.DataView(items, { filter: keep });
  // the first view opens where most events are (given at construction: items outside the
  // window are then never drawn at its edge)
  var opening = payload.focus ? { start: payload.focus.start, end: payload.focus.end } : {};
  var timeline = new vis.Timeline(holder, view, Object.assign(opening, {
    template: render,
    stack: true,
    zoomable: true,
    moveable: true,
    selectable: true,
    tooltip: { followMouse: false },
    margin: { item: { horizontal: 4, vertical: 6 } },
    orientation: { axis: "top" },
    maxHeight: 520,
    zoomMin: 1000 * 60 * 60 * 24 * 7
  }));
  holder.setAttribute("data-ready", "1");

  function rowMatches(row) {
    var t = select.type && select.type.value;
    var e = select.entity && select.entity.value;
    var s = select.source && select.source.value;
    function list(name) {
      try { return JSON.parse(row.getAttribute(name) || "[]"); } catch (err) { return []; }
    }
    if (t && row.getAttribute("data-type") !== t) { return false; }
    if (e && list("data-entities").indexOf(e) < 0) { return false; }
    if (s && list("data-sources").indexOf(s) < 0) { return false; }
    return true;
  }

  function applyFilters(first) {
    view.refresh();
    document.querySelectorAll("#event-list .event-row").forEach(function (row) {
      row.hidden = !rowMatches(row);
    });
    if (!view.length) { return; }
    // the first view opens where most events are; a change of filter shows all it keeps
    if (first === true && payload.focus) {
      timeline.setWindow(payload.focus.start, payload.focus.end, { animation: false });
    } else {
      timeline.fit({ animation: false });
    }
  }
  Object.keys(select).forEach(function (k) {
    if (select[k]) { select[k].addEventListener("change", function () { applyFilters(false); }); }
  });
  timeline.on("select", function (props) {
    if (!props.items || !props.items.length) { return; }
    var it = items.get(props.items[0]);
    if (it && it.raw && it.raw.url) { window.location.assign(it.raw.url); }
  });
  applyFilters(true);
})();
