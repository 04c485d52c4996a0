// histograph: show the TimelineJS export with TimelineJS (from npm).
(function () {
  "use strict";
  var dataEl = document.getElementById("tljs-data");
  var script = document.getElementById("tljs-script");
  if (!dataEl || typeof TL === "undefined") { return; }
  var data = JSON.parse(dataEl.textContent || "{}");
  window.histographTimeline = new TL.Timeline("tljs", data, {
    script_path: script ? script.getAttribute("data-script-path") : undefined,
    font: null,
    hash_bookmark: false,
    initial_zoom: 2
  });
})();
