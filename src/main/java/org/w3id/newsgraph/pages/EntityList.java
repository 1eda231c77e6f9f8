package org.w3id.newsgraph.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * The list of entities and articles ({@code /entities}), and the search: with {@code q} only the
 * entities whose label or another name contains it (ignoring case). The server filters; in a static
 * site a script does the same from the page's own list.
 */
final class EntityList {
  private EntityList() {}

  /** The entities that match {@code q} (all when blank): id, label, class, other names. */
  record Entry(String id, String label, String kind, List<String> names) {
    boolean matches(String needle) {
      if (needle.isEmpty()) {
        return true;
      }
      if (label.toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
      return names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(needle));
    }
  }

  static List<Entry> entries(PageQueries q) {
    List<Entry> out = new ArrayList<>();
    for (Binding row : q.select("entities")) {
      String id = Show.entityId(row.get("entity"));
      if (id == null) {
        continue;
      }
      String names = Show.text(row, "names");
      List<String> alt =
          names == null || names.isEmpty() ? List.of() : List.of(names.split("\u001f"));
      out.add(new Entry(id, Show.text(row, "label"), Show.text(row, "classLabel"), alt));
    }
    return out;
  }

  static String render(PageQueries q, List<Entry> all, Links links, String query) {
    String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    List<Entry> shown = all.stream().filter(e -> e.matches(needle)).toList();
    StringBuilder b = new StringBuilder(16384);
    if (needle.isEmpty()) {
      b.append("<h1>Entities</h1>\n<p id=\"count\">").append(all.size()).append(" entities.</p>\n");
    } else {
      b.append("<h1>Entities matching “").append(Html.esc(query.strip())).append("”</h1>\n");
      b.append("<p id=\"count\">")
          .append(shown.size())
          .append(" of ")
          .append(all.size())
          .append(" entities.</p>\n");
    }
    b.append("<ul class=\"entity-list columns\" id=\"entity-list\">\n");
    // a static site lists all and lets search.js hide the rest
    for (Entry e : links.isSite() ? all : shown) {
      StringBuilder names = new StringBuilder(e.label().toLowerCase(Locale.ROOT));
      e.names().forEach(n -> names.append('\u001f').append(n.toLowerCase(Locale.ROOT)));
      b.append("<li data-names=\"")
          .append(Html.esc(names.toString()))
          .append("\">")
          .append(Html.link(links.entity(e.id()), e.label()))
          .append(" <span class=\"kind\">")
          .append(Html.esc(e.kind()))
          .append("</span>");
      if (!e.names().isEmpty()) {
        b.append(" <span class=\"names\">(")
            .append(Html.esc(String.join(", ", e.names())))
            .append(")</span>");
      }
      b.append("</li>\n");
    }
    b.append("</ul>\n");
    if (needle.isEmpty() || links.isSite()) {
      b.append("<h2>Articles</h2>\n<ul class=\"sources\">\n");
      for (Binding row : q.select("sources")) {
        String id = Show.sourceId(row.get("source"));
        if (id == null) {
          continue;
        }
        b.append("<li>")
            .append(Html.link(links.source(id), Show.text(row, "title")))
            .append(" — ")
            .append(Html.esc(Show.label(row, "publisherLabel", "source")))
            .append(", ")
            .append(Html.esc(Show.value(row.get("issued"))))
            .append("</li>\n");
      }
      b.append("</ul>\n");
    }
    List<String> scripts = links.isSite() ? List.of("search.js") : List.of();
    return Frame.page(
        links,
        needle.isEmpty() ? "Entities" : "Search: " + query.strip(),
        query == null ? "" : query,
        "",
        b.toString(),
        scripts);
  }
}
