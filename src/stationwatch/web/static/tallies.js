// The tally chart: headline station counts by date; a count that conflicts with another is a red
// triangle, and clicking a point jumps to its row (with its sources) in the table below.
(function () {
  "use strict";
  fetch("/api/v1/tallies").then(function (r) { return r.json(); }).then(function (data) {
    var rows = data.tallies.filter(function (t) { return t.stations != null && (t.as_of || t.after); });
    var labels = Array.from(new Set(rows.map(function (t) { return t.as_of || t.after; }))).sort();
    function points(conflicting) {
      return rows.filter(function (t) { return (t.conflicts_with.length > 0) === conflicting; }).map(function (t) {
        return { x: t.as_of || t.after, y: t.stations, index: t.index,
                 label: t.stations + (t.additional ? " more" : "") + (t.countries ? " in " + t.countries + " countries" : "") +
                        (t.attributed_to ? " (" + t.attributed_to + ")" : "") };
      });
    }
    var canvas = document.getElementById("tally-chart");
    var chart = new Chart(canvas, {
      type: "line",
      data: { labels: labels, datasets: [
        { label: "stations counted", data: points(false), showLine: true, borderColor: "#20262c", backgroundColor: "#20262c",
          pointRadius: 5 },
        { label: "conflicting figure", data: points(true), showLine: false, pointStyle: "triangle", pointRadius: 9,
          borderColor: "#c0392b", backgroundColor: "#c0392b" }
      ] },
      options: { animation: false, maintainAspectRatio: false, parsing: { xAxisKey: "x", yAxisKey: "y" },
        scales: { x: { type: "category", title: { display: true, text: "as of" } },
                  y: { beginAtZero: true, title: { display: true, text: "stations" } } },
        plugins: { tooltip: { callbacks: { label: function (ctx) { return ctx.raw.label; } } } },
        onClick: function (_e, items) {
          if (items.length) {
            var p = chart.data.datasets[items[0].datasetIndex].data[items[0].index];
            window.location.hash = "tally-" + p.index;
          }
        } }
    });
    canvas.setAttribute("data-points", String(rows.length));
    canvas.setAttribute("data-conflicts", String(points(true).length));
    canvas.setAttribute("data-ready", "1");
  });
})();
