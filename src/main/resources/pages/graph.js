// NewsGraph: draws the network (window.NEWSGRAPH_GRAPH, from data/graph.js) with Cytoscape.js
// into #network. With data-focus, only that entity and its neighbours (the entity page's
// neighbourhood). Clicking or tapping a node opens its page; the filters of /graph choose the
// stance, the property and the article.
(function () {
  "use strict";
  var box = document.getElementById("network");
  var data = window.NEWSGRAPH_GRAPH;
  if (!box || !data || typeof window.cytoscape !== "function") {
    return;
  }
  var root = box.getAttribute("data-root") || "./";
  var ext = box.getAttribute("data-ext") || "";
  var focus = box.getAttribute("data-focus");
  var CORE_COLOURS = ["#c0392b", "#1f6fb2", "#8e44ad", "#1e8449"];
  var OTHER_COLOURS = ["#7f8c8d", "#b9770e", "#117a65", "#6c3483", "#a04000", "#2e4053",
    "#7d6608", "#186a3b", "#943126", "#1a5276"];
  var KIND_COLOURS = { person: "#f5b041", organisation: "#5dade2", place: "#58d68d",
    event: "#ec7063", agent: "#f8c471", other: "#bfc9ca" };
  var colour = {};
  var core = 0;
  var other = 0;
  data.properties.forEach(function (p) {
    colour[p.id] = p.core ? CORE_COLOURS[core++ % CORE_COLOURS.length]
      : OTHER_COLOURS[other++ % OTHER_COLOURS.length];
  });
  var labels = {};
  data.properties.forEach(function (p) { labels[p.id] = p.label; });

  var stanceSel = document.getElementById("f-stance");
  var propertySel = document.getElementById("f-property");
  var sourceSel = document.getElementById("f-source");
  var form = document.getElementById("filters");
  if (form) {
    data.properties.forEach(function (p) {
      var o = document.createElement("option");
      o.value = p.id;
      o.textContent = p.label + (p.core ? " (core)" : "");
      propertySel.appendChild(o);
    });
    data.sources.forEach(function (s) {
      var o = document.createElement("option");
      o.value = s.id;
      o.textContent = s.title;
      sourceSel.appendChild(o);
    });
    form.hidden = false;
  }
  var legend = document.getElementById("legend");
  if (legend) {
    data.properties.forEach(function (p) {
      var li = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.backgroundColor = colour[p.id];
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(" " + p.label));
      legend.appendChild(li);
    });
  }

  function wanted(e) {
    if (focus && e.s !== focus && e.t !== focus) {
      return false;
    }
    if (!focus && stanceSel && stanceSel.value === "asserted" && !e.asserted) {
      return false;
    }
    if (propertySel && propertySel.value) {
      var p = propertySel.value;
      if (p === "core" ? !data.properties.some(function (x) { return x.core && x.id === e.p; })
          : e.p !== p) {
        return false;
      }
    }
    if (sourceSel && sourceSel.value && e.sources.indexOf(sourceSel.value) < 0) {
      return false;
    }
    return true;
  }

  function elements() {
    var nodesById = {};
    data.nodes.forEach(function (n) { nodesById[n.id] = n; });
    var used = {};
    var els = [];
    data.edges.forEach(function (e, i) {
      if (!wanted(e)) {
        return;
      }
      used[e.s] = true;
      used[e.t] = true;
      els.push({ group: "edges", data: { id: "e" + i, source: e.s, target: e.t,
        label: labels[e.p] || e.p, colour: colour[e.p] || "#999",
        line: e.asserted ? "solid" : "dashed" } });
    });
    if (focus) {
      used[focus] = true;
    }
    Object.keys(used).forEach(function (id) {
      var n = nodesById[id] || { id: id, label: id, kind: "other" };
      els.unshift({ group: "nodes", data: { id: n.id, label: n.label,
        colour: KIND_COLOURS[n.kind] || KIND_COLOURS.other, kind: n.kind,
        focus: n.id === focus ? "yes" : "no" } });
    });
    return els;
  }

  var cy = null;
  function draw() {
    var els = elements();
    var nodeCount = els.filter(function (x) { return x.group === "nodes"; }).length;
    var big = nodeCount > 300;
    var busy = nodeCount > 40; // edge labels only on hover or selection
    if (cy) {
      cy.destroy();
    }
    var started = performance.now();
    cy = window.cytoscape({
      container: box,
      elements: els,
      minZoom: 0.05,
      maxZoom: 4,
      textureOnViewport: big,
      hideEdgesOnViewport: big,
      pixelRatio: big ? 1 : "auto",
      style: [
        { selector: "node", style: { "background-color": "data(colour)", label: big ? "" : "data(label)",
          "font-size": 11, "text-wrap": "wrap", "text-max-width": 110, width: 18, height: 18,
          "border-width": 1, "border-color": "#333" } },
        { selector: "node[focus = 'yes']", style: { width: 30, height: 30, "border-width": 3 } },
        { selector: "edge", style: { width: 2, "line-color": "data(colour)", "line-style": "data(line)",
          "target-arrow-shape": "triangle", "target-arrow-color": "data(colour)",
          "curve-style": big ? "haystack" : "bezier", label: busy ? "" : "data(label)",
          "font-size": 9, "text-rotation": "autorotate", color: "#333" } },
        { selector: "node:selected", style: { "border-width": 4, "border-color": "#000" } },
        { selector: "edge:selected, edge.hover", style: { label: "data(label)", width: 4 } }
      ],
      layout: focus ? { name: "concentric", concentric: function (n) {
        return n.data("focus") === "yes" ? 2 : 1; }, levelWidth: function () { return 1; },
        animate: false, padding: 20 }
        // cose is too slow past a few hundred nodes: rings by degree instead (linear)
        : big ? { name: "concentric", animate: false, minNodeSpacing: 6,
          concentric: function (n) { return n.degree(); },
          levelWidth: function () { return 2; }, padding: 20 }
        : { name: "cose", animate: false, randomize: true, numIter: 1000,
          nodeRepulsion: function () { return 400000; }, idealEdgeLength: function () { return 90; },
          nodeOverlap: 40, componentSpacing: 80, gravity: 0.5, padding: 20 }
    });
    cy.on("mouseover", "edge", function (evt) { evt.target.addClass("hover"); });
    cy.on("mouseout", "edge", function (evt) { evt.target.removeClass("hover"); });
    cy.on("tap", "node", function (evt) {
      window.location.href = root + "id/" + encodeURIComponent(evt.target.id()) + ext;
    });
    box.setAttribute("data-nodes", String(cy.nodes().length));
    box.setAttribute("data-edges", String(cy.edges().length));
    box.setAttribute("data-layout-ms", String(Math.round(performance.now() - started)));
    window.NEWSGRAPH_CY = cy;
  }
  draw();
  [stanceSel, propertySel, sourceSel].forEach(function (sel) {
    if (sel) {
      sel.addEventListener("change", draw);
    }
  });
})();
