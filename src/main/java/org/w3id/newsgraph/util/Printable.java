package org.w3id.newsgraph.util;

/**
 * Text from the user, made safe to print on one line: control characters (a NUL from a broken file,
 * a newline in a forged request) are shown as {@code \\uXXXX}, and a long text is cut.
 */
public final class Printable {
  private Printable() {}

  /**
   * {@code text} with control characters and line separators escaped, cut after {@code max}
   * characters (saying how many more there were); "" for null.
   */
  public static String of(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 40));
    for (int i = 0; i < text.length(); i++) {
      if (sb.length() >= max) {
        return sb.append("… (").append(text.length() - i).append(" more characters)").toString();
      }
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
