package org.w3id.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.model.Iris;

/** The command line, run in process on the project's real ontology/, triples/ and queries/. */
class CliIT {
  private static KnowledgeGraph kg;

  @TempDir Path tmp;

  @BeforeAll
  static void load() {
    kg = NewsGraph.load(Layout.of(Path.of(".")));
  }

  record Run(int code, byte[] out, String err) {
    String text() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, out, err);
    return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void validatePrintsASummaryAndExitsZero() {
    Run r = run("validate");
    assertEquals(0, r.code(), r.err());
    String first = r.text().lines().findFirst().orElseThrow();
    assertTrue(first.startsWith("valid: 1 source, "), first);
    assertTrue(r.text().contains("Claims by stance:"));
    assertTrue(r.text().contains("negotiatesWith"));
  }

  @Test
  void validateOnBrokenDataListsProblemsAndExitsOne() throws IOException {
    Path triples = copyTriples();
    Path facts = triples.resolve("facts/rferl-2021-11-ttp-secret-talks.csv");
    String text = Files.readString(facts);
    Files.writeString(facts, text.replaceFirst(",ttp,", ",ttp-typo,"));
    Run r = run("validate", "--triples", triples.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("rferl-2021-11-ttp-secret-talks.csv:"), r.err());
    assertTrue(r.err().contains("unknown entity id 'ttp-typo'"), r.err());
    assertTrue(r.err().contains("nothing was loaded"), r.err());
    assertEquals("", r.text());
  }

  @Test
  void turtleExportParsesBackToAnIsomorphicGraphAndIsStable() {
    Run first = run("export");
    Run second = run("export", "--format", "turtle");
    assertEquals(0, first.code(), first.err());
    assertArrayEquals(first.out(), second.out(), "byte-for-byte the same from run to run");
    Graph back = parse(first.out(), Lang.TURTLE);
    assertTrue(back.isIsomorphicWith(kg.asserted()));
    assertTrue(first.text().startsWith("@prefix "));
    assertTrue(first.text().contains("ngr:ttp"));
  }

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of("ntriples", Lang.NTRIPLES),
        Arguments.of("jsonld", Lang.JSONLD),
        Arguments.of("rdfxml", Lang.RDFXML));
  }

  @ParameterizedTest
  @MethodSource("formats")
  void everyFormatParsesBackToTheSameGraph(String name, Lang lang) {
    Run r = run("export", "--format", name);
    assertEquals(0, r.code(), r.err());
    assertTrue(parse(r.out(), lang).isIsomorphicWith(kg.asserted()), name);
  }

  @Test
  void trigKeepsInferredTriplesInTheirOwnGraph() {
    Run r = run("export", "--format", "trig", "--inferred");
    assertEquals(0, r.code(), r.err());
    Dataset ds = DatasetFactory.create();
    RDFParser.source(new ByteArrayInputStream(r.out())).lang(Lang.TRIG).parse(ds.asDatasetGraph());
    assertTrue(ds.asDatasetGraph().getDefaultGraph().isIsomorphicWith(kg.asserted()));
    Graph inferred = ds.asDatasetGraph().getGraph(NodeFactory.createURI(Iris.INFERRED_GRAPH));
    assertTrue(inferred.isIsomorphicWith(kg.inferred()));
    assertTrue(inferred.size() > 0);
  }

  @Test
  void inferredTurtleAddsTheSymmetricNegotiation() {
    Graph plain = parse(run("export").out(), Lang.TURTLE);
    Graph withInferred = parse(run("export", "--inferred").out(), Lang.TURTLE);
    var ttp = NodeFactory.createURI(Iris.entity("ttp"));
    var gov = NodeFactory.createURI(Iris.entity("government-of-pakistan"));
    var negotiates = NodeFactory.createURI(Iris.term("negotiatesWith"));
    assertFalse(plain.contains(ttp, negotiates, gov));
    assertTrue(withInferred.contains(ttp, negotiates, gov));
  }

  @Test
  void exportToAFileAndAFailedExportLeavesTheOldFile() throws IOException {
    Path out = tmp.resolve("graph.ttl");
    assertEquals(0, run("export", "--output", out.toString()).code());
    byte[] good = Files.readAllBytes(out);
    assertTrue(good.length > 1000);
    Path triples = copyTriples();
    Files.writeString(triples.resolve("entities.csv"), "id,class\n");
    Run r = run("export", "--triples", triples.toString(), "--output", out.toString());
    assertEquals(1, r.code());
    assertArrayEquals(good, Files.readAllBytes(out));
    Run bad = run("export", "--format", "yaml", "--output", out.toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("yaml"), bad.err());
    assertArrayEquals(good, Files.readAllBytes(out));
  }

  @Test
  void queryListShowsEveryNamedQueryWithItsTitle() throws IOException {
    Run r = run("query", "--list");
    assertEquals(0, r.code(), r.err());
    try (Stream<Path> files = Files.list(Path.of("queries"))) {
      files.forEach(
          f -> {
            String name = f.getFileName().toString().replace(".rq", "");
            assertTrue(r.text().contains(name + " "), name);
          });
    }
    assertTrue(r.text().contains("Who mediates which talks"));
  }

  @Test
  void queryAsCsvAnswersWhoMediates() {
    Run r = run("query", "mediators", "--format", "csv");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.text().startsWith("mediator,talks,place,stance,saidBy,quote"), r.text());
    assertTrue(r.text().contains("Sirajuddin Haqqani"));
  }

  @Test
  void aParamSetsAQueryVariable() {
    Run all = run("query", "entity", "--format", "csv");
    Run one = run("query", "entity", "--param", "entity=noor-wali-mehsud", "--format", "csv");
    assertEquals(0, one.code(), one.err());
    List<String> rows = one.text().lines().skip(1).toList();
    assertTrue(rows.size() >= 2, one.text());
    assertTrue(rows.stream().allMatch(r -> r.startsWith(Iris.entity("noor-wali-mehsud") + ",")));
    assertTrue(all.text().lines().count() > rows.size() + 1);
    Run bad = run("query", "entity", "--param", "nothing=1");
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("no variable ?nothing"), bad.err());
  }

  @Test
  void quotesTakesOneSource() {
    Run all = run("query", "quotes", "--format", "csv");
    Run seed =
        run(
            "query",
            "quotes",
            "--param",
            "src=ngs:rferl-2021-11-ttp-secret-talks",
            "--format",
            "csv");
    Run other = run("query", "quotes", "--param", "src=ngs:no-such-source", "--format", "csv");
    assertEquals(0, seed.code(), seed.err());
    assertTrue(all.text().lines().count() > 100, all.text());
    assertEquals(all.text(), seed.text(), "the seed's one source: every row");
    assertEquals(1, other.text().lines().count(), "another source: the header only");
  }

  @Test
  void unknownQueryIsAUserError() {
    Run r = run("query", "no-such-query");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("unknown query 'no-such-query'"), r.err());
  }

  @Test
  void badOptionIsAUserError() {
    Run r = run("export", "--no-such-option");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("--no-such-option"), r.err());
  }

  // ---- errors: the user's own are exit 1 with one sentence and a stable identifier (issue 7)

  @Test
  void aServiceEndpointThatIsDownIsTheUsersErrorNotABug() throws IOException {
    Path q = query("down.rq", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }");
    Run r = run("query", q.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().startsWith(q + ": the query failed while running: "), r.err());
    assertTrue(r.err().strip().endsWith("[query-failed]"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void aQueryJenaRefusesAfterParsingIsTheUsersError() throws IOException {
    Path q = query("regex.rq", "SELECT * WHERE { ?s ?p ?o FILTER regex(str(?o), \"(\") }");
    Run r = run("query", q.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("Regex pattern exception"), r.err());
    assertTrue(r.err().strip().endsWith("[invalid-query]"), r.err());
    assertFalse(r.err().contains("org.apache.jena"), r.err());
  }

  @Test
  void aBadFileGivenToQuerySaysWhy() throws IOException {
    Path folder = Files.createDirectory(tmp.resolve("folder.rq"));
    Run r = run("query", folder.toString());
    assertEquals(1, r.code(), r.err());
    assertEquals(
        "query file " + folder + ": is a folder, not a file [unreadable-file]", r.err().strip());
    Path loop = tmp.resolve("loop.rq");
    Files.createSymbolicLink(loop, loop);
    Run l = run("query", loop.toString());
    assertEquals(1, l.code(), l.err());
    assertTrue(l.err().contains("symbolic link loop"), l.err());
  }

  @Test
  void everyErrorEndsWithItsIdentifier() {
    assertTrue(run("query", "no-such-query").err().strip().endsWith("[unknown-name]"));
    assertTrue(run("export", "--no-such-option").err().contains("[bad-option]"));
    assertTrue(
        run("validate", "--triples", tmp.toString()).err().strip().endsWith("[invalid-input]"));
  }

  @Test
  void csvResultsNeutraliseSpreadsheetFormulas() throws IOException {
    Path q =
        query(
            "formula.rq",
            "SELECT ?a ?b ?c WHERE { BIND(\"=HYPERLINK(\\\"http://x\\\")\" AS ?a)"
                + " BIND(\"@SUM(1)\" AS ?b) BIND(-12 AS ?c) }");
    Run r = run("query", q.toString(), "--format", "csv");
    assertEquals(0, r.code(), r.err());
    assertEquals("a,b,c\r\n\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(1),-12\r\n", r.text());
    Run json = run("query", q.toString(), "--format", "json");
    assertTrue(json.text().contains("\"=HYPERLINK("), json.text());
  }

  private Path query(String name, String body) throws IOException {
    return Files.writeString(tmp.resolve(name), "# Title: " + name + "\n" + body + "\n");
  }

  private Path copyTriples() throws IOException {
    Path target = tmp.resolve("triples");
    try (Stream<Path> files = Files.walk(Path.of("triples"))) {
      for (Path p : files.toList()) {
        Path dest = target.resolve(Path.of("triples").relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
    return target;
  }

  private static Graph parse(byte[] bytes, Lang lang) {
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang).parse(g);
    return g;
  }
}
