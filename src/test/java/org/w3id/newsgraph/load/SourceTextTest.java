package org.w3id.newsgraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceTextTest {
  private static final String TEXT =
      "Menu\n\nFirst paragraph. It has two sentences.\n\nCaption.\nCaption.\n\nLast “quoted” one.\n";

  private final SourceText text = SourceText.of(TEXT, Set.of("Menu"));

  @Test
  void furnitureAndRepeatedLinesAreNotParagraphs() {
    assertEquals(3, text.paragraphCount());
  }

  @Test
  void findsAQuoteWithItsOffsetAndParagraph() {
    SourceText.Match m = text.find("It has two sentences.").orElseThrow();
    assertEquals(TEXT.indexOf("It has"), m.offset());
    assertEquals(1, m.paragraph());
    assertEquals(TEXT.indexOf("Caption."), text.find("Caption.").orElseThrow().offset());
    assertEquals(3, text.find("Last “quoted” one.").orElseThrow().paragraph());
  }

  @Test
  void offsetsCountCodePoints() {
    SourceText t = SourceText.of("\uD83D\uDCF0 News. Then this.\n", Set.of());
    assertEquals(8, t.find("Then").orElseThrow().offset());
  }

  @Test
  void tellsAWholeSentenceFromAFragment() {
    assertTrue(text.find("First paragraph.").orElseThrow().wholeSentence());
    assertTrue(text.find("It has two sentences.").orElseThrow().wholeSentence());
    assertTrue(text.find("Last “quoted” one.").orElseThrow().wholeSentence());
    assertFalse(text.find("has two sentences.").orElseThrow().wholeSentence());
    assertFalse(text.find("First paragraph").orElseThrow().wholeSentence());
    assertFalse(text.find("paragraph. It has").orElseThrow().wholeSentence());
  }

  @Test
  void sentencesEndWithClosingQuotationMarksAndBrackets() {
    SourceText t =
        SourceText.of(
            "He asked, \u201cIs it over?\u201d Then (it ended.) \u2018Yes!\u2019 Also,fine.Next.\n",
            Set.of());
    assertTrue(t.find("He asked, \u201cIs it over?\u201d").orElseThrow().wholeSentence());
    assertTrue(t.find("Then (it ended.)").orElseThrow().wholeSentence());
    assertTrue(t.find("\u2018Yes!\u2019").orElseThrow().wholeSentence());
    assertFalse(t.find("He asked, \u201cIs it").orElseThrow().wholeSentence());
    assertFalse(t.find("Next.").orElseThrow().wholeSentence(), "no space after the sentence end");
    assertFalse(t.find("\u201cIs it over?\u201d").orElseThrow().wholeSentence());
  }

  @Test
  void prefersAnOccurrenceThatIsAWholeSentence() {
    SourceText t = SourceText.of("He said it was over. It was over.\n", Set.of());
    SourceText.Match m = t.find("It was over.").orElseThrow();
    assertTrue(m.wholeSentence());
    assertEquals(21, m.offset());
  }

  @Test
  void furnitureIsNotQuotable() {
    assertTrue(text.find("Menu").isEmpty());
  }

  @Test
  void explainsAQuoteWithOtherQuotationMarks() {
    assertTrue(text.find("Last \"quoted\" one.").isEmpty());
    assertTrue(text.explainMiss("Last \"quoted\"  one.").startsWith("not verbatim"));
    assertTrue(text.explainMiss("Nothing like it.").startsWith("not found"));
  }
}
