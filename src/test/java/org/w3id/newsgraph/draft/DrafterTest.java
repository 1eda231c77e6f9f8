package org.w3id.newsgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.load.SourceText;

/** The drafter on the invented articles of {@code src/test/resources/draft/}. */
class DrafterTest {
  private static final Path FIXTURES = Path.of("src/test/resources/draft");
  private static final Path ONTOLOGY = Path.of("ontology");

  private static Draft draft(String fixture, String source) {
    Path triples = FIXTURES.resolve(fixture).resolve("triples");
    return Drafts.propose(Layout.of(ONTOLOGY, triples), source, Lexicon.load(triples));
  }

  private static boolean matches(String expected, String actual) {
    return expected.startsWith("*")
        ? actual.contains(expected.substring(1))
        : expected.equals(actual);
  }

  @Test
  void northlandDraftHasTheExpectedRowsWithTheirVoices() {
    assertExpectedRows("northland", "ledger-2024-03-northland-talks");
  }

  /**
   * An article of another conflict, written after the rules: a demand with what is demanded, a
   * dated statement to a medium, a position inside a country, a party that came to power, where a
   * group's members come from, descriptions next to names.
   */
  @Test
  void meridianDraftHasTheExpectedRowsAndNames() throws IOException {
    String source = "post-2023-09-meridian-truce";
    assertExpectedRows("meridian", source);
    assertExpectedEntities("meridian", source);
    Draft d = draft("meridian", source);
    SourceText text =
        SourceText.read(
            FIXTURES.resolve("meridian/triples/sources").resolve(source + ".txt"),
            Set.of("Share this article"));
    for (Draft.Row r : d.rows()) {
      assertTrue(
          text.find(r.quote()).map(SourceText.Match::wholeSentence).orElse(false), r.quote());
    }
  }

  private static void assertExpectedRows(String fixture, String source) {
    Draft d = draft(fixture, source);
    List<String> missing = new ArrayList<>();
    for (Csv.Row e :
        Csv.read(
            FIXTURES.resolve(fixture + "/expected.csv"),
            List.of("subject", "property", "object", "value", "stance", "by"),
            false)) {
      boolean found =
          d.rows().stream()
              .anyMatch(
                  r ->
                      matches(e.get("subject"), r.subject())
                          && r.property().equals(e.get("property"))
                          && matches(e.get("object"), r.object())
                          && r.value().equals(e.get("value"))
                          && r.stance().equals(e.get("stance"))
                          && r.by().equals(e.get("by")));
      if (!found) {
        missing.add(e.fields().toString());
      }
    }
    assertEquals(List.of(), missing, "rows missing from the draft:\n" + d.rows());
  }

  @Test
  void everyQuoteIsAWholeSentenceOfTheTextAndRowsFollowTheText() throws IOException {
    String source = "ledger-2024-03-northland-talks";
    Draft d = draft("northland", source);
    SourceText text =
        SourceText.read(
            FIXTURES.resolve("northland/triples/sources").resolve(source + ".txt"),
            Set.of("Skip to content"));
    long last = -1;
    for (Draft.Row r : d.rows()) {
      SourceText.Match m = text.find(r.quote()).orElseThrow(() -> new AssertionError(r.quote()));
      assertTrue(m.wholeSentence(), r.quote());
      assertTrue(m.offset() >= last, "rows out of text order at " + r);
      last = m.offset();
      assertFalse(r.why().isBlank(), "a row says why");
      assertTrue(r.confidence() > 0 && r.confidence() <= 1, "confidence in (0, 1]");
    }
    assertTrue(d.rows().stream().noneMatch(r -> r.quote().contains("Skip to content")));
  }

  @Test
  void aDateWithoutItsYearIsResolvedAgainstThePublicationDateAndSaysSo() {
    Draft d = draft("northland", "ledger-2024-03-northland-talks");
    Draft.Row date =
        d.rows().stream()
            .filter(r -> r.property().equals("date") && r.value().equals("2024-01"))
            .findFirst()
            .orElseThrow();
    assertTrue(date.inferred().contains("year not stated"), date.inferred());
  }

  @Test
  void proposedIdsFollowTheIdSyntaxAndProposedEntitiesAreUsed() {
    Draft d = draft("northland", "ledger-2024-03-northland-talks");
    for (Draft.NewEntity e : d.entities()) {
      assertTrue(e.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), e.id());
    }
    assertTrue(d.entities().stream().anyMatch(e -> e.id().equals("omar-selim")));
  }

  @Test
  void aNewConflictGetsItsNamesProposedWithTheirClasses() {
    assertExpectedEntities("kelso", "courier-2025-06-kelso");
  }

  private static void assertExpectedEntities(String fixture, String source) {
    Draft d = draft(fixture, source);
    List<String> wrong = new ArrayList<>();
    for (Csv.Row e :
        Csv.read(
            FIXTURES.resolve(fixture + "/expected-entities.csv"),
            List.of("label", "class"),
            false)) {
      boolean found =
          d.entities().stream()
              .anyMatch(
                  p ->
                      p.label().equalsIgnoreCase(e.get("label"))
                          && p.clazz().equals(e.get("class")));
      if (!found) {
        wrong.add(e.get("label") + " as " + e.get("class"));
      }
    }
    assertEquals(List.of(), wrong, "proposed: " + d.entities());
  }

  @Test
  void rowsAlreadyInTheFactsFileOrRejectedAreNotProposedAgain() {
    String source = "ledger-2024-03-northland-talks";
    Draft first = draft("northland", source);
    Draft.Row some = first.rows().get(0);
    Path triples = FIXTURES.resolve("northland").resolve("triples");
    Drafter drafter =
        new Drafter(Drafts.ontologyOf(Layout.of(ONTOLOGY, triples)), Lexicon.load(triples));
    Draft again =
        drafter.draft(Drafts.article(Layout.of(ONTOLOGY, triples), source, Set.of(some.key())));
    assertTrue(again.rows().stream().noneMatch(r -> r.key().equals(some.key())));
    assertEquals(first.rows().size() - countKey(first, some.key()), again.rows().size());
  }

  private static long countKey(Draft d, String key) {
    return d.rows().stream().filter(r -> r.key().equals(key)).count();
  }
}
