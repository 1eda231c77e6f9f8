package org.w3id.newsgraph.load;

/**
 * One thing wrong with the input, with where it is. {@code line} and {@code column} are 1-based; 0
 * means unknown. For CSV files the column is the field's position in the row and {@code field} its
 * header name.
 *
 * @param file the file, as the user named it (relative to the working directory where possible)
 * @param line 1-based line, 0 if the problem concerns the whole file
 * @param column 1-based column (CSV: field number), 0 if unknown
 * @param field the CSV column name or RDF property concerned, or null
 * @param message what is wrong and what was expected
 */
public record Problem(String file, long line, long column, String field, String message) {
  /** The longest message kept; the rest is cut, saying how much. */
  static final int MAX_MESSAGE = 500;

  /**
   * Makes the message safe to print: control characters (a NUL from a broken file) are shown as
   * {@code \\uXXXX}, and a message over {@value #MAX_MESSAGE} characters is cut.
   */
  public Problem {
    message = printable(message);
  }

  private static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_MESSAGE + 40));
    for (int i = 0; i < text.length(); i++) {
      if (sb.length() >= MAX_MESSAGE) {
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

  /** Formats as {@code file:line:column: [field] message}, leaving out what is unknown. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(": ");
    if (field != null && !field.isEmpty()) {
      sb.append('[').append(field).append("] ");
    }
    return sb.append(message).toString();
  }
}
