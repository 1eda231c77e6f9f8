package org.w3id.newsgraph.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.newsgraph.model.Iris;

/**
 * The page of one article ({@code /source/<id>}): its publisher, title and date with the text,
 * paragraph by paragraph, each sentence that backs a fact marked and followed by its facts, and the
 * entities it mentions.
 */
final class ArticlePage {
  private ArticlePage() {}

  /** The page, or empty if there is no such source. */
  static Optional<String> render(PageQueries q, SourceTexts texts, Links links, String id) {
    Node source = NodeFactory.createURI(Iris.source(id));
    Map<String, Node> bind = Map.of("source", source);
    List<Binding> head = q.select("source", bind);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    Binding h = head.get(0);
    String title = Show.text(h, "title");
    String publisher = Show.label(h, "publisherLabel", "publisher");
    String publisherId = Show.entityId(h.get("publisher"));
    String publisherHtml =
        publisherId == null ? Html.esc(publisher) : Html.link(links.entity(publisherId), publisher);
    StringBuilder b = new StringBuilder(16384);
    b.append("<article class=\"source\">\n<h1>").append(Html.esc(title)).append("</h1>\n");
    b.append("<p class=\"byline\">Published by ").append(publisherHtml);
    b.append(", ").append(Html.esc(Show.value(h.get("issued"))));
    String url = Show.text(h, "url");
    if (url != null) {
      b.append(" · original: ").append(Html.link(url, url));
    }
    b.append("</p>\n");
    String comment = Show.text(h, "comment");
    if (comment != null) {
      b.append("<p class=\"note\">").append(Html.esc(comment)).append("</p>\n");
    }
    b.append("<p class=\"attribution\">The text below is ")
        .append(Html.esc(title))
        .append(" by ")
        .append(publisherHtml)
        .append(", quoted as stored for NewsGraph; it belongs to ")
        .append(Html.esc(publisher))
        .append(". Marked sentences back facts of the graph.</p>\n");

    List<Binding> claims = q.select("source-claims", bind);
    Map<Integer, Map<String, List<Binding>>> byParagraph = new TreeMap<>();
    Map<String, String> mentioned = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Binding c : claims) {
      String p = Show.text(c, "paragraph");
      int n = p == null ? 0 : Integer.parseInt(p);
      byParagraph
          .computeIfAbsent(n, k -> new LinkedHashMap<>())
          .computeIfAbsent(Show.text(c, "quote"), k -> new ArrayList<>())
          .add(c);
      mention(links, c, "subject", "subjectLabel", mentioned);
      mention(links, c, "object", "objectLabel", mentioned);
    }
    Optional<List<String>> text = texts.paragraphs(id);
    b.append("<section class=\"text\" aria-label=\"The article's text\">\n");
    if (text.isPresent()) {
      List<String> paragraphs = text.get();
      for (int i = 0; i < paragraphs.size(); i++) {
        paragraph(links, i + 1, paragraphs.get(i), byParagraph.getOrDefault(i + 1, Map.of()), b);
      }
    } else {
      b.append(
          "<p class=\"note\">Only the sentences that back facts are shown (the stored text"
              + " is not available here).</p>\n");
      for (Map.Entry<Integer, Map<String, List<Binding>>> e : byParagraph.entrySet()) {
        paragraph(links, e.getKey(), String.join(" ", e.getValue().keySet()), e.getValue(), b);
      }
    }
    b.append("</section>\n");
    b.append("<section class=\"mentions\" aria-labelledby=\"mentions\">\n");
    b.append("<h2 id=\"mentions\">Entities the article mentions</h2>\n<ul class=\"columns\">\n");
    mentioned.values().forEach(li -> b.append("<li>").append(li).append("</li>\n"));
    b.append("</ul>\n</section>\n</article>\n");
    return Optional.of(Frame.page(links, title, "", "", b.toString(), List.of()));
  }

  private static void mention(
      Links links, Binding c, String var, String labelVar, Map<String, String> out) {
    String entityId = Show.entityId(c.get(var));
    if (entityId != null) {
      String label = Show.label(c, labelVar, var);
      out.putIfAbsent(label + "\u0000" + entityId, Html.link(links.entity(entityId), label));
    }
  }

  private static void paragraph(
      Links links, int n, String text, Map<String, List<Binding>> quotes, StringBuilder b) {
    b.append("<div class=\"paragraph\" id=\"p").append(n).append("\">\n");
    b.append("<p><span class=\"pn\" aria-label=\"paragraph ")
        .append(n)
        .append("\">")
        .append(n)
        .append("</span> ");
    // the sentences that back facts, in the order they occur
    TreeMap<Integer, String> at = new TreeMap<>();
    for (String quote : quotes.keySet()) {
      int i = text.indexOf(quote);
      if (i >= 0 && overlapsNone(at, i, quote.length())) {
        at.put(i, quote);
      }
    }
    int pos = 0;
    int k = 0;
    for (Map.Entry<Integer, String> e : at.entrySet()) {
      k++;
      b.append(Html.esc(text.substring(pos, e.getKey())));
      String quote = e.getValue();
      b.append("<mark class=\"sentence\">").append(Html.esc(quote)).append("</mark>");
      int count = quotes.get(quote).size();
      b.append(" <a class=\"facts-link\" href=\"#facts-p")
          .append(n)
          .append('-')
          .append(k)
          .append("\">")
          .append(count)
          .append(count == 1 ? " fact" : " facts")
          .append("</a>");
      pos = e.getKey() + quote.length();
    }
    b.append(Html.esc(text.substring(pos))).append("</p>\n");
    k = 0;
    for (Map.Entry<Integer, String> e : at.entrySet()) {
      k++;
      b.append("<ul class=\"backing\" id=\"facts-p")
          .append(n)
          .append('-')
          .append(k)
          .append("\">\n");
      for (Binding c : quotes.get(e.getValue())) {
        fact(links, c, b);
      }
      b.append("</ul>\n");
    }
    b.append("</div>\n");
  }

  private static boolean overlapsNone(TreeMap<Integer, String> at, int start, int length) {
    Map.Entry<Integer, String> before = at.floorEntry(start);
    if (before != null && before.getKey() + before.getValue().length() > start) {
      return false;
    }
    Map.Entry<Integer, String> after = at.ceilingEntry(start);
    return after == null || after.getKey() >= start + length;
  }

  private static void fact(Links links, Binding c, StringBuilder b) {
    String factId = Show.localName(c.get("claim"));
    String stance = Show.localName(c.get("stance"));
    b.append("<li class=\"claim stance-")
        .append(Html.esc(stance))
        .append("\" id=\"")
        .append(Html.esc(factId))
        .append("\">");
    b.append(entity(links, c, "subject", "subjectLabel")).append(' ');
    b.append(Html.esc(Show.label(c, "propertyLabel", "property"))).append(' ');
    if (c.get("object") != null) {
      b.append(entity(links, c, "object", "objectLabel"));
    } else {
      b.append("<span class=\"value\">")
          .append(Html.esc(Show.value(c.get("value"))))
          .append("</span>");
    }
    b.append(" — <span class=\"stance\">")
        .append(Html.esc(Show.stanceVerb(c.get("stance"))))
        .append(' ')
        .append(entity(links, c, "by", "byLabel"))
        .append("</span>");
    b.append(" <span class=\"fact-id\">(").append(Html.esc(factId)).append(")</span></li>\n");
  }

  private static String entity(Links links, Binding c, String var, String labelVar) {
    String id = Show.entityId(c.get(var));
    String label = Show.label(c, labelVar, var);
    return id == null ? Html.esc(label) : Html.link(links.entity(id), label);
  }
}
