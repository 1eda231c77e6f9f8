package org.w3id.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.model.Iris;

/**
 * The aggregates of the named queries that were reshaped to stay fast on a corpus (counted per IRI
 * first, columns gathered on their own, the most specific class once per entity), checked on the
 * seed project against the graph itself, with and without inference.
 */
class SeedQueriesTest {
  private static final QueryLibrary LIBRARY = new QueryLibrary(Path.of("queries"));
  private static final Node DERIVED_FROM =
      NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
  private static final Node SEED_SOURCE =
      NodeFactory.createURI(Iris.SOURCE + "rferl-2021-11-ttp-secret-talks");

  private static KnowledgeGraph seed;

  @BeforeAll
  static void load() {
    seed = NewsGraph.load(Layout.of(Path.of("ontology"), Path.of("triples")));
  }

  @Test
  void sourcesCountsEveryFactOfASourceAndZeroForASourceWithoutFacts() throws IOException {
    Dataset dataset = seed.dataset(false);
    Graph g = dataset.asDatasetGraph().getDefaultGraph();
    long facts =
        Txn.calculateRead(dataset, () -> g.stream(null, DERIVED_FROM, SEED_SOURCE).count());
    Node empty = NodeFactory.createURI(Iris.SOURCE + "no-facts");
    Txn.executeWrite(
        dataset,
        () -> {
          g.add(empty, RDF.type.asNode(), NodeFactory.createURI(Iris.ONTOLOGY + "Source"));
          g.add(empty, DCTerms.title.asNode(), NodeFactory.createLiteralString("A source"));
          g.add(empty, DCTerms.publisher.asNode(), NodeFactory.createURI(Iris.ENTITY + "rferl"));
          g.add(
              empty,
              DCTerms.issued.asNode(),
              NodeFactory.createLiteralDT("2020-01", XSDDatatype.XSDgYearMonth));
        });
    List<CSVRecord> rows = csv(dataset, "sources");
    assertEquals(2, rows.size(), rows.toString());
    assertEquals("A source", rows.get(0).get("title"));
    assertEquals("0", rows.get(0).get("facts"));
    assertEquals("Radio Free Europe/Radio Liberty", rows.get(1).get("publisher"));
    assertEquals(Long.toString(facts), rows.get(1).get("facts"));
    assertEquals(201, facts);
  }

  @Test
  void organisationsIsOneRowPerOrganisationWithAValueAndItsMostSpecificClass() throws IOException {
    for (boolean inferred : new boolean[] {false, true}) {
      List<CSVRecord> rows = csv(seed.dataset(inferred), "organisations");
      assertEquals(
          List.of(
              "Hafiz Gul Bahadar faction|faction|Tehrik-e Taliban Pakistan||",
              "Haqqani network|militant group|Afghan Taliban|Sirajuddin Haqqani|United States"
                  + " government",
              "Radio Mashaal|media organization|Radio Free Europe/Radio Liberty||",
              "Tehrik-e Taliban Pakistan|militant group||Noor Wali Mehsud|"),
          rows.stream().map(r -> String.join("|", r.values())).toList(),
          "inferred " + inferred);
    }
  }

  @Test
  void placesIsOneRowPerLocatedInWithThePlacesMostSpecificClass() throws IOException {
    Node locatedIn = NodeFactory.createURI(Iris.ONTOLOGY + "locatedIn");
    Dataset asserted = seed.dataset(false);
    Graph g = asserted.asDatasetGraph().getDefaultGraph();
    long triples = Txn.calculateRead(asserted, () -> g.stream(null, locatedIn, null).count());
    List<CSVRecord> rows = csv(asserted, "places");
    assertEquals(triples, rows.size());
    assertEquals("Quetta|city|Balochistan", String.join("|", rows.get(1).values()));
    List<CSVRecord> withInferred = csv(seed.dataset(true), "places");
    withInferred.stream()
        .filter(r -> r.get("place").equals("Quetta"))
        .forEach(r -> assertEquals("city", r.get("class"), r.toString()));
  }

  @Test
  void ceasefiresIsOneRowPerCeaseFireWithEmptyColumnsForMissingValues() throws IOException {
    List<CSVRecord> rows = csv(seed.dataset(false), "ceasefires");
    assertEquals(2, rows.size(), rows.toString());
    assertEquals(
        "Hafiz Gul Bahadar faction cease-fire (October 2021)|Hafiz Gul Bahadar faction||2021-10-01"
            + "|2021-10-20|P20D|",
        String.join("|", rows.get(1).values()));
    assertEquals(
        "Tehrik-e Taliban Pakistan, Pakistani security forces", rows.get(0).get("parties"));
    assertEquals("proposed", rows.get(0).get("status"));
  }

  private static List<CSVRecord> csv(Dataset dataset, String query) throws IOException {
    return csv(dataset, LIBRARY.resolve(query));
  }

  /** The rows of {@code query} on {@code dataset}, read back from its CSV with the header. */
  static List<CSVRecord> csv(Dataset dataset, NamedQuery query) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    QueryRunner.run(dataset, query, ResultFormat.CSV, Iris.prefixes(), out);
    try (CSVParser p =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .get()
            .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
      return p.getRecords();
    }
  }
}
