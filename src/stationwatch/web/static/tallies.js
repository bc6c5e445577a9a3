// The tally chart: headline station counts by date; a count that conflicts with another is a red
// triangle, and clicking a point jumps to its row (with its sources) in the table below.
(function () {
  "use strict";
  fetch("/api/v1/tallies").then(function (r) { return r.json(); }).then(function (data) {
    // x: the month a count was made ("2022-09"), "after 2022-09" when only a lower bound is known (placed
    // just after that month), "undated" last
    function when(t) { return t.as_of || (t.after ? "after " + t.after : "undated"); }
    function order(label) {
      if (label === "undated") return "~";
      return label.indexOf("after ") === 0 ? label.slice(6) + "~" : label;
    }
    var rows = data.tallies.filter(function (t) { return t.stations != null && !t.additional; });  // (totals only)
    var labels = Array.from(new Set(rows.map(when))).sort(function (a, b) { return order(a) < order(b) ? -1 : 1; });
    function points(conflicting) {
      return rows.filter(function (t) { return (t.conflicts_with.length > 0) === conflicting; }).map(function (t) {
        return { x: when(t), y: t.stations, index: t.index,
                 label: t.stations + (t.additional ? " more" : "") + (t.countries ? " in " + t.countries + " countries" : "") +
                        (t.attributed_to ? " (" + t.attributed_to + ")" : "") };
      }).sort(function (a, b) { return order(a.x) < order(b.x) ? -1 : order(a.x) > order(b.x) ? 1 : 0; });
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
