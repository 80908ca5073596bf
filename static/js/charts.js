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
    // "responsive" makes plotly follow its container on every window resize, in height too:
    // the container is given the figure's height, or it would shrink the chart to its
    // min-height. (A style set from script; the CSP only refuses inline style in the markup.)
    if (figure.layout && figure.layout.height) {
      container.style.height = figure.layout.height + "px";
    }
    window.Plotly.newPlot(container, figure.data, figure.layout, figure.config).then(function () {
      placeScatterLabels(container);
      // Responsive charts are laid out again at every window resize: place the labels again too.
      container.on("plotly_afterplot", function () { placeScatterLabels(container); });
    });
  }

  // Labels of a labelled scatter (the priority-versus-score view) are placed as
  // factsheets/charts/quadrant.py places them in the PDF: for each point from left to right,
  // the first of right, above, below, left and the four corners that runs into no label
  // placed before, no other point and not out of the plot, else the one that overlaps least;
  // measured on the chart as it is drawn now.
  var PLACES = ["middle right", "top center", "bottom center", "middle left",
    "top right", "bottom right", "top left", "bottom left"];
  var GAP = 8;
  var CORNER_GAP = 4;
  var DOT = 6;
  var LABEL_HEIGHT = 16;
  var measure = document.createElement("canvas").getContext("2d");

  function labelBox(place, x, y, width, height) {
    var parts = place.split(" ");
    var vertical = parts[0];
    var horizontal = parts[1];
    var x0;
    var y0;
    if (horizontal === "center") {
      x0 = x - width / 2;
    } else if (vertical === "middle") {
      x0 = horizontal === "right" ? x + GAP : x - GAP - width;
    } else {
      x0 = horizontal === "right" ? x + CORNER_GAP : x - CORNER_GAP - width;
    }
    if (vertical === "middle") {
      y0 = y - height / 2;
    } else if (horizontal === "center") {
      y0 = vertical === "top" ? y - GAP + 1 - height : y + GAP - 1;
    } else {
      y0 = vertical === "top" ? y - CORNER_GAP - height : y + CORNER_GAP;
    }
    return [x0, y0, x0 + width, y0 + height];
  }

  function overlap(a, b) {
    return Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) *
      Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  }

  function placeLabels(centres, widths, right) {
    var dots = centres.map(function (c) { return [c[0] - DOT, c[1] - DOT, c[0] + DOT, c[1] + DOT]; });
    var placed = [];
    var places = centres.map(function () { return PLACES[0]; });
    var order = centres.map(function (c, i) { return i; }).sort(function (a, b) { return centres[a][0] - centres[b][0]; });
    order.forEach(function (index) {
      var best = null;
      var bestCost = Infinity;
      PLACES.forEach(function (place) {
        var box = labelBox(place, centres[index][0], centres[index][1], widths[index], LABEL_HEIGHT);
        var cost = (Math.max(0, box[2] - right) + Math.max(0, -box[0])) * LABEL_HEIGHT;
        placed.forEach(function (other) { cost += overlap(box, other); });
        dots.forEach(function (dot, i) { if (i !== index) { cost += overlap(box, dot); } });
        if (cost < bestCost) { best = place; bestCost = cost; }
      });
      places[index] = best;
      placed.push(labelBox(best, centres[index][0], centres[index][1], widths[index], LABEL_HEIGHT));
    });
    return places;
  }

  function placeScatterLabels(chart) {
    var full = chart._fullLayout;
    if (!full || !full.xaxis || !full.yaxis || !full.xaxis._length) {
      return;
    }
    var font = (full.font && full.font.size ? full.font.size : 13) + 'px "Source Sans 3", sans-serif';
    measure.font = font;
    chart.data.forEach(function (trace, number) {
      if (trace.type !== "scatter" || trace.mode !== "markers+text" || !trace.text) {
        return;
      }
      var centres = trace.x.map(function (x, i) { return [full.xaxis.l2p(x), full.yaxis.l2p(trace.y[i])]; });
      var widths = trace.text.map(function (text) { return measure.measureText(String(text)).width; });
      var places = placeLabels(centres, widths, full.xaxis._length);
      var now = Array.isArray(trace.textposition) ? trace.textposition : [];
      if (places.join("|") !== now.join("|")) {
        window.Plotly.restyle(chart, { textposition: [places] }, [number]);
      }
    });
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
