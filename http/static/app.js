// dyad explorer: the little JavaScript the pages need. Everything here is an
// enhancement: the pages are server-rendered, and the chart and the graph
// have a table of the same data beside them.
//
// No inline scripts anywhere (the Content-Security-Policy allows only
// scripts from this origin), so every behaviour hangs off ids and data-*
// attributes in the templates.
(function () {
  "use strict";

  // "/" jumps to the filter bar, as on many sites, unless the reader is
  // already typing into a field.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var f = document.getElementById("f-actor") || document.getElementById("r-to");
    if (f) {
      e.preventDefault();
      f.focus();
      f.select();
    }
  });

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) {
          var msg = body && body.error;
          if (msg && typeof msg === "object") msg = msg.message;
          throw new Error(msg || r.status + " " + r.statusText);
        }
        return body;
      });
    });
  }

  function showState(el, state, message) {
    el.dataset.state = state;
    if (message !== undefined) el.textContent = message;
  }

  // Goldstein scores run from -10 (most conflictual) to +10 (most
  // cooperative): red through grey to green.
  function goldsteinColour(g) {
    var t = Math.max(-1, Math.min(1, (g || 0) / 10));
    var grey = [150, 150, 150], red = [192, 40, 40], green = [30, 130, 70];
    var to = t < 0 ? red : green, a = Math.abs(t);
    var c = grey.map(function (v, i) { return Math.round(v + (to[i] - v) * a); });
    return "rgb(" + c.join(",") + ")";
  }

  // The dyad timeline: stacked bars of events by quad class and the mean
  // Goldstein score as a line on its own axis.
  function drawTimeline(el) {
    if (!window.echarts) { showState(el, "error", "The chart library did not load."); return; }
    showState(el, "loading");
    getJSON(el.dataset.src).then(function (data) {
      var bins = (data && data.bins) || [];
      if (!bins.length) { showState(el, "empty", "No events match this filter."); return; }
      var names = ["Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"];
      var colours = ["#6baed6", "#2171b5", "#fd8d3c", "#cb181d"];
      // A time axis, so that quiet days and weeks show as gaps.
      var series = names.map(function (name, q) {
        return {
          name: name, type: "bar", stack: "quad", color: colours[q], barMaxWidth: 40, barMinWidth: 3,
          emphasis: { focus: "series" },
          data: bins.map(function (b) { return [b.date, (b.quad && b.quad[q]) || 0]; })
        };
      });
      series.push({
        name: "Mean Goldstein", type: "line", yAxisIndex: 1, color: "#333", symbolSize: 6, connectNulls: false,
        data: bins.map(function (b) {
          return [b.date, b.goldstein == null ? null : Math.round(b.goldstein * 100) / 100];
        })
      });
      var first = Date.parse(bins[0].date), last = Date.parse(bins[bins.length - 1].date);
      var pad = Math.max(86400000, (last - first) * 0.03) * (el.dataset.bin === "week" ? 4 : 1);
      var chart = echarts.init(el, null, { renderer: "canvas" });
      chart.setOption({
        animation: false,
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        legend: { top: 0 },
        grid: { left: 48, right: 56, top: 40, bottom: 56 },
        xAxis: { type: "time", min: first - pad, max: last + pad, axisLabel: { hideOverlap: true } },
        yAxis: [
          { type: "value", name: "events", minInterval: 1 },
          { type: "value", name: "Goldstein", min: -10, max: 10, splitLine: { show: false } }
        ],
        dataZoom: bins.length > 40 ? [{ type: "slider", bottom: 8 }, { type: "inside" }] : [],
        series: series
      });
      window.addEventListener("resize", function () { chart.resize(); });
      el.dataset.bins = String(bins.length);
      showState(el, "ready");
    }).catch(function (err) { showState(el, "error", "Could not load the timeline: " + err.message); });
  }

  // The actor network: node size by events, edge width by weight, edge
  // colour by mean Goldstein. Selecting a node lists its events; selecting
  // an edge opens that dyad's timeline.
  function drawNetwork(el) {
    if (!window.cytoscape) { showState(el, "error", "The graph library did not load."); return; }
    showState(el, "loading");
    getJSON(el.dataset.src).then(function (data) {
      var nodes = (data && data.nodes) || [], edges = (data && data.edges) || [];
      if (!nodes.length) { showState(el, "empty", "No actors match this filter."); return; }
      var maxW = 1, maxN = 1;
      edges.forEach(function (e) { maxW = Math.max(maxW, e.weight || 0); });
      nodes.forEach(function (n) { maxN = Math.max(maxN, n.events || 0); });
      var elements = nodes.map(function (n) {
        return { data: { id: String(n.id), label: n.label || String(n.id), size: 18 + 32 * Math.sqrt((n.events || 0) / maxN) } };
      }).concat(edges.map(function (e, i) {
        return { data: {
          id: "e" + i, source: String(e.source), target: String(e.target), weight: e.weight,
          width: 1 + 9 * ((e.weight || 0) / maxW), colour: goldsteinColour(e.goldstein)
        } };
      }));
      var cy = cytoscape({
        container: el,
        elements: elements,
        wheelSensitivity: 0.3,
        style: [
          { selector: "node", style: {
            label: "data(label)", width: "data(size)", height: "data(size)", "background-color": "#17324f",
            color: "#1d232b", "font-size": 12, "text-valign": "bottom", "text-margin-y": 3,
            "text-outline-color": "#fff", "text-outline-width": 2
          } },
          { selector: "edge", style: {
            width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
            "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.85
          } },
          { selector: ":selected", style: { "overlay-opacity": 0.2, "overlay-color": "#f2a900" } }
        ],
        layout: {
          name: "cose", animate: false, randomize: false, padding: 24, componentSpacing: 60,
          nodeRepulsion: function () { return 400000; }, idealEdgeLength: function () { return 110; },
          nodeOverlap: 20, gravity: 0.3, numIter: 1500
        }
      });
      // Fitting a large graph zooms out; keep the labels readable at
      // about 12px on screen whatever the zoom.
      var z = cy.zoom();
      if (z < 1) cy.style().selector("node").style({ "font-size": Math.min(12 / z, 30), "text-outline-width": 2 / z }).update();
      cy.on("tap", "node", function (evt) {
        window.location.href = "/events?actor=" + encodeURIComponent(evt.target.id());
      });
      cy.on("tap", "edge", function (evt) {
        var d = evt.target.data();
        window.location.href = "/timeline?actor=" + encodeURIComponent(d.source) + "&recipient=" + encodeURIComponent(d.target);
      });
      window.dyadGraph = cy; // for the browser tests and the console
      el.dataset.nodes = String(cy.nodes().length);
      el.dataset.edges = String(cy.edges().length);
      showState(el, "ready");
    }).catch(function (err) { showState(el, "error", "Could not load the network: " + err.message); });
  }

  function init() {
    var t = document.getElementById("timeline-chart");
    if (t) drawTimeline(t);
    var n = document.getElementById("network-graph");
    if (n) drawNetwork(n);
    // Opening a document at a selected event scrolls to its first mark.
    var sel = document.querySelector("#text mark.sel");
    if (sel) sel.scrollIntoView({ block: "center" });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
