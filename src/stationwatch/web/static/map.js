// The map: Natural Earth countries (world-atlas, installed from npm) shaded by their strongest response,
// stations as markers sized by count and coloured by status, and a slider that replays what was known
// by each date. Every text from the data is set with textContent, never as markup.
(function () {
  "use strict";
  var COLORS = { closure: "#8e2c23", arrest: "#d35400", investigation: "#e6a23c", concern: "#f3d67c" };
  var STATUS = { reported: "#c0392b", closed: "#6c7a89" };
  var map = L.map("map", { worldCopyJump: true, minZoom: 1 }).setView([30, 10], 2);
  var countriesLayer = null, stationsLayer = L.layerGroup().addTo(map), tilesAdded = false;
  var world = null, dates = [];

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function drawCountries(data) {
    if (!world) return;
    if (countriesLayer) map.removeLayer(countriesLayer);
    countriesLayer = L.geoJSON(world, {
      style: function (f) {
        var code = data.numeric[String(f.id).padStart(3, "0")];
        var action = code ? data.responses[code] : null;
        return { color: "#8a96a3", weight: 0.5, fillOpacity: action ? 0.75 : 1,
                 fillColor: action ? (COLORS[action] || "#eef0f2") : "#f4f5f3" };
      },
      onEachFeature: function (f, layer) {
        var code = data.numeric[String(f.id).padStart(3, "0")];
        var name = (f.properties && f.properties.name) || "";
        var text = code ? name + ": " + data.responses[code] : name;
        layer.bindTooltip(el("span", text), { sticky: true });
      }
    }).addTo(map);
    countriesLayer.bringToBack();
  }

  function drawStations(data) {
    stationsLayer.clearLayers();
    data.stations.features.forEach(function (f) {
      var p = f.properties, c = f.geometry.coordinates, n = p.count || 1;
      var marker = L.circleMarker([c[1], c[0]], {
        radius: 5 + 4 * Math.sqrt(n), color: "#fff", weight: 1.5, fillOpacity: 0.9,
        fillColor: STATUS[p.status] || STATUS.reported, className: "station-marker status-" + p.status
      });
      var label = (p.city || "?") + ", " + (p.country || "?") + ": " + (p.count == null ? "unknown number of" : p.count) +
                  " station" + (p.count === 1 ? "" : "s") + " (" + p.status + ")";
      marker.bindTooltip(el("span", label));
      marker.on("click", function () { window.location.href = "/stations/" + encodeURIComponent(p.id); });
      marker.addTo(stationsLayer);
      var path = marker.getElement();
      if (path) {
        path.setAttribute("role", "link");
        path.setAttribute("aria-label", label);
        path.setAttribute("data-city", p.city || "");
        path.setAttribute("data-count", p.count == null ? "" : String(p.count));
        path.setAttribute("data-id", p.id);
      }
      if (p.count) {  // the count on the marker itself
        L.marker([c[1], c[0]], { interactive: false, keyboard: false,
          icon: L.divIcon({ className: "station-count", html: "", iconSize: [20, 14] }) })
          .addTo(stationsLayer).getElement().appendChild(el("span", p.count, { "data-city": p.city || "" }));
      }
    });
    var list = document.getElementById("unplaced");
    list.replaceChildren();
    if (!data.unplaced.length) list.appendChild(el("li", "none"));
    data.unplaced.forEach(function (p) {
      var li = el("li"), a = el("a", (p.country || "unknown country") + (p.operator ? " · run from " + p.operator : ""),
                                { href: "/stations/" + encodeURIComponent(p.id) });
      li.appendChild(a);
      li.appendChild(el("span", " " + (p.count == null ? "" : p.count + " · ") + p.status, { "class": "meta" }));
      list.appendChild(li);
    });
  }

  function load(until) {
    var url = "/api/v1/map" + (until ? "?until=" + encodeURIComponent(until) : "");
    return fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      if (data.tiles && !tilesAdded) { L.tileLayer(data.tiles, { maxZoom: 12 }).addTo(map); tilesAdded = true; }
      if (!until) {
        dates = data.dates;
        var slider = document.getElementById("until");
        slider.max = String(dates.length);
        slider.value = String(dates.length);
      }
      drawCountries(data);
      drawStations(data);
      document.getElementById("map").setAttribute("data-ready", "1");
    });
  }

  function onSlide() {
    var i = Number(document.getElementById("until").value);
    var until = i >= dates.length ? null : dates[i];
    document.getElementById("until-label").textContent = until ? "by " + until : "all dates";
    return load(until);
  }

  document.getElementById("until").addEventListener("input", onSlide);
  document.getElementById("play").addEventListener("click", function () {
    var slider = document.getElementById("until"), i = 0;
    (function step() {
      slider.value = String(i);
      onSlide().then(function () { if (i++ < dates.length) setTimeout(step, 600); });
    })();
  });

  // A ring that crosses the antimeridian (Russia, Fiji) jumps from +180 to -180; keep each point within
  // 180 degrees of the one before, so the ring continues past the edge instead of striping the map.
  function unwrap(coords) {
    if (typeof coords[0] === "number") return coords;
    if (typeof coords[0][0] === "number") {
      var prev = null;
      return coords.map(function (pt) {
        var lon = pt[0];
        if (prev !== null) { while (lon - prev > 180) lon -= 360; while (prev - lon > 180) lon += 360; }
        prev = lon;
        return [lon, pt[1]];
      });
    }
    return coords.map(unwrap);
  }

  fetch("/vendor/world-atlas/countries-110m.json").then(function (r) { return r.json(); }).then(function (topo) {
    world = topojson.feature(topo, topo.objects.countries);
    world.features = world.features.filter(function (f) { return f.id !== "010"; });  // (Antarctica)
    world.features.forEach(function (f) { if (f.geometry) f.geometry.coordinates = unwrap(f.geometry.coordinates); });
  }).catch(function () { world = null; }).then(function () { return load(null); });
})();
