// histograph static site: search the sentences and names of the offline copy.
(function () {
  "use strict";
  var index = window.HISTOGRAPH_SEARCH;
  var out = document.getElementById("static-search");
  var input = document.getElementById("q");
  var note = document.getElementById("static-search-note");
  if (!index || !out || !input) { return; }
  if (note) { note.hidden = true; }
  var form = input.form;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function run() {
    var q = input.value.trim().toLowerCase();
    out.replaceChildren();
    if (!q) { return; }
    var words = q.split(/\s+/);
    function match(text) {
      var t = text.toLowerCase();
      return words.every(function (w) { return t.indexOf(w) >= 0; });
    }
    var names = index.entities.filter(function (p) { return match(p.name + " " + p.aliases.join(" ")); });
    var hits = index.sentences.filter(function (s) { return match(s.text); }).slice(0, 200);
    if (names.length) {
      out.appendChild(el("h2", "People and names"));
      var ul = el("ul", "", "entity-hits");
      names.forEach(function (p) {
        var li = el("li");
        var a = el("a", p.name, "person-link");
        a.href = p.url;
        li.appendChild(a);
        ul.appendChild(li);
      });
      out.appendChild(ul);
    }
    out.appendChild(el("h2", "Sentences"));
    if (!hits.length) { out.appendChild(el("p", "No sentence matches.", "empty")); return; }
    var ol = el("ol", "", "hits");
    hits.forEach(function (s) {
      var li = el("li", "", "hit");
      var p = el("p", "", "hit-text");
      var a = el("a", s.text);
      a.href = s.url;
      p.appendChild(a);
      li.appendChild(p);
      li.appendChild(el("p", s.source, "meta"));
      ol.appendChild(li);
    });
    out.appendChild(ol);
  }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); run(); }
})();
