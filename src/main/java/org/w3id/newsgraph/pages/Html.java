package org.w3id.newsgraph.pages;

/** Escaping for HTML text and attribute values: every value from the graph goes through here. */
final class Html {
  private Html() {}

  /** {@code s} as HTML text or a quoted attribute value; {@code null} is the empty string. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r =
          switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (r != null) {
        if (out == null) {
          out = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        out.append(r);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** A link: {@code <a href="href">text</a>}, both escaped. */
  static String link(String href, String text) {
    return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
  }
}
