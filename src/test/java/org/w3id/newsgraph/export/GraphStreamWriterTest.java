package org.w3id.newsgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

class GraphStreamWriterTest {
  @Test
  void everyTermIsWrittenAsJenaWritesIt() {
    List<Node> nodes = new ArrayList<>();
    for (String iri :
        List.of(
            "https://w3id.org/newsgraph/id/imran-khan",
            "http://example.org/caf\u00e9",
            "http://example.org/a b",
            "http://example.org/<x>",
            "http://example.org/{x}|^`\\\"",
            "http://example.org/\u007f")) {
      nodes.add(NodeFactory.createURI(iri));
    }
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 160; c++) {
      every.append(c);
    }
    for (String text :
        List.of(
            "",
            "plain words",
            "He said \u201cno\u201d \u2019 \u0627\u0644\u0637\u0627\u0644\u0628\u0627\u0646",
            "a \"quote\"",
            "back\\slash",
            "line\nbreak\r\ttab\fform",
            "nul\u0000 and \u0001",
            "replacement \uFFFD",
            "\uD83D\uDCF0 news",
            every.toString())) {
      nodes.add(NodeFactory.createLiteralString(text));
      nodes.add(NodeFactory.createLiteralLang(text, "en"));
      nodes.add(NodeFactory.createLiteralDT(text, XSDDatatype.XSDanyURI));
    }
    nodes.add(NodeFactory.createLiteralDT("2021-11", XSDDatatype.XSDgYearMonth));
    nodes.add(NodeFactory.createLiteralDT("12", XSDDatatype.XSDinteger));
    nodes.add(NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
    nodes.add(NodeFactory.createLiteralDT("x", NodeFactory.getType("http://example.org/odd type")));
    nodes.add(NodeFactory.createLiteralLang("hello", "zh-Hant"));
    nodes.add(NodeFactory.createBlankNode("b1"));
    for (Node node : nodes) {
      assertEquals(NodeFmtLib.strNT(node), GraphStreamWriter.term(node), node::toString);
    }
  }

  @Test
  void graphsAreWrittenInTheOrderTheyCameAndAFailureIsThrown() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GraphStreamWriter writer = new GraphStreamWriter(bytes, ExportFormat.NTRIPLES);
    try (writer) {
      for (int i = 0; i < 50; i++) {
        Graph g = GraphFactory.createDefaultGraph();
        Node n = NodeFactory.createURI("http://example.org/" + (50 - i));
        g.add(n, n, NodeFactory.createLiteralString(Integer.toString(i)));
        writer.graph("http://example.org/g" + i, g);
      }
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(50, lines.length);
    for (int i = 0; i < 50; i++) {
      assertTrue(lines[i].endsWith(" \"" + i + "\" ."), lines[i]);
    }

    OutputStream full =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }
        };
    GraphStreamWriter failing = new GraphStreamWriter(full, ExportFormat.NTRIPLES);
    Graph big = GraphFactory.createDefaultGraph();
    for (int i = 0; i < 5000; i++) { // more than the writer's buffer
      Node n = NodeFactory.createURI("http://example.org/" + i);
      big.add(n, n, n);
    }
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () -> {
              try (failing) {
                failing.graph("http://example.org/g", big);
              }
            });
    assertEquals("No space left on device", e.getCause().getMessage());
  }

  @Test
  void linesOfAGraphAreSortedAndQuadsNameTheirGraph() {
    Graph g = GraphFactory.createDefaultGraph();
    Node b = NodeFactory.createURI("http://example.org/b");
    Node a = NodeFactory.createURI("http://example.org/a");
    g.add(b, a, NodeFactory.createLiteralString("2"));
    g.add(a, a, NodeFactory.createLiteralString("1"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GraphStreamWriter writer = new GraphStreamWriter(bytes, ExportFormat.NQUADS);
    try (writer) {
      writer.graph("http://example.org/g", g);
    }
    assertEquals(2, writer.written());
    String expected =
        "<http://example.org/a> <http://example.org/a> \"1\" <http://example.org/g> .\n"
            + "<http://example.org/b> <http://example.org/a> \"2\" <http://example.org/g> .\n";
    assertEquals(expected, bytes.toString(StandardCharsets.UTF_8));

    // One graph written on the calling thread: the same lines.
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    assertEquals(2, GraphStreamWriter.write(one, ExportFormat.NQUADS, "http://example.org/g", g));
    assertEquals(expected, one.toString(StandardCharsets.UTF_8));
    ByteArrayOutputStream triples = new ByteArrayOutputStream();
    GraphStreamWriter.write(triples, ExportFormat.NTRIPLES, "http://example.org/g", g);
    assertEquals(
        expected.replace(" <http://example.org/g> .", " ."),
        triples.toString(StandardCharsets.UTF_8));
    assertThrows(
        IllegalArgumentException.class,
        () -> GraphStreamWriter.write(one, ExportFormat.TURTLE, "http://example.org/g", g));
  }
}
