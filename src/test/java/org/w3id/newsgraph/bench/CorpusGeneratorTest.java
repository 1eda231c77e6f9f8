package org.w3id.newsgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.Summary;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.load.LoadException;

/** The synthetic corpus is valid for the real loader, deterministic, and as big as asked. */
class CorpusGeneratorTest {
  private static final Path PROJECT = Path.of(".");

  @TempDir Path tmp;

  @Test
  void aGeneratedCorpusValidates() throws IOException {
    Path out = tmp.resolve("triples");
    CorpusGenerator.Written w = CorpusGenerator.generate(PROJECT, out, 1_050, 7, false);
    assertEquals(6, w.articles());
    assertEquals(1_050, w.facts());

    Summary s = NewsGraph.load(Layout.of(PROJECT.resolve("ontology"), out)).summary();

    assertEquals(6, s.sources());
    assertEquals(1_050, s.claims());
    assertEquals(w.entities(), s.entities());
    // the real combinations: every stance of the seed occurs, and events are typed as events
    assertEquals(
        List.of("claims", "denies", "reports", "states", "unaware"),
        List.copyOf(s.claimsByStance().keySet()));
    assertTrue(s.events() > 100, "events: " + s.events());
    // shared entities: fewer entities than six articles with a cast of their own would have
    assertTrue(w.entities() < 6 * 76, "entities: " + w.entities());
  }

  @Test
  void theTextHasCharactersOutsideLatin1() throws IOException {
    Path out = tmp.resolve("triples");
    CorpusGenerator.generate(PROJECT, out, 400, 1, false);
    String text = Files.readString(out.resolve("sources/synth-000001.txt"), StandardCharsets.UTF_8);
    assertTrue(text.chars().anyMatch(c -> c > 0xff), "no character outside Latin-1");
    assertTrue(text.contains("\u2019"));
  }

  @Test
  void theSameSeedGivesTheSameFiles() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    CorpusGenerator.generate(PROJECT, a, 500, 3, false);
    CorpusGenerator.generate(PROJECT, b, 500, 3, false);
    List<Path> files = files(a);
    assertEquals(files, files(b));
    for (Path f : files) {
      assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f.toString());
    }
  }

  @Test
  void aBadCorpusIsRefusedWithEveryRowAtFault() throws IOException {
    Path out = tmp.resolve("triples");
    CorpusGenerator.generate(PROJECT, out, 400, 1, true);
    LoadException e =
        assertThrows(
            LoadException.class,
            () -> NewsGraph.load(Layout.of(PROJECT.resolve("ontology"), out), 10));
    // the report holds 10; checking stops soon after it is full, but the load is still refused
    assertEquals(10, e.problems().size());
    assertTrue(e.total() >= 10, "total: " + e.total());
    assertEquals("by", e.problems().get(0).field());
  }

  @Test
  void linksAreOnlyToDeclaredEntities() throws IOException {
    // at 100 articles most shared entities are never drawn, so they are not declared either
    Path out = tmp.resolve("triples");
    CorpusGenerator.generate(PROJECT, out, 20_000, 1, false);
    Set<String> declared = firstColumn(out.resolve("entities.csv"));
    Set<String> linked = firstColumn(out.resolve("wikidata-links.csv"));
    assertFalse(linked.isEmpty());
    assertTrue(declared.containsAll(linked), "links to undeclared entities");
  }

  private static Set<String> firstColumn(Path csv) throws IOException {
    try (Stream<String> lines = Files.lines(csv)) {
      return lines.skip(1).map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
    }
  }

  @Test
  void sizesAreWrittenAsAUserTypesThem() {
    assertEquals(10_000, CorpusGenerator.parseCount("10k"));
    assertEquals(1_000_000, CorpusGenerator.parseCount("1M"));
    assertEquals(2_500, CorpusGenerator.parseCount("2500"));
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }
}
