package org.w3id.newsgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;
import org.junit.jupiter.api.Test;
import org.w3id.newsgraph.model.Iris;

class SortedTurtleWriterTest {
  private static final String TRICKY = "src/test/resources/export/tricky.ttl";

  static String turtle(Graph graph, PrefixMapping prefixes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SortedTurtleWriter.write(graph, prefixes, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static PrefixMapping exPrefixes() {
    return PrefixMapping.Factory.create()
        .setNsPrefixes(Iris.prefixes())
        .setNsPrefix("ex", "http://example.org/");
  }

  static Graph parse(String turtle) {
    return RDFParser.fromString(turtle, Lang.TURTLE).toGraph();
  }

  @Test
  void exactLayout() {
    Graph graph = RDFParser.source("src/test/resources/export/small.ttl").toGraph();
    String expected =
        """
        @prefix ng: <https://w3id.org/newsgraph/ontology#> .
        @prefix ngr: <https://w3id.org/newsgraph/id/> .

        ngr:alice a ng:Person ;
            ng:knows ngr:bob ,
                ngr:carol ;
            ng:name "Alice" .

        ngr:bob a ng:Agent ,
                ng:Person .
        """;
    assertEquals(expected, turtle(graph, Iris.prefixes()));
  }

  @Test
  void trickyGraphParsesBackIsomorphic() {
    Graph graph = RDFParser.source(TRICKY).toGraph();
    String text = turtle(graph, exPrefixes());
    Graph back = parse(text);
    assertTrue(graph.isIsomorphicWith(back), text);
  }

  @Test
  void literalForms() {
    String text = turtle(RDFParser.source(TRICKY).toGraph(), exPrefixes());
    assertTrue(text.contains("\"She said \\\"no\\\" and 'yes'\""), text);
    assertTrue(text.contains("\"line one\\nline two\""), text);
    assertTrue(text.contains("\"C:\\\\path\\\\to\""), text);
    // Jena writes a control character other than a line break or tab as it is: Turtle allows it.
    assertTrue(text.contains("\"bell\u0007\""), text);
    assertTrue(text.contains("\"Ελληνικά — naïve 😀\""), text);
    assertTrue(text.contains("\"bonjour\"@fr"), text);
    assertTrue(text.contains("\"مرحبا\"@ar--rtl"), text);
    assertTrue(text.contains("\"147\"^^xsd:nonNegativeInteger"), text);
    assertTrue(text.contains("\n        1.50 ,\n        true ;"), text);
    assertFalse(text.contains("\"x\"^^ex:types/weird-type"), text);
    assertTrue(text.contains("\"x\"^^<http://example.org/types/weird-type>"), text);
    assertTrue(text.contains("ex:empty \"\" ;"), text);
    assertTrue(text.contains("\"hello\" ;") || text.contains("\"hello\" ,"), text);
    assertFalse(text.contains("^^xsd:string"), text);
    assertTrue(text.contains("<<( ex:a ex:b \"c\" )>>"), text);
  }

  @Test
  void strictAboutPrefixedNames() {
    String text = turtle(RDFParser.source(TRICKY).toGraph(), exPrefixes());
    assertTrue(text.contains("<http://example.org/a/b>"), text);
    assertTrue(text.contains("<http://example.org/ends.>"), text);
    assertTrue(text.contains("<http://example.org/-dash>"), text);
    assertTrue(text.contains("<http://example.org/per%20cent>"), text);
    assertTrue(text.contains("\nex:has:colon ex:p"), text); // a colon is allowed in a local name
    assertTrue(text.contains("<http://example.org/has~tilde>"), text);
    assertTrue(text.contains("\nex: ex:p ex:1starts-with-digit ."), text);
  }

  @Test
  void blankNodesAreNamedInOrder() {
    String text = turtle(RDFParser.source(TRICKY).toGraph(), exPrefixes());
    for (int i = 0; i < 5; i++) {
      assertTrue(text.contains("_:b" + i), text);
    }
    assertFalse(text.contains("_:b5"), text);
    assertTrue(text.indexOf("_:b0") < text.indexOf("_:b1"), text);
    assertTrue(text.matches("(?s).*\n(_:b\\d) ex:self \\1 \\.\n.*"), text);
  }

  @Test
  void sameBytesWhateverTheInsertionOrder() {
    Graph graph = RDFParser.source(TRICKY).toGraph();
    List<Triple> triples = new ArrayList<>(graph.find().toList());
    Collections.reverse(triples);
    Graph reversed = GraphMemFactory.createDefaultGraph();
    triples.forEach(reversed::add);
    Collections.shuffle(triples, new java.util.Random(42));
    Graph shuffled = GraphMemFactory.createDefaultGraph();
    triples.forEach(shuffled::add);

    String expected = turtle(graph, exPrefixes());
    assertEquals(expected, turtle(reversed, exPrefixes()));
    assertEquals(expected, turtle(shuffled, exPrefixes()));
    // Parsed again: new blank nodes, same text.
    assertEquals(expected, turtle(RDFParser.source(TRICKY).toGraph(), exPrefixes()));
    // And written again, the output is a fixed point.
    assertEquals(expected, turtle(parse(expected), exPrefixes()));
  }

  @Test
  void onlyUsedPrefixesSorted() {
    Graph graph =
        parse("<http://schema.org/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .");
    String text = turtle(graph, Iris.prefixes());
    assertEquals(
        """
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix schema: <http://schema.org/> .

        schema:x rdfs:label "x" .
        """,
        text);
  }

  @Test
  void longestNamespaceWinsAndBadPrefixNamesAreIgnored() {
    PrefixMapping prefixes =
        PrefixMapping.Factory.create()
            .setNsPrefix("ex", "http://example.org/")
            .setNsPrefix("exa", "http://example.org/a/")
            .setNsPrefix("bad.", "http://example.org/b/");
    Graph graph =
        parse("<http://example.org/a/x> <http://example.org/b/y> <http://example.org/z> .");
    assertEquals(
        """
        @prefix ex: <http://example.org/> .
        @prefix exa: <http://example.org/a/> .

        exa:x <http://example.org/b/y> ex:z .
        """,
        turtle(graph, prefixes));
  }

  @Test
  void emptyGraphGivesEmptyOutput() {
    assertEquals("", turtle(GraphMemFactory.createDefaultGraph(), Iris.prefixes()));
  }

  @Test
  void withoutPrefixesEverythingIsAFullIri() {
    Graph graph = RDFParser.source("src/test/resources/export/small.ttl").toGraph();
    String text = turtle(graph, PrefixMapping.Factory.create());
    assertTrue(text.startsWith("<https://w3id.org/newsgraph/id/alice> a "), text);
    assertTrue(graph.isIsomorphicWith(parse(text)));
  }
}
