package org.w3id.newsgraph.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.NiceIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.model.Iris;

class ExporterTest {
  private static final PrefixMapping PREFIXES = Iris.prefixes();

  @TempDir Path dir;

  private static Graph asserted() {
    return RDFParser.source("src/test/resources/export/small.ttl").toGraph();
  }

  private static Graph inferred() {
    return RDFParser.fromString(
            """
            PREFIX ng: <https://w3id.org/newsgraph/ontology#>
            PREFIX ngr: <https://w3id.org/newsgraph/id/>
            ngr:alice a ng:Agent ; ng:note "inferred \\"quoted\\"\\nline"@en .
            ngr:bob ng:knows ngr:alice .
            """,
            Lang.TURTLE)
        .toGraph();
  }

  private static byte[] export(Graph asserted, Graph inferred, ExportFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exporter.write(asserted, inferred, PREFIXES, format, out);
    return out.toByteArray();
  }

  private static Graph union(Graph a, Graph b) {
    Graph all = org.apache.jena.graph.GraphMemFactory.createDefaultGraph();
    a.find().forEachRemaining(all::add);
    b.find().forEachRemaining(all::add);
    return all;
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void everyFormatParsesBack(ExportFormat format) {
    byte[] bytes = export(asserted(), inferred(), format);
    Dataset back =
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(format.lang()).toDataset();
    if (format == ExportFormat.TRIG || format == ExportFormat.NQUADS) {
      assertTrue(asserted().isIsomorphicWith(back.asDatasetGraph().getDefaultGraph()));
      Graph named = back.asDatasetGraph().getGraph(NodeFactory.createURI(Iris.INFERRED_GRAPH));
      assertTrue(inferred().isIsomorphicWith(named), new String(bytes, StandardCharsets.UTF_8));
    } else {
      Graph graph = back.asDatasetGraph().getDefaultGraph();
      assertTrue(
          union(asserted(), inferred()).isIsomorphicWith(graph),
          new String(bytes, StandardCharsets.UTF_8));
      assertFalse(back.listNames().hasNext(), "no named graphs in " + format);
    }
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void withoutInferredTriples(ExportFormat format) {
    byte[] bytes = export(asserted(), null, format);
    Dataset back =
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(format.lang()).toDataset();
    assertTrue(asserted().isIsomorphicWith(back.asDatasetGraph().getDefaultGraph()));
    assertFalse(back.listNames().hasNext());
  }

  @Test
  void trickyLiteralsSurviveEveryFormat() {
    Graph tricky = RDFParser.source("src/test/resources/export/tricky.ttl").toGraph();
    // JSON-LD and RDF/XML cannot carry RDF 1.2 triple terms or text directions, and XML 1.0 has
    // no way to write the control character U+0007; the sorted writers get the whole graph.
    Graph rdf11 = org.apache.jena.graph.GraphMemFactory.createDefaultGraph();
    tricky
        .find()
        .filterDrop(t -> t.getObject().isTripleTerm())
        .filterDrop(
            t -> t.getObject().isLiteral() && t.getObject().getLiteralBaseDirection() != null)
        .forEach(rdf11::add);
    Graph xml = org.apache.jena.graph.GraphMemFactory.createDefaultGraph();
    rdf11
        .find()
        .filterDrop(
            t ->
                t.getObject().isLiteral()
                    && t.getObject().getLiteralLexicalForm().contains("\u0007"))
        .forEach(xml::add);
    for (ExportFormat format : ExportFormat.values()) {
      Graph input =
          switch (format) {
            case TURTLE, NTRIPLES, TRIG, NQUADS -> tricky;
            case JSONLD -> rdf11;
            case RDFXML -> xml;
          };
      byte[] bytes = export(input, null, format);
      Graph back = RDFParser.source(new ByteArrayInputStream(bytes)).lang(format.lang()).toGraph();
      assertTrue(
          input.isIsomorphicWith(back), format + ":\n" + new String(bytes, StandardCharsets.UTF_8));
    }
  }

  /**
   * Terms that Jena's formatter writes in a short form (numbers, booleans, prefixed names with a
   * colon or a non-Latin letter) and a language-tagged literal with quotes, a line break and
   * non-Latin text: every format parses back to the same terms, lexical forms included.
   */
  @Test
  void abbreviatedAndEscapedTermsRoundTripInEveryFormat() {
    Graph graph =
        RDFParser.fromString(
                """
                PREFIX ex: <http://example.org/>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                ex:s ex:said "«Он сказал \\"нет\\"»\\nи ушёл"@ru , "他说：“不”"@zh-Hant ;
                    ex:n "007"^^xsd:integer , "-1.50"^^xsd:decimal , "1e3"^^xsd:double ,
                        "false"^^xsd:boolean , "1"^^xsd:boolean , "12"^^xsd:positiveInteger ;
                    ex:to <http://example.org/café> , <http://example.org/has:colon> .
                """,
                Lang.TURTLE)
            .toGraph();
    PrefixMapping prefixes =
        PrefixMapping.Factory.create()
            .setNsPrefixes(PREFIXES)
            .setNsPrefix("ex", "http://example.org/");
    for (ExportFormat format : ExportFormat.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Exporter.write(graph, null, prefixes, format, out);
      String text = out.toString(StandardCharsets.UTF_8);
      Graph back =
          RDFParser.source(new ByteArrayInputStream(out.toByteArray()))
              .lang(format.lang())
              .toGraph();
      assertTrue(graph.isIsomorphicWith(back), format + ":\n" + text);
      if (format == ExportFormat.TURTLE) {
        assertTrue(text.contains("\"«Он сказал \\\"нет\\\"»\\nи ушёл\"@ru"), text);
        for (String term :
            List.of(
                " 007 ,",
                " -1.50 ,",
                " 1e3 ,",
                " false ;",
                "\"1\"^^xsd:boolean",
                "\"12\"^^xsd:positiveInteger",
                "ex:café",
                "ex:has:colon")) {
          assertTrue(text.contains(term), term + " in\n" + text);
        }
      }
    }
  }

  @Test
  void tripleTermsInJsonLdOrRdfXmlAreAUserError() throws IOException {
    Graph tricky = RDFParser.source("src/test/resources/export/tricky.ttl").toGraph();
    for (ExportFormat format : List.of(ExportFormat.JSONLD, ExportFormat.RDFXML)) {
      Path target = dir.resolve("graph." + format.fileExtension());
      NewsGraphException e =
          assertThrows(
              NewsGraphException.class,
              () -> Exporter.writeFile(tricky, null, PREFIXES, format, target));
      assertEquals(
          "cannot write "
              + target
              + ": "
              + format.displayName()
              + " cannot express RDF 1.2 triple terms; use turtle, ntriples or trig",
          e.getMessage());
    }
    assertEquals(List.of(), listDir());
  }

  @Test
  void jenaWriterErrorsAreUserErrorsInWriteFile() throws IOException {
    Path target = dir.resolve("graph.rdf");
    Graph bell =
        RDFParser.fromString(
                "<http://example.org/s> <http://example.org/p> \"\\u0007\" .", Lang.NTRIPLES)
            .toGraph();
    NewsGraphException e =
        assertThrows(
            NewsGraphException.class,
            () -> Exporter.writeFile(bell, null, PREFIXES, ExportFormat.RDFXML, target));
    assertTrue(
        e.getMessage().startsWith("cannot write " + target + " as rdfxml: "), e.getMessage());
    assertEquals(List.of(), listDir());
  }

  @Test
  void ntriplesAreSortedAndDeterministic() {
    String text =
        new String(export(asserted(), inferred(), ExportFormat.NTRIPLES), StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    assertEquals(lines.stream().sorted().toList(), lines);
    assertEquals(9, lines.size());
    assertTrue(text.endsWith(" .\n"));
    assertTrue(
        lines.contains(
            "<https://w3id.org/newsgraph/id/alice> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/newsgraph/ontology#Agent> ."),
        text);
    assertEquals(
        text,
        new String(export(asserted(), inferred(), ExportFormat.NTRIPLES), StandardCharsets.UTF_8));
  }

  @Test
  void trigNamesTheInferredGraph() {
    String text =
        new String(export(asserted(), inferred(), ExportFormat.TRIG), StandardCharsets.UTF_8);
    assertTrue(text.contains("<https://w3id.org/newsgraph/graph/inferred> {\n"), text);
    assertTrue(text.endsWith("}\n"), text);
  }

  @Test
  void formatNamesAndExtensions() {
    assertEquals("ntriples", ExportFormat.NTRIPLES.toString(), "the name users type");
    assertEquals("ttl", ExportFormat.TURTLE.fileExtension());
    assertEquals("text/turtle", ExportFormat.TURTLE.contentType());
    assertEquals("application/n-triples", ExportFormat.NTRIPLES.contentType());
    assertEquals("application/ld+json", ExportFormat.JSONLD.contentType());
    assertEquals("application/trig", ExportFormat.TRIG.contentType());
    assertEquals("application/rdf+xml", ExportFormat.RDFXML.contentType());
  }

  @Test
  void writeFileWritesAndReplaces() throws IOException {
    Path target = dir.resolve("graph.ttl");
    Files.writeString(target, "old");
    Exporter.writeFile(asserted(), null, PREFIXES, ExportFormat.TURTLE, target);
    assertEquals(
        new String(export(asserted(), null, ExportFormat.TURTLE), StandardCharsets.UTF_8),
        Files.readString(target));
    assertEquals(List.of(target), listDir());
  }

  @Test
  void failedWriteKeepsTheOldFile() throws IOException {
    Path target = dir.resolve("graph.rdf");
    Files.writeString(target, "old content");
    // RDF/XML cannot write a property whose IRI has no legal XML local name.
    Graph bad = asserted();
    bad.add(
        Triple.create(
            NodeFactory.createURI(Iris.entity("alice")),
            NodeFactory.createURI("http://example.org/123"),
            NodeFactory.createLiteralString("x")));
    NewsGraphException e =
        assertThrows(
            NewsGraphException.class,
            () -> Exporter.writeFile(bad, null, PREFIXES, ExportFormat.RDFXML, target));
    assertEquals(
        "cannot write "
            + target
            + " as rdfxml: the property <http://example.org/123> has no legal XML local name;"
            + " use another format",
        e.getMessage());
    assertEquals("old content", Files.readString(target));
    assertEquals(List.of(target), listDir());
  }

  @Test
  void failureHalfwayThroughKeepsTheOldFile() throws IOException {
    Path target = dir.resolve("graph.jsonld");
    Files.writeString(target, "old content");
    Graph failing = new FailingGraph(asserted());
    for (ExportFormat format : ExportFormat.values()) {
      assertThrows(
          IllegalStateException.class,
          () -> Exporter.writeFile(failing, null, PREFIXES, format, target));
      assertEquals("old content", Files.readString(target));
      assertEquals(List.of(target), listDir());
    }
  }

  @Test
  void failingStreamIsReported() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }
        };
    assertThrows(
        UncheckedIOException.class,
        () -> Exporter.write(asserted(), null, PREFIXES, ExportFormat.TURTLE, broken));
  }

  @Test
  void missingDirectoryIsAUserError() {
    Path target = dir.resolve("no/such/dir/graph.ttl");
    NewsGraphException e =
        assertThrows(
            NewsGraphException.class,
            () -> Exporter.writeFile(asserted(), null, PREFIXES, ExportFormat.TURTLE, target));
    assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void directoryAsTargetIsAUserError() {
    NewsGraphException e =
        assertThrows(
            NewsGraphException.class,
            () -> Exporter.writeFile(asserted(), null, PREFIXES, ExportFormat.TURTLE, dir));
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
  }

  @Test
  void unwritableDirectoryIsAUserError() throws IOException {
    Path target = unwritableFolder().resolve("graph.ttl");
    NewsGraphException e =
        assertThrows(
            NewsGraphException.class,
            () -> Exporter.writeFile(asserted(), null, PREFIXES, ExportFormat.TURTLE, target));
    assertEquals("cannot write " + target + ": permission denied", e.getMessage());
    assertFalse(Files.exists(target));
  }

  @Test
  void readOnlyFileIsAUserError() throws IOException {
    Path target = dir.resolve("graph.ttl");
    Files.writeString(target, "old content");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
    if (Files.isWritable(target)) {
      // root: permissions do not stop it; a read-only sysfs file does
      target = Path.of("/sys/kernel/address_bits");
    }
    byte[] before = Files.readAllBytes(target);
    Path t = target;
    NewsGraphException e =
        assertThrows(
            NewsGraphException.class,
            () -> Exporter.writeFile(asserted(), null, PREFIXES, ExportFormat.TURTLE, t));
    assertTrue(e.getMessage().startsWith("cannot write " + target + ": "), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(target), "left as it was");
  }

  /**
   * A folder this user cannot create files in: a read-only one, or for root, whom permissions do
   * not stop, a sysfs folder (the kernel refuses new files there to everyone).
   */
  private Path unwritableFolder() throws IOException {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    if (!Files.isWritable(locked)) {
      return locked;
    }
    Path sys = Path.of("/sys/kernel");
    assertTrue(Files.isDirectory(sys), "root, and no sysfs to test a refused write with");
    return sys;
  }

  private List<Path> listDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  /** A graph whose iteration fails after two triples, as a broken store would. */
  private static final class FailingGraph extends WrappedGraph {
    FailingGraph(Graph base) {
      super(base);
    }

    @Override
    public ExtendedIterator<Triple> find(
        org.apache.jena.graph.Node s, org.apache.jena.graph.Node p, org.apache.jena.graph.Node o) {
      ExtendedIterator<Triple> it = super.find(s, p, o);
      return new NiceIterator<>() {
        private int served;

        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Triple next() {
          if (++served > 2) {
            throw new IllegalStateException("store failed");
          }
          return it.next();
        }
      };
    }

    @Override
    public ExtendedIterator<Triple> find(Triple m) {
      return find(m.getSubject(), m.getPredicate(), m.getObject());
    }
  }
}
