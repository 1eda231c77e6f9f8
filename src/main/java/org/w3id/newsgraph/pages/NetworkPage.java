package org.w3id.newsgraph.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * The network view ({@code /graph}) and the data it draws ({@code pages/data/graph.js}): entities
 * as nodes, relations as edges coloured by property, the four core relations first. The page lists
 * the relations as links too, for keyboards, screen readers and browsers without script.
 */
final class NetworkPage {
  /** The core relations, first in the legend and the filter, each with its own colour. */
  static final List<String> CORE = List.of("mediates", "leads", "attacked", "negotiatesWith");

  /** The scripts a page with a network canvas loads, in order. */
  static final List<String> SCRIPTS = List.of("cytoscape.min.js", "data/graph.js", "graph.js");

  private static final List<String> KIND_ORDER =
      List.of("person", "organisation", "place", "event", "agent");

  private NetworkPage() {}

  /** The canvas a script draws the network into (nothing without script). */
  static String canvas(Links links, String focus, String description) {
    return "<div id=\"network\" class=\"network"
        + (focus == null ? "" : " small")
        + "\" data-root=\""
        + Html.esc(links.root())
        + "\" data-ext=\""
        + Html.esc(links.ext())
        + "\""
        + (focus == null ? "" : " data-focus=\"" + Html.esc(focus) + "\"")
        + " role=\"img\" aria-label=\""
        + Html.esc(description)
        + "\"></div>\n<p class=\"hint\" id=\"network-hint\">Drag to move, scroll or pinch to zoom;"
        + " click or tap a node to open its page. Dashed edges are claimed, denied or unknown, not"
        + " asserted.</p>\n<noscript><p class=\"hint\">The drawing needs JavaScript; every relation"
        + " is listed as text on this page.</p></noscript>\n";
  }

  /** The data of the network, as a script that sets {@code window.NEWSGRAPH_GRAPH}. */
  static String data(PageQueries q) {
    Map<String, String> labels = new HashMap<>();
    for (Binding row : q.select("entities")) {
      labels.put(Show.entityId(row.get("entity")), Show.text(row, "label"));
    }
    Map<String, String> kinds = new HashMap<>();
    for (Binding row : q.select("graph-nodes")) {
      String id = Show.entityId(row.get("entity"));
      String kind = Show.text(row, "kind");
      String had = kinds.get(id);
      if (had == null || KIND_ORDER.indexOf(kind) < KIND_ORDER.indexOf(had)) {
        kinds.put(id, kind);
      }
    }
    Map<String, String> propertyLabels = new HashMap<>();
    for (Binding row : q.select("properties")) {
      propertyLabels.put(Show.localName(row.get("property")), Show.text(row, "label"));
    }
    record Edge(String s, String p, String t, Set<String> stances, Set<String> sources) {}
    Map<String, Edge> edges = new LinkedHashMap<>();
    Set<String> nodes = new LinkedHashSet<>();
    Set<String> properties = new LinkedHashSet<>();
    Set<String> sources = new LinkedHashSet<>();
    for (Binding row : q.select("graph-edges")) {
      String s = Show.entityId(row.get("subject"));
      String t = Show.entityId(row.get("object"));
      if (s == null || t == null) {
        continue;
      }
      String p = Show.localName(row.get("property"));
      Edge e =
          edges.computeIfAbsent(
              s + " " + p + " " + t,
              k -> new Edge(s, p, t, new LinkedHashSet<>(), new LinkedHashSet<>()));
      e.stances().add(Show.localName(row.get("stance")));
      String src = Show.sourceId(row.get("source"));
      if (src != null) {
        e.sources().add(src);
        sources.add(src);
      }
      nodes.add(s);
      nodes.add(t);
      properties.add(p);
    }
    JsonObject out = new JsonObject();
    JsonArray ns = new JsonArray();
    for (String id : nodes) {
      JsonObject n = new JsonObject();
      n.put("id", id);
      n.put("label", labels.getOrDefault(id, id));
      n.put("kind", kinds.getOrDefault(id, "other"));
      ns.add(n);
    }
    JsonArray es = new JsonArray();
    for (Edge e : edges.values()) {
      JsonObject o = new JsonObject();
      o.put("s", e.s());
      o.put("p", e.p());
      o.put("t", e.t());
      boolean asserted = e.stances().stream().anyMatch(Show::asserted);
      o.put("asserted", asserted);
      JsonArray st = new JsonArray();
      e.stances().forEach(st::add);
      o.put("stances", st);
      JsonArray so = new JsonArray();
      e.sources().forEach(so::add);
      o.put("sources", so);
      es.add(o);
    }
    JsonArray ps = new JsonArray();
    List<String> ordered = new ArrayList<>();
    CORE.stream().filter(properties::contains).forEach(ordered::add);
    new TreeMap<String, String>(
            properties.stream()
                .filter(p -> !CORE.contains(p))
                .collect(
                    java.util.stream.Collectors.toMap(
                        p -> propertyLabels.getOrDefault(p, p) + "\u0000" + p, p -> p)))
        .values()
        .forEach(ordered::add);
    for (String p : ordered) {
      JsonObject o = new JsonObject();
      o.put("id", p);
      o.put("label", propertyLabels.getOrDefault(p, p));
      o.put("core", CORE.contains(p));
      ps.add(o);
    }
    JsonArray ss = new JsonArray();
    Map<String, String> titles = new HashMap<>();
    for (Binding row : q.select("sources")) {
      titles.put(Show.sourceId(row.get("source")), Show.text(row, "title"));
    }
    for (String s : sources) {
      JsonObject o = new JsonObject();
      o.put("id", s);
      o.put("title", titles.getOrDefault(s, s));
      ss.add(o);
    }
    out.put("nodes", ns);
    out.put("edges", es);
    out.put("properties", ps);
    out.put("sources", ss);
    return "// NewsGraph: the network the pages draw (generated from the graph).\n"
        + "window.NEWSGRAPH_GRAPH = "
        + out.toString().replace("<", "\\u003c")
        + ";\n";
  }

  /** The network page: filters, the canvas, and every relation as text. */
  static String render(PageQueries q, Links links) {
    StringBuilder b = new StringBuilder(16384);
    b.append("<h1>Network</h1>\n");
    b.append(
        "<p>People, organisations, places and events, and how the articles relate them."
            + " Edges are coloured by property; the four core relations (mediates, leads, attacked,"
            + " negotiates with) come first.</p>\n");
    b.append("<form class=\"filters\" id=\"filters\" hidden>\n");
    b.append(
        "<label>Stance <select id=\"f-stance\"><option value=\"asserted\">asserted only"
            + " (stated or reported)</option><option value=\"all\">with claims and denials</option>"
            + "</select></label>\n");
    b.append(
        "<label>Property <select id=\"f-property\"><option value=\"\">all</option>"
            + "<option value=\"core\">the four core relations</option></select></label>\n");
    b.append(
        "<label>Article <select id=\"f-source\"><option value=\"\">all</option></select>"
            + "</label>\n");
    b.append("</form>\n");
    b.append(canvas(links, null, "The network of entities and their relations"));
    b.append("<ul class=\"legend\" id=\"legend\"></ul>\n");
    b.append("<details class=\"relations-list\"><summary>Every relation as text</summary>\n<ul>\n");
    Map<String, String> labels = new HashMap<>();
    for (Binding row : q.select("entities")) {
      labels.put(Show.entityId(row.get("entity")), Show.text(row, "label"));
    }
    Map<String, String> propertyLabels = new HashMap<>();
    for (Binding row : q.select("properties")) {
      propertyLabels.put(Show.localName(row.get("property")), Show.text(row, "label"));
    }
    Set<String> seen = new LinkedHashSet<>();
    for (Binding row : q.select("graph-edges")) {
      String s = Show.entityId(row.get("subject"));
      String t = Show.entityId(row.get("object"));
      String p = Show.localName(row.get("property"));
      String stance = Show.localName(row.get("stance"));
      if (s == null || t == null || !seen.add(s + " " + p + " " + t + " " + stance)) {
        continue;
      }
      b.append("<li class=\"stance-")
          .append(Html.esc(stance))
          .append("\">")
          .append(Html.link(links.entity(s), labels.getOrDefault(s, s)))
          .append(' ')
          .append(Html.esc(propertyLabels.getOrDefault(p, p)))
          .append(' ')
          .append(Html.link(links.entity(t), labels.getOrDefault(t, t)))
          .append(" <span class=\"stance\">(")
          .append(Html.esc(stance))
          .append(")</span></li>\n");
    }
    b.append("</ul>\n</details>\n");
    return Frame.page(links, "Network", "", "", b.toString(), SCRIPTS);
  }
}
