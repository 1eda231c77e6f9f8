package org.w3id.newsgraph.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in a sentence, resolved against the publication date with the precision the text gives: "on
 * April 21" in an article of November 2021 is 2021-04-21 (the year inferred), "in June 2014" is
 * 2014-06, "since 2018" is 2018, "last month" is 2021-10, "in December that year" takes the year
 * the text named last.
 */
final class Dates {
  /**
   * A date found at {@code start..end} of the sentence; {@code inferred} says why when not
   * verbatim.
   */
  record Found(int start, int end, String value, String preposition, String inferred) {}

  private static final List<String> MONTHS =
      List.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");
  private static final String MONTH =
      "(January|February|March|April|May|June|July|August|September|October|November|December)";
  private static final Pattern DATE =
      Pattern.compile(
          "(?:\\b(on|in|since|until|by|from|of|before|after)\\s+(?:an?\\s+|the\\s+)?)?"
              + "(?:"
              + MONTH
              + "\\s+(\\d{1,2})(?!\\d)(?:,?\\s+(\\d{4}))?"
              + "|"
              + MONTH
              + "(?:\\s+(\\d{4})|\\s+(that|this|last)\\s+year)?"
              + "|(?<![\\d-])(\\d{4})(?![\\d-])"
              + "|(last|this|next)\\s+(month|year))",
          Pattern.CASE_INSENSITIVE);

  private Dates() {}

  /**
   * The dates in {@code sentence}; {@code published} is YYYY, YYYY-MM or YYYY-MM-DD; {@code
   * lastYear} the year the text named last (or null).
   */
  static List<Found> find(String sentence, String published, String lastYear) {
    List<Found> out = new ArrayList<>();
    int pubYear = Integer.parseInt(published.substring(0, 4));
    int pubMonth = published.length() >= 7 ? Integer.parseInt(published.substring(5, 7)) : 0;
    String pubText = pubMonth > 0 ? cap(MONTHS.get(pubMonth - 1)) + " " + pubYear : "" + pubYear;
    Matcher m = DATE.matcher(sentence);
    while (m.find()) {
      String prep = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
      String value;
      String inferred = "";
      if (m.group(2) != null) {
        int month = month(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (day < 1 || day > 31) {
          continue;
        }
        int year;
        if (m.group(4) != null) {
          year = Integer.parseInt(m.group(4));
        } else {
          year = pubMonth > 0 && month > pubMonth ? pubYear - 1 : pubYear;
          inferred =
              "year not stated; the article ("
                  + pubText
                  + ") reports it as "
                  + (year == pubYear ? "this year's" : "last year's");
        }
        value = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
      } else if (m.group(5) != null) {
        int month = month(m.group(5));
        int year;
        if (m.group(6) != null) {
          year = Integer.parseInt(m.group(6));
        } else if (m.group(7) != null && m.group(7).equalsIgnoreCase("that") && lastYear != null) {
          year = Integer.parseInt(lastYear);
          inferred = "'that year': the year the text named before (" + lastYear + ")";
        } else if (m.group(7) != null && m.group(7).equalsIgnoreCase("last")) {
          year = pubYear - 1;
          inferred = "'last year' in an article from " + pubText;
        } else {
          if (m.group(1) == null && m.group(7) == null) {
            continue; // a bare month name ("May") is too often something else
          }
          year = pubMonth > 0 && month > pubMonth ? pubYear - 1 : pubYear;
          inferred = "year not stated; the article (" + pubText + ") reports it as this year's";
        }
        value = String.format(Locale.ROOT, "%04d-%02d", year, month);
      } else if (m.group(8) != null) {
        int year = Integer.parseInt(m.group(8));
        if (year < 1800 || year > pubYear + 5) {
          continue;
        }
        value = m.group(8);
      } else {
        String which = m.group(9).toLowerCase(Locale.ROOT);
        int shift = which.equals("last") ? -1 : which.equals("next") ? 1 : 0;
        if (m.group(10).equalsIgnoreCase("month")) {
          if (pubMonth == 0) {
            continue;
          }
          int months = pubYear * 12 + pubMonth - 1 + shift;
          value = String.format(Locale.ROOT, "%04d-%02d", months / 12, months % 12 + 1);
        } else {
          value = String.valueOf(pubYear + shift);
        }
        inferred =
            "'"
                + which
                + " "
                + m.group(10).toLowerCase(Locale.ROOT)
                + "' in an article from "
                + pubText;
      }
      out.add(new Found(m.start(), m.end(), value, prep, inferred));
    }
    return out;
  }

  private static int month(String name) {
    return MONTHS.indexOf(name.toLowerCase(Locale.ROOT)) + 1;
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Whether a word is a month name (not a name of an entity). */
  static boolean isMonth(String word) {
    return MONTHS.contains(word.toLowerCase(Locale.ROOT));
  }
}
