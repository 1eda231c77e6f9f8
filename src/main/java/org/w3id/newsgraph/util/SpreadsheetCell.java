package org.w3id.newsgraph.util;

import java.util.regex.Pattern;

/**
 * Neutralises CSV cells that a spreadsheet would run as a formula, the way OWASP recommends for
 * "CSV injection": a cell that starts with {@code = + - @}, a tab or a carriage return gets a
 * leading apostrophe, so that Excel, LibreOffice and Google Sheets show it as text. A plain number
 * ({@code -12}, {@code +3.5}) cannot be a formula and is left alone.
 *
 * <p>The encoding is reversible, so a CSV file NewsGraph writes reads back to the same values: a
 * cell that already starts with an apostrophe gets a second one, and {@link #decode} removes
 * exactly one apostrophe where {@link #encode} added one. Only the CSV text changes; the values in
 * RDF never do.
 */
public final class SpreadsheetCell {
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private SpreadsheetCell() {}

  /** The cell as it is safe to write to a CSV file that a spreadsheet may open. */
  public static String encode(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    if (first == '\'' || (isTrigger(first) && !NUMBER.matcher(value).matches())) {
      return "'" + value;
    }
    return value;
  }

  /** The value that {@link #encode} was given, from a cell it wrote. */
  public static String decode(String cell) {
    if (cell == null || cell.length() < 2 || cell.charAt(0) != '\'') {
      return cell;
    }
    char second = cell.charAt(1);
    return second == '\'' || isTrigger(second) ? cell.substring(1) : cell;
  }

  private static boolean isTrigger(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
