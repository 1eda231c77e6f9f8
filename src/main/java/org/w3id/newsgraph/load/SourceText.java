package org.w3id.newsgraph.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The text of a source document, split into paragraphs (non-blank lines). Page furniture lines are
 * not content; a line that repeats an earlier one (a photo caption printed twice) is the same
 * paragraph and is not counted again. Quotes are looked up verbatim.
 */
public final class SourceText {
  /**
   * Where a quote was found.
   *
   * @param offset 0-based offset, in Unicode code points, of the quote in the whole file
   * @param paragraph 1-based number of the content paragraph holding it
   * @param wholeSentence whether the quote starts and ends where sentences do (not mid-sentence)
   */
  public record Match(long offset, int paragraph, boolean wholeSentence) {}

  /**
   * What ends a sentence: {@code [.?!]}, then any of {@link #CLOSERS} (closing quotation marks and
   * brackets), as the regular expression {@code [.?!]["\u201d\u2019')]*$} would match it.
   */
  private static final String CLOSERS = "\"\u201d\u2019')";

  /** A content paragraph: its text, where it starts (in code points) and its number. */
  private record Paragraph(String text, long codePointStart, int number) {}

  private final List<Paragraph> paragraphs = new ArrayList<>();

  private SourceText(String text, Set<String> furniture) {
    Set<String> seen = new HashSet<>();
    int number = 0;
    long start = 0;
    for (String line : text.split("\n", -1)) {
      String content = line.strip();
      if (!content.isEmpty() && !furniture.contains(content) && seen.add(content)) {
        paragraphs.add(new Paragraph(line, start, ++number));
      }
      start += line.codePointCount(0, line.length()) + 1;
    }
  }

  /**
   * Reads a UTF-8 text file; {@code furniture} are the exact (stripped) lines that are not content.
   */
  public static SourceText read(Path file, Set<String> furniture) throws IOException {
    return new SourceText(Files.readString(file, StandardCharsets.UTF_8), furniture);
  }

  /** A text held in memory. */
  public static SourceText of(String text, Set<String> furniture) {
    return new SourceText(text, furniture);
  }

  /** Number of content paragraphs. */
  public int paragraphCount() {
    return paragraphs.size();
  }

  /**
   * The content paragraphs, in order (paragraph {@code n} is element {@code n - 1}): no furniture,
   * each repeated line once.
   */
  public List<String> paragraphs() {
    return paragraphs.stream().map(Paragraph::text).toList();
  }

  /**
   * Finds {@code quote} inside one content paragraph: the first occurrence that is a whole
   * sentence, else the first occurrence.
   */
  public Optional<Match> find(String quote) {
    if (quote.isEmpty()) {
      return Optional.empty();
    }
    Match first = null;
    for (Paragraph p : paragraphs) {
      for (int i = p.text().indexOf(quote); i >= 0; i = p.text().indexOf(quote, i + 1)) {
        boolean whole = isWholeSentence(p.text(), i, i + quote.length());
        Match m = new Match(p.codePointStart() + p.text().codePointCount(0, i), p.number(), whole);
        if (whole) {
          return Optional.of(m);
        }
        if (first == null) {
          first = m;
        }
      }
    }
    return Optional.ofNullable(first);
  }

  /**
   * A quote is a whole sentence when it starts at the start of its paragraph or after a sentence
   * end (., ? or !, maybe followed by a closing quotation mark, then a space), and ends with such a
   * sentence end at the end of the paragraph or before a space.
   */
  private static boolean isWholeSentence(String paragraph, int start, int end) {
    int before = start;
    while (before > 0 && Character.isWhitespace(paragraph.charAt(before - 1))) {
      before--;
    }
    boolean startsWell =
        before == 0 || (before < start && endsSentence(paragraph, 0, before)); // then a space
    boolean endsWell =
        endsSentence(paragraph, start, end)
            && (end == paragraph.length() || Character.isWhitespace(paragraph.charAt(end)));
    return startsWell && endsWell;
  }

  /**
   * Whether {@code text} from {@code from} to {@code end} ends with a sentence end ({@link
   * #CLOSERS}), read backwards from {@code end}: a regular expression anchored at the end, matched
   * from the start of the paragraph, made checking each quote cost the length of its paragraph.
   */
  private static boolean endsSentence(String text, int from, int end) {
    int i = end - 1;
    while (i >= from && CLOSERS.indexOf(text.charAt(i)) >= 0) {
      i--;
    }
    return i >= from && ".?!".indexOf(text.charAt(i)) >= 0;
  }

  /**
   * When {@code quote} is not found verbatim, says why if it can tell: it differs only in quotation
   * marks, apostrophes or spaces from a sentence of the text.
   */
  public String explainMiss(String quote) {
    String loose = loosen(quote);
    for (Paragraph p : paragraphs) {
      if (loosen(p.text()).contains(loose)) {
        return "not verbatim: the text has it with other quotation marks, apostrophes or spacing"
            + " (paragraph "
            + p.number()
            + "); copy it exactly";
      }
    }
    return "not found in the source text (outside page furniture)";
  }

  private static String loosen(String s) {
    return s.replaceAll("[\u2018\u2019\u02bc`]", "'")
        .replaceAll("[\u201c\u201d\u201e]", "\"")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
