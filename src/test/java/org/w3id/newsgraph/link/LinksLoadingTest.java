package org.w3id.newsgraph.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.load.LoadException;

/**
 * The loader checks triples/wikidata-links.csv like every other file: file, line, column, field.
 */
class LinksLoadingTest {
  private static final String HEADER =
      "entity,qid,label,description,score,method,status,checked,source,note\n";

  @TempDir Path dir;
  private Path links;

  @BeforeEach
  void setUp() throws IOException {
    WikidataFixture.project(dir);
    links = dir.resolve("triples/wikidata-links.csv");
  }

  private List<String> problems(String rows) throws IOException {
    Files.writeString(links, HEADER + rows);
    LoadException e = assertThrows(LoadException.class, () -> NewsGraph.load(Layout.of(dir)));
    return e.problems().stream().map(x -> x.toString().replace(dir + "/", "")).toList();
  }

  private static void assertHas(List<String> problems, String expected) {
    assertTrue(
        problems.stream().anyMatch(p -> p.endsWith(expected)),
        "expected one ending with <" + expected + "> in " + problems);
  }

  @Test
  void theFileIsOptionalAndTheFixtureOneLoads() throws IOException {
    NewsGraph.load(Layout.of(dir));
    Files.delete(links);
    NewsGraph.load(Layout.of(dir));
  }

  @Test
  void eachBadFieldIsReportedAtItsLineAndColumn() throws IOException {
    List<String> p =
        problems(
            """
            no-such-entity,Q1,,,,manual,confirmed,2026-01-01,https://example.org/a,
            tank,Q0123,,,,manual,review,2026-01-01,,
            tank,q5,,,,manual,review,2026-01-01,,
            quetta,Q7,,,,manual,maybe,2026-01-01,,
            quetta,Q8,,,101,label,review,2026-01-01,,
            quetta,Q9,,,0.9,label,review,2026-01-01,,
            quetta,Q10,,,50,guess,review,2026-01-01,,
            quetta,Q11,,,50,label,review,yesterday,,
            pakistan,Q843,Pakistan,,,manual,confirmed,2026-01-01,,
            pakistan,Q844,,,,manual,review,2026-01-01,not a url,
            """);
    String f = "triples/wikidata-links.csv:";
    assertHas(
        p,
        f + "2:1: [entity] unknown entity id 'no-such-entity'; declare it in triples/entities.csv");
    assertHas(
        p, f + "3:2: [qid] 'Q0123' is not a Wikidata item id; expected Q and digits, e.g. Q843");
    assertHas(p, f + "4:2: [qid] 'q5' is not a Wikidata item id; expected Q and digits, e.g. Q843");
    assertHas(
        p,
        f
            + "5:7: [status] unknown status 'maybe'; expected one of confirmed, auto, review, rejected");
    assertHas(p, f + "6:5: [score] '101' is not a score; expected a whole number from 0 to 100");
    assertHas(p, f + "7:5: [score] '0.9' is not a score; expected a whole number from 0 to 100");
    assertHas(
        p,
        f + "8:6: [method] unknown method 'guess'; expected one of label, alias, search, manual");
    assertHas(p, f + "9:8: [checked] 'yesterday' is not a date; expected YYYY-MM-DD");
    assertHas(
        p,
        f
            + "10:9: [source] a confirmed link needs its source: the URL of a page that shows this"
            + " QID for this entity");
    assertHas(
        p, f + "11:9: [source] 'not a url' is not a web address; expected an http or https URL");
    assertEquals(10, p.size(), p.toString());
  }

  @Test
  void anEntityIsLinkedToOneItemAndEachPairIsListedOnce() throws IOException {
    List<String> p =
        problems(
            """
            quetta,Q7,,,90,label,auto,2026-01-01,https://example.org/sparql,
            quetta,Q8,,,,manual,confirmed,2026-01-01,https://example.org/page,
            tank,Q9,,,50,label,review,2026-01-01,,
            tank,Q9,,,50,label,rejected,2026-01-01,,
            """);
    String f = "triples/wikidata-links.csv:";
    assertHas(
        p,
        f
            + "3:7: [status] entity 'quetta' already has a confirmed or auto link on line 2; an"
            + " entity is linked to at most one Wikidata item");
    assertHas(p, f + "5: entity 'tank' and Q9 are already on line 4");
    assertEquals(2, p.size(), p.toString());
  }

  @Test
  void aConfirmedLinkThatCitesTheCandidateSearchIsRefused() throws IOException {
    List<String> p =
        problems(
            """
            quetta,Q7,,,70,label,confirmed,2026-01-01,https://query.wikidata.org/sparql,score below 80
            tank,Q9,,,,manual,confirmed,2026-01-01,http://127.0.0.1:3030/wikidata/sparql,
            balochistan,Q10,,,,manual,confirmed,2026-01-01,https://www.wikidata.org/w/api.php,
            pakistan,Q843,,,,manual,confirmed,2026-01-01,https://www.wikidata.org/wiki/Q843,
            imran-khan,Q11,,,60,label,review,2026-01-01,https://query.wikidata.org/sparql,
            """);
    String f = "triples/wikidata-links.csv:";
    assertHas(
        p,
        f
            + "2:9: [source] a confirmed link cites the page that was checked, not the candidate"
            + " search 'https://query.wikidata.org/sparql'; put the URL of a page that shows Q7"
            + " for this entity, e.g. https://www.wikidata.org/wiki/Q7");
    assertTrue(p.stream().anyMatch(x -> x.startsWith(f + "3:9: [source]")), p.toString());
    assertTrue(p.stream().anyMatch(x -> x.startsWith(f + "4:9: [source]")), p.toString());
    assertEquals(3, p.size(), p.toString());
  }

  @Test
  void neutralisedFormulaCellsAreReadBackAsTheirValues() throws IOException {
    Files.writeString(
        links,
        HEADER
            + "pakistan,Q843,'=HYPERLINK(\"x\"),'@sum,,manual,confirmed,2026-01-01,"
            + "https://www.wikidata.org/wiki/Q843,''quoted\n");
    org.w3id.newsgraph.KnowledgeGraph kg = NewsGraph.load(Layout.of(dir));
    String ttl = kg.asserted().toString();
    assertTrue(ttl.contains("\"=HYPERLINK(\\\"x\\\")\""), ttl);
    assertTrue(ttl.contains("\"@sum\""), ttl);
    assertTrue(ttl.contains("\"'quoted\"@en"), ttl);
  }

  @Test
  void aCarriageReturnInsideAQuotedFieldIsNamedAsSuch() throws IOException {
    List<String> p =
        problems("tank,Q9,\"a\rb\",,50,label,review,2026-01-01,https://example.org/sparql,\n");
    assertHas(
        p,
        "triples/wikidata-links.csv:2:11: carriage return inside a quoted field; remove it or"
            + " replace it with a space");
  }
}
