package org.w3id.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.bench.CorpusGenerator;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.model.Iris;

/**
 * The named queries that take one source ({@code --param src=ngs:ID}): on the seed project (one
 * source) naming it changes nothing and naming another leaves no row; on a generated corpus of six
 * articles each source's answer is its own part of the whole answer.
 */
class SourceParamTest {
  private static final QueryLibrary LIBRARY = new QueryLibrary(Path.of("queries"));
  private static final String SEED_SOURCE = "rferl-2021-11-ttp-secret-talks";
  private static final int ARTICLES = 6;

  private static KnowledgeGraph seed;
  private static Dataset corpus;

  @BeforeAll
  static void load(@TempDir Path tmp) throws IOException {
    seed = NewsGraph.load(Layout.of(Path.of("ontology"), Path.of("triples")));
    Path triples = tmp.resolve("triples");
    CorpusGenerator.generate(Path.of("."), triples, 1_050, 7, false);
    corpus = NewsGraph.load(Layout.of(Path.of("ontology"), triples)).dataset(false);
  }

  /** The named queries whose header offers --param src=ngs:ID. */
  private static List<NamedQuery> bySource() {
    return LIBRARY.list().stream().filter(q -> q.text().contains("--param src=ngs:")).toList();
  }

  @Test
  void theQueriesThatTakeOneSourceSayHowInTheirHeader() {
    Set<String> names = new TreeSet<>();
    bySource().forEach(q -> names.add(q.name()));
    assertEquals(
        Set.of(
            "attack-timeline",
            "claims-by-source",
            "disputed-facts",
            "events-timeline",
            "inferred-values",
            "quotes",
            "statements"),
        names);
  }

  @Test
  void onTheSeedTheOneSourceGivesEveryRowAndAnotherNone() {
    for (boolean inferred : new boolean[] {false, true}) {
      Dataset dataset = seed.dataset(inferred);
      for (NamedQuery q : bySource()) {
        String all = run(dataset, q, Map.of());
        String one = run(dataset, q, Map.of("src", source(SEED_SOURCE)));
        String none = run(dataset, q, Map.of("src", source("no-such-source")));
        String what = q.name() + (inferred ? " --inferred" : "");
        assertTrue(all.lines().count() > 1, what + ": " + all);
        assertEquals(all, one, what);
        assertEquals(1, none.lines().count(), what + ": the header only\n" + none);
      }
    }
  }

  @Test
  void onACorpusEachSourceGivesItsOwnPartOfTheWhole() {
    // Events, attacks and statements belong to one article each in the generated corpus, so the
    // rows of every source together are the whole answer, each row once.
    for (String name :
        List.of("attack-timeline", "events-timeline", "inferred-values", "quotes", "statements")) {
      NamedQuery q = LIBRARY.resolve(name);
      List<String> whole = rows(run(corpus, q, Map.of()));
      List<String> parts = new ArrayList<>();
      for (int i = 1; i <= ARTICLES; i++) {
        List<String> part = rows(run(corpus, q, Map.of("src", source(article(i)))));
        assertTrue(whole.containsAll(part), name + " of " + article(i));
        parts.addAll(part);
      }
      assertFalse(whole.isEmpty(), name);
      assertEquals(sorted(whole), sorted(parts), name);
    }
  }

  @Test
  void onACorpusTheCountsOfEachSourceAddUpToTheWhole() {
    NamedQuery q = LIBRARY.resolve("claims-by-source");
    Map<String, Long> whole = counts(run(corpus, q, Map.of()));
    Map<String, Long> sum = new HashMap<>();
    for (int i = 1; i <= ARTICLES; i++) {
      counts(run(corpus, q, Map.of("src", source(article(i)))))
          .forEach((k, n) -> sum.merge(k, n, Long::sum));
    }
    assertEquals(1_050L, whole.values().stream().mapToLong(Long::longValue).sum());
    assertEquals(whole, sum);
  }

  @Test
  void onACorpusTheDisputesOfOneSourceAreAmongTheWhole() {
    // Within one source a disputed fact is matched with that source's claims only; the whole
    // answer also matches claims across sources, so it may hold more rows than the parts.
    NamedQuery q = LIBRARY.resolve("disputed-facts");
    List<String> whole = rows(run(corpus, q, Map.of()));
    int found = 0;
    for (int i = 1; i <= ARTICLES; i++) {
      List<String> part = rows(run(corpus, q, Map.of("src", source(article(i)))));
      assertTrue(whole.containsAll(part), article(i));
      found += part.size();
    }
    assertTrue(found > 0, "no source has a disputed fact");
  }

  private static String article(int i) {
    return String.format("synth-%06d", i);
  }

  private static Node source(String id) {
    return NodeFactory.createURI(Iris.SOURCE + id);
  }

  private static String run(Dataset dataset, NamedQuery q, Map<String, Node> params) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    QueryRunner.run(dataset, q, params, ResultFormat.CSV, Iris.prefixes(), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The rows of a CSV answer, without its header (no value here spans lines). */
  private static List<String> rows(String csv) {
    return csv.lines().skip(1).toList();
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().toList();
  }

  /** claims-by-source's rows as "speaker,stance" to their count (the last column). */
  private static Map<String, Long> counts(String csv) {
    Map<String, Long> out = new HashMap<>();
    for (String row : rows(csv)) {
      int comma = row.lastIndexOf(',');
      out.put(row.substring(0, comma), Long.parseLong(row.substring(comma + 1)));
    }
    return out;
  }
}
