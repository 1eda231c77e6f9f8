package org.w3id.newsgraph.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.newsgraph.model.Iris;

/**
 * The page of one entity ({@code /id/<id>}): header, Wikidata link, every fact in both directions
 * grouped by property with stance, qualifiers, sentence and article, and its neighbourhood in the
 * network (drawn by script; the facts need none).
 */
final class EntityPage {
  private EntityPage() {}

  /** The page, or empty if there is no such entity. */
  static Optional<String> render(PageQueries q, Links links, String id) {
    Node entity = NodeFactory.createURI(Iris.entity(id));
    Map<String, Node> bind = Map.of("entity", entity);
    List<Binding> head = q.select("entity", bind);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    String label = Show.text(head.get(0), "label");
    Set<String> classes = new LinkedHashSet<>();
    String comment = null;
    for (Binding row : head) {
      classes.add(Show.label(row, "classLabel", "class"));
      if (comment == null) {
        comment = Show.text(row, "comment");
      }
    }
    StringBuilder b = new StringBuilder(8192);
    b.append("<article class=\"entity\">\n<h1>").append(Html.esc(label)).append("</h1>\n");
    b.append("<p class=\"kind\">").append(Html.esc(String.join(", ", classes))).append("</p>\n");
    if (comment != null) {
      b.append("<p class=\"comment\">").append(Html.esc(comment)).append("</p>\n");
    }
    List<String> names = new ArrayList<>();
    for (Binding row : q.select("entity-names", bind)) {
      names.add(Show.text(row, "name"));
    }
    if (!names.isEmpty()) {
      b.append("<p class=\"names\">Also called: ");
      b.append(Html.esc(String.join(" · ", names))).append("</p>\n");
    }
    b.append("<p class=\"iri\">IRI: <code>").append(Html.esc(entity.getURI())).append("</code>");
    // the RDF forms: ?format= on the server, files next to the page in a static site
    String ttl = id + (links.isSite() ? ".ttl" : "?format=ttl");
    String jsonld = id + (links.isSite() ? ".jsonld" : "?format=jsonld");
    b.append(" (also as ").append(Html.link(ttl, "Turtle"));
    b.append(" and ").append(Html.link(jsonld, "JSON-LD")).append(")");
    b.append("</p>\n");
    wikidata(q, bind, b);
    facts(q, links, bind, label, b);
    b.append(
        "<section class=\"neighbourhood\" aria-labelledby=\"nb\">\n<h2 id=\"nb\">Neighbourhood</h2>\n");
    b.append(NetworkPage.canvas(links, id, "The entities related to " + label));
    b.append("</section>\n</article>\n");
    return Optional.of(Frame.page(links, label, "", "", b.toString(), NetworkPage.SCRIPTS));
  }

  private static void wikidata(PageQueries q, Map<String, Node> bind, StringBuilder b) {
    List<Binding> rows = q.select("entity-wikidata", bind);
    if (rows.isEmpty()) {
      return;
    }
    b.append(
        "<section class=\"wikidata\" aria-labelledby=\"wd\">\n<h2 id=\"wd\">Wikidata</h2>\n<ul>\n");
    for (Binding row : rows) {
      String item = Show.text(row, "item");
      String qid = Show.localName(row.get("item"));
      String status = Show.label(row, "statusLabel", "status");
      b.append("<li class=\"link-")
          .append(Html.esc(Show.localName(row.get("status"))))
          .append("\">");
      b.append(Html.link(item.replace(Iris.WIKIDATA_ENTITY, Iris.WIKIDATA_PAGE), qid));
      String itemLabel = Show.text(row, "itemLabel");
      if (itemLabel != null) {
        b.append(" (").append(Html.esc(itemLabel)).append(")");
      }
      b.append(": <strong>").append(Html.esc(status)).append("</strong>");
      String method = Show.text(row, "method");
      String checked = Show.text(row, "checked");
      if (method != null || checked != null) {
        b.append(", ").append(Html.esc(method == null ? "" : method));
        b.append(checked == null ? "" : " on " + Html.esc(Show.value(row.get("checked"))));
      }
      String evidence = Show.text(row, "evidence");
      if (evidence != null) {
        b.append("; evidence: ").append(Html.link(evidence, evidence));
      }
      String note = Show.text(row, "note");
      if (note != null) {
        b.append("<br><span class=\"note\">").append(Html.esc(note)).append("</span>");
      }
      b.append("</li>\n");
    }
    b.append("</ul>\n</section>\n");
  }

  /** One statement (subject, property, object or value) and the claims about it. */
  private record Relation(String key, List<Binding> claims) {}

  private static void facts(
      PageQueries q, Links links, Map<String, Node> bind, String label, StringBuilder b) {
    List<Binding> rows = q.select("entity-facts", bind);
    Map<String, List<String>> participants = new LinkedHashMap<>();
    for (Binding row : q.select("entity-events", bind)) {
      String id = Show.entityId(row.get("participant"));
      String text = Show.label(row, "participantLabel", "participant");
      participants
          .computeIfAbsent(row.get("event").toString(), k -> new ArrayList<>())
          .add(id == null ? Html.esc(text) : Html.link(links.entity(id), text));
    }
    b.append("<section class=\"facts\" aria-labelledby=\"facts\">\n");
    b.append("<h2 id=\"facts\">What the sources say</h2>\n");
    if (rows.isEmpty()) {
      b.append("<p>No fact about it yet.</p>\n</section>\n");
      return;
    }
    // property group -> relation -> claims, in the query's order
    Map<String, Map<String, Relation>> groups = new LinkedHashMap<>();
    Map<String, String> headings = new LinkedHashMap<>();
    for (Binding row : rows) {
      String dir = Show.text(row, "direction");
      String prop = Show.label(row, "propertyLabel", "property");
      String group = dir + " " + Show.text(row, "property");
      headings.putIfAbsent(group, dir.equals("out") ? prop : prop + " (pointing here)");
      Node other = row.get("other");
      String key = other != null ? other.toString() : String.valueOf(row.get("value"));
      groups
          .computeIfAbsent(group, g -> new LinkedHashMap<>())
          .computeIfAbsent(key, k -> new Relation(k, new ArrayList<>()))
          .claims()
          .add(row);
    }
    for (Map.Entry<String, Map<String, Relation>> g : groups.entrySet()) {
      b.append("<h3>")
          .append(Html.esc(headings.get(g.getKey())))
          .append("</h3>\n<ul class=\"relations\">\n");
      for (Relation r : g.getValue().values()) {
        relation(links, label, r, participants, b);
      }
      b.append("</ul>\n");
    }
    b.append("</section>\n");
  }

  private static void relation(
      Links links,
      String label,
      Relation r,
      Map<String, List<String>> participants,
      StringBuilder b) {
    Binding first = r.claims().get(0);
    boolean anyAsserted = false;
    boolean anyNot = false;
    for (Binding c : r.claims()) {
      if (Show.asserted(c.get("stance"))) {
        anyAsserted = true;
      } else {
        anyNot = true;
      }
    }
    boolean disputed = anyAsserted && anyNot;
    String cls =
        disputed ? "relation disputed" : anyAsserted ? "relation asserted" : "relation unasserted";
    b.append("<li class=\"").append(cls).append("\">\n<p class=\"statement\">");
    String prop = Show.label(first, "propertyLabel", "property");
    String other = otherHtml(links, first);
    if ("out".equals(Show.text(first, "direction"))) {
      b.append("<strong>")
          .append(Html.esc(label))
          .append("</strong> ")
          .append(Html.esc(prop))
          .append(' ')
          .append(other);
    } else {
      b.append(other)
          .append(' ')
          .append(Html.esc(prop))
          .append(" <strong>")
          .append(Html.esc(label))
          .append("</strong>");
    }
    List<String> between = participants.get(String.valueOf(first.get("other")));
    if (between != null) {
      b.append(" <span class=\"between\">(between ").append(and(between)).append(")</span>");
    }
    if (disputed) {
      b.append(" <span class=\"badge disputed\">disputed</span>");
    } else if (!anyAsserted) {
      b.append(" <span class=\"badge unasserted\">not asserted</span>");
    }
    b.append("</p>\n<ul class=\"claims\">\n");
    for (Binding c : r.claims()) {
      claim(links, c, b);
    }
    b.append("</ul>\n</li>\n");
  }

  /** "A", "A and B", "A, B and C". */
  private static String and(List<String> items) {
    if (items.size() < 2) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  private static String otherHtml(Links links, Binding row) {
    Node other = row.get("other");
    if (other == null) {
      return "<span class=\"value\">" + Html.esc(Show.value(row.get("value"))) + "</span>";
    }
    String id = Show.entityId(other);
    String text = Show.label(row, "otherLabel", "other");
    return id == null ? Html.esc(text) : Html.link(links.entity(id), text);
  }

  private static void claim(Links links, Binding c, StringBuilder b) {
    String stance = Show.localName(c.get("stance"));
    b.append("<li class=\"claim stance-").append(Html.esc(stance)).append("\">");
    b.append("<span class=\"stance\">")
        .append(Html.esc(Show.stanceVerb(c.get("stance"))))
        .append(' ');
    String byId = Show.entityId(c.get("by"));
    String by = Show.label(c, "byLabel", "by");
    b.append(byId == null ? Html.esc(by) : Html.link(links.entity(byId), by)).append("</span>");
    String occasionId = Show.entityId(c.get("occasion"));
    if (occasionId != null) {
      b.append(", in ")
          .append(Html.link(links.entity(occasionId), Show.label(c, "occasionLabel", "occasion")));
    }
    qualifier(c, "validFrom", "since", b);
    qualifier(c, "validUntil", "until", b);
    qualifier(c, "validAt", "at the time of", b);
    String note = Show.text(c, "note");
    if (note != null) {
      b.append(" <span class=\"note\">(inferred: ").append(Html.esc(note)).append(")</span>");
    }
    b.append("\n<blockquote>").append(Html.esc(Show.text(c, "quote"))).append("</blockquote>\n");
    String sourceId = Show.sourceId(c.get("source"));
    String title = Show.label(c, "sourceTitle", "source");
    String paragraph = Show.text(c, "paragraph");
    b.append("<p class=\"cite\">— ");
    if (sourceId != null) {
      b.append(Html.link(links.source(sourceId) + "#" + Show.localName(c.get("claim")), title));
    } else {
      b.append(Html.esc(title));
    }
    if (paragraph != null) {
      b.append(", paragraph ").append(Html.esc(paragraph));
    }
    b.append("</p></li>\n");
  }

  private static void qualifier(Binding c, String var, String words, StringBuilder b) {
    Node n = c.get(var);
    if (n != null) {
      b.append(", <span class=\"when\">")
          .append(words)
          .append(' ')
          .append(Html.esc(Show.value(n)))
          .append("</span>");
    }
  }
}
