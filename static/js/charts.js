/* Draws the interactive charts of a page with plotly.js (served from static/vendor/plotly).
 *
 * Each chart is written by factsheets.charts.chart_web as
 *   <div id="x" data-chart="x-data" role="img" aria-label="…"><svg>…fallback…</svg></div>
 *   <script id="x-data" type="application/json">{"data": […], "layout": {…}, "config": {…}}</script>
 * The JSON is read as data (never evaluated); the SVG fallback stays for readers without
 * JavaScript and is replaced by the plotly chart here. No inline script: CSP-friendly.
 * Load after plotly.min.js, both with `defer`.
 */
(function () {
  "use strict";

  function draw(container) {
    var source = document.getElementById(container.getAttribute("data-chart"));
    if (!source || !window.Plotly || container.getAttribute("data-chart-drawn")) {
      return;
    }
    var figure;
    try {
      figure = JSON.parse(source.textContent);
    } catch (error) {
      return; // keep the SVG fallback
    }
    container.setAttribute("data-chart-drawn", "true");
    // role="img" suits the static SVG fallback; the drawn chart has a toolbar that an image
    // role would hide from assistive technology, so it becomes a labelled group.
    if (container.getAttribute("role") === "img") {
      container.setAttribute("role", "group");
    }
    container.replaceChildren();
    window.Plotly.newPlot(container, figure.data, figure.layout, figure.config);
  }

  function drawAll() {
    document.querySelectorAll("[data-chart]").forEach(draw);
  }

  // plotly measures every label when it lays a chart out (margins, label wrapping), so it
  // draws once the page's own font is there; with the fallback font's widths long labels
  // would be cut off or overlap once Source Sans 3 arrives.
  function drawWhenFontsAreLoaded() {
    if (!document.fonts || !document.fonts.load) {
      drawAll();
      return;
    }
    Promise.all([
      document.fonts.load('13px "Source Sans 3"'),
      document.fonts.load('600 13px "Source Sans 3"'),
    ]).then(drawAll, drawAll);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawWhenFontsAreLoaded);
  } else {
    drawWhenFontsAreLoaded();
  }
})();
