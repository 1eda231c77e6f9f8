package org.w3id.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.model.Iris;

class QueryRunnerTest {
  private static final String NGR = Iris.ENTITY;
  private final QueryLibrary library = new QueryLibrary(QueryLibraryTest.DIR);
  private Dataset dataset;

  @BeforeEach
  void load() {
    dataset = DatasetFactory.createTxnMem();
    Txn.executeWrite(dataset, () -> RDFDataMgr.read(dataset, "src/test/resources/query/data.ttl"));
  }

  private record Output(long count, String text) {}

  private Output run(NamedQuery query, ResultFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long count = QueryRunner.run(dataset, query, format, Iris.prefixes(), out);
    return new Output(count, out.toString(StandardCharsets.UTF_8));
  }

  private static NamedQuery inline(String text) {
    return new NamedQuery("inline", "Inline", "", Path.of("inline.rq"), text);
  }

  @Test
  void settingAVariableOutsideTheProjectionNarrowsTheRowsAndAddsNoColumn() {
    NamedQuery q =
        inline(
            "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"
                + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?talks WHERE { ?t ng:location ?place ; rdfs:label ?talks } ORDER BY ?talks");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long rows =
        QueryRunner.run(
            dataset,
            q,
            Map.of("place", NodeFactory.createURI(NGR + "doha")),
            ResultFormat.CSV,
            Iris.prefixes(),
            out);
    assertEquals(1, rows);
    assertEquals("talks\r\nDoha talks\r\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void selectAsTableShortensIris() {
    Output out = run(library.resolve("mediators"), ResultFormat.TABLE);
    assertEquals(3, out.count());
    assertEquals(
        """
        | talks           | mediator  | place     |
        | --------------- | --------- | --------- |
        | ngr:cairo-talks | ngr:egypt | ngr:cairo |
        | ngr:cairo-talks | ngr:qatar | ngr:cairo |
        | ngr:doha-talks  | ngr:qatar | ngr:doha  |
        """,
        out.text());
  }

  @Test
  void selectAsCsv() throws IOException {
    Output out = run(library.resolve("mediators"), ResultFormat.CSV);
    assertEquals(3, out.count());
    try (CSVParser csv =
        CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(out.text()))) {
      assertEquals(List.of("talks", "mediator", "place"), csv.getHeaderNames());
      List<CSVRecord> records = csv.getRecords();
      assertEquals(3, records.size());
      assertEquals(NGR + "cairo-talks", records.get(0).get("talks"));
      assertEquals(NGR + "egypt", records.get(0).get("mediator"));
      assertEquals(NGR + "doha", records.get(2).get("place"));
    }
  }

  @Test
  void selectAsTsv() {
    Output out = run(library.resolve("mediators"), ResultFormat.TSV);
    List<String> lines = out.text().lines().toList();
    assertEquals("?talks\t?mediator\t?place", lines.get(0));
    assertEquals("<" + NGR + "cairo-talks>\t<" + NGR + "egypt>\t<" + NGR + "cairo>", lines.get(1));
    assertEquals(4, lines.size());
  }

  @Test
  void selectAsJson() {
    Output out = run(library.resolve("mediators"), ResultFormat.JSON);
    ResultSet rs =
        ResultSetMgr.read(
            new ByteArrayInputStream(out.text().getBytes(StandardCharsets.UTF_8)),
            ResultSetLang.RS_JSON);
    assertEquals(List.of("talks", "mediator", "place"), rs.getResultVars());
    List<String> mediators = new ArrayList<>();
    while (rs.hasNext()) {
      QuerySolution row = rs.next();
      mediators.add(row.getResource("mediator").getURI());
    }
    assertEquals(List.of(NGR + "egypt", NGR + "qatar", NGR + "qatar"), mediators);
  }

  @Test
  void literalsInCsvAndTable() throws IOException {
    NamedQuery labels =
        inline("# Title: t\nSELECT ?label WHERE { ngr:cairo-talks rdfs:label ?label }");
    Output csv = run(labels, ResultFormat.CSV);
    try (CSVParser parser =
        CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv.text()))) {
      assertEquals("Cairo talks, \"round 2\"", parser.getRecords().get(0).get("label"));
    }
    // The table shows a literal's text, as a reader wants it.
    assertTrue(run(labels, ResultFormat.TABLE).text().contains("| Cairo talks, \"round 2\" |"));
  }

  @Test
  void ask() {
    NamedQuery yes = inline("# Title: t\nASK { ?t ng:mediator ngr:qatar }");
    NamedQuery no = inline("# Title: t\nASK { ?t ng:mediator ngr:nobody }");
    assertEquals(new Output(1, "yes\n"), run(yes, ResultFormat.TABLE));
    assertEquals(new Output(1, "no\n"), run(no, ResultFormat.TABLE));
    assertTrue(run(yes, ResultFormat.JSON).text().contains("\"boolean\" : true"));
    assertEquals("_askResult\ntrue", run(yes, ResultFormat.CSV).text().strip().replace("\r", ""));
    assertTrue(run(no, ResultFormat.TSV).text().contains("false"));
  }

  @Test
  void constructAsTurtleNtriplesAndJsonLd() {
    NamedQuery labels = library.resolve("labels");
    Output turtle = run(labels, ResultFormat.TABLE);
    assertEquals(4, turtle.count());
    Graph graph = RDFParser.fromString(turtle.text(), Lang.TURTLE).toGraph();
    assertEquals(4, graph.size());
    assertTrue(turtle.text().contains("ngr:egypt lbl:label \"Égypte\"@fr ."), turtle.text());

    Output nt = run(labels, ResultFormat.CSV);
    assertEquals(4, nt.text().lines().count());
    assertTrue(graph.isIsomorphicWith(RDFParser.fromString(nt.text(), Lang.NTRIPLES).toGraph()));
    assertEquals(nt, run(labels, ResultFormat.TSV));

    Output jsonld = run(labels, ResultFormat.JSON);
    assertTrue(graph.isIsomorphicWith(RDFParser.fromString(jsonld.text(), Lang.JSONLD).toGraph()));
  }

  @Test
  void describe() {
    Output out = run(inline("# Title: t\nDESCRIBE ngr:qatar"), ResultFormat.TABLE);
    assertEquals(1, out.count());
    assertEquals(
        "@prefix ngr: <https://w3id.org/newsgraph/id/> .\n"
            + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\n"
            + "ngr:qatar rdfs:label \"Qatar\" .\n",
        out.text());
  }

  @Test
  void parseErrorGivesFileLineAndColumn() {
    NamedQuery broken =
        new NamedQuery(
            "broken",
            "Broken",
            "",
            Path.of("queries/broken.rq"),
            "# Title: Broken\n# Question: ?\nSELECT ?x\nWHERE { ?x ng:p ?y \n  FILTER( }\n");
    NewsGraphException e =
        assertThrows(NewsGraphException.class, () -> run(broken, ResultFormat.TABLE));
    assertTrue(e.getMessage().startsWith("queries/broken.rq:5:11: "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void undeclaredPrefixIsAParseError() {
    NewsGraphException e =
        assertThrows(
            NewsGraphException.class,
            () -> run(inline("# Title: t\nSELECT * { ?s nope:p ?o }"), ResultFormat.TABLE));
    assertTrue(e.getMessage().startsWith("inline.rq:2:"), e.getMessage());
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }

  @Test
  void callersPrefixesAreNotChanged() {
    PrefixMapping prefixes = Iris.prefixes();
    int before = prefixes.numPrefixes();
    QueryRunner.run(
        dataset,
        library.resolve("labels"),
        ResultFormat.TABLE,
        prefixes,
        new ByteArrayOutputStream());
    assertEquals(before, prefixes.numPrefixes());
    assertFalse(prefixes.getNsPrefixMap().containsKey("lbl"));
  }

  @Test
  void countMatchesRun() {
    for (NamedQuery query : library.list()) {
      long rows = QueryRunner.count(dataset, query);
      assertTrue(rows > 0, query.name());
      assertEquals(run(query, ResultFormat.CSV).count(), rows, query.name());
    }
  }

  @Test
  void worksInsideAnOpenTransactionAndWithoutTransactions() {
    long rows =
        Txn.calculateRead(dataset, () -> QueryRunner.count(dataset, library.resolve("mediators")));
    assertEquals(3, rows);
    assertFalse(dataset.isInTransaction());
    Dataset plain = DatasetFactory.wrap(dataset.getDefaultModel());
    assertEquals(3, QueryRunner.count(plain, library.resolve("mediators")));
  }
}
