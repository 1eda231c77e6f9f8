package org.w3id.newsgraph.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The frame every page shares (resource {@code pages/page.html}): navigation, the search box, the
 * style sheet. Its {@code {{name}}} slots are filled with HTML the caller has already escaped.
 */
final class Frame {
  private static final List<String> PARTS = split(PageQueries.resource("page.html"));

  private Frame() {}

  /**
   * A whole page.
   *
   * @param title plain text (escaped here)
   * @param query the search text to show in the box (escaped here)
   * @param head HTML for the head (e.g. the data a script needs)
   * @param body HTML of the main part
   * @param scripts script file names under {@code pages/} to load at the end
   */
  static String page(
      Links links, String title, String query, String head, String body, List<String> scripts) {
    StringBuilder s = new StringBuilder();
    for (String script : scripts) {
      s.append("<script src=\"").append(Html.esc(links.asset(script))).append("\"></script>\n");
    }
    Map<String, String> slots =
        Map.of(
            "title", Html.esc(title),
            "assets", Html.esc(links.asset("")),
            "head", head,
            "entities", Html.esc(links.page("entities")),
            "graph", Html.esc(links.page("graph")),
            "timeline", Html.esc(links.page("timeline")),
            "query",
                links.isSite()
                    ? ""
                    : "<li><a href=\"" + Html.esc(links.root()) + "\">SPARQL query</a></li>\n",
            "q", Html.esc(query),
            "body", body,
            "scripts", s.toString());
    StringBuilder out = new StringBuilder(body.length() + 2048);
    for (int i = 0; i < PARTS.size(); i++) {
      String part = PARTS.get(i);
      out.append(i % 2 == 0 ? part : slots.get(part));
    }
    return out.toString();
  }

  /** Text and slot names, alternating (even: text, odd: a slot name). */
  private static List<String> split(String template) {
    List<String> parts = new ArrayList<>();
    int at = 0;
    for (int open = template.indexOf("{{"); open >= 0; open = template.indexOf("{{", at)) {
      int close = template.indexOf("}}", open);
      parts.add(template.substring(at, open));
      parts.add(template.substring(open + 2, close));
      at = close + 2;
    }
    parts.add(template.substring(at));
    return parts;
  }
}
