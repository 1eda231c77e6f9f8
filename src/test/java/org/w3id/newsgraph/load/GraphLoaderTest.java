package org.w3id.newsgraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.NG;

class GraphLoaderTest {
  private static final String FACTS = "triples/facts/mini.csv";
  private static final String ENTITIES = "triples/entities.csv";
  private static final String SOURCES = "triples/sources.csv";

  @TempDir Path dir;
  private MiniProject project;

  @BeforeEach
  void setUp() throws IOException {
    project = MiniProject.create(dir);
  }

  // ---- a valid project

  @Test
  void loadsTheMiniProject() {
    Graph data = GraphLoader.load(project.layout(), 100).data();
    assertTrue(data.contains(entity("alpha"), term("attacked"), entity("beta-town")));
    assertTrue(data.contains(entity("bob-smith"), term("leads"), entity("alpha")));
    assertEquals(7, data.find(Node.ANY, NG.stance.asNode(), Node.ANY).toList().size());
  }

  @Test
  void claimRecordsTheQuoteItsPositionAndAttribution() {
    Graph data = GraphLoader.load(project.layout(), 100).data();
    Node f6 = NodeFactory.createURI(Iris.fact("mini", "f6"));
    String quote = "A caption about Bob Smith, who leads Alpha Group.";
    assertTrue(data.contains(f6, NG.quote.asNode(), NodeFactory.createLiteralString(quote)));
    long offset = MiniProject.TEXT.indexOf(quote);
    assertTrue(
        data.contains(
            f6, NG.quoteOffset.asNode(), typed(offset, XSDDatatype.XSDnonNegativeInteger)));
    // Paragraph 2: furniture is not counted; the caption printed twice is one paragraph.
    assertTrue(data.contains(f6, NG.paragraph.asNode(), typed(2, XSDDatatype.XSDpositiveInteger)));
    Node f7 = NodeFactory.createURI(Iris.fact("mini", "f7"));
    assertTrue(data.contains(f7, NG.paragraph.asNode(), typed(3, XSDDatatype.XSDpositiveInteger)));
    assertTrue(
        data.contains(
            f7, NG.validFrom.asNode(), NodeFactory.createLiteralDT("2019", XSDDatatype.XSDgYear)));
    assertTrue(
        data.contains(
            f6,
            NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"),
            NodeFactory.createURI(Iris.source("mini"))));
  }

  @Test
  void datesCarryTheirPrecisionAndInferredValuesTheirReason() {
    Graph data = GraphLoader.load(project.layout(), 100).data();
    Node attack = entity("attack-2021-05-01-beta-town");
    assertTrue(
        data.contains(
            attack, term("date"), NodeFactory.createLiteralDT("2021-05-01", XSDDatatype.XSDdate)));
    Node f4 = NodeFactory.createURI(Iris.fact("mini", "f4"));
    assertEquals(1, data.find(f4, NG.inferenceNote.asNode(), Node.ANY).toList().size());
    assertTrue(
        data.contains(
            NodeFactory.createURI(Iris.source("mini")),
            NodeFactory.createURI("http://purl.org/dc/terms/issued"),
            NodeFactory.createLiteralDT("2021-11-03", XSDDatatype.XSDdate)));
  }

  @Test
  void deniedAndClaimedFactsAreRecordedButNotAsserted() throws IOException {
    project.replace(FACTS, "f6,bob-smith,leads,alpha,,states", "f6,bob-smith,leads,alpha,,denies");
    Graph data = GraphLoader.load(project.layout(), 100).data();
    assertFalse(data.contains(entity("bob-smith"), term("leads"), entity("alpha")));
    Node f6 = NodeFactory.createURI(Iris.fact("mini", "f6"));
    assertTrue(data.contains(f6, NG.stance.asNode(), NodeFactory.createURI(NG.NS + "denies")));
    assertTrue(data.contains(f6, NG.claimObject.asNode(), entity("alpha")));
  }

  @Test
  void statusObjectsResolveToOntologyIndividuals() throws IOException {
    project
        .append(ENTITIES, "talks-x,Talks,Some talks,,")
        .append(
            FACTS,
            "f8,talks-x,status,ongoing,,states,agency,"
                + "\"Bob Smith has led Alpha Group since 2019, the agency said.\",,,,,");
    Graph data = GraphLoader.load(project.layout(), 100).data();
    assertTrue(data.contains(entity("talks-x"), term("status"), term("ongoing")));
  }

  @Test
  void aSecondSourceSharesTheEntitiesOfTheFirst() throws IOException {
    project
        .append(SOURCES, "second,Another Report,agency,2022,,en,,")
        .write(
            "triples/sources/second.txt", "Later, Bob Smith said Alpha Group attacked Beta Town.\n")
        .write(
            "triples/facts/second.csv",
            String.join(",", GraphLoader.FACT_COLUMNS)
                + "\nf1,alpha,attacked,beta-town,,claims,bob-smith,"
                + "\"Later, Bob Smith said Alpha Group attacked Beta Town.\",,,,,\n");
    Graph data = GraphLoader.load(project.layout(), 100).data();
    Node first = NodeFactory.createURI(Iris.fact("mini", "f1"));
    Node second = NodeFactory.createURI(Iris.fact("second", "f1"));
    // Same fact id in two sources: two claims about the same entities, one node per entity.
    assertTrue(data.contains(first, NG.claimSubject.asNode(), entity("alpha")));
    assertTrue(data.contains(second, NG.claimSubject.asNode(), entity("alpha")));
    assertTrue(
        data.contains(
            second,
            NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"),
            NodeFactory.createURI(Iris.source("second"))));
    assertEquals(1, data.find(entity("alpha"), RDFS.label.asNode(), Node.ANY).toList().size());
  }

  @Test
  void articlesReachTheSinkInFileOrderOnTheCallingThread() throws IOException {
    // Each article is validated on a second thread while the next is read; a sink such as a TDB2
    // transaction must still get every graph on the thread that started the load, in order.
    addArticle("second", "f1,alpha,attacked,beta-town,,claims,bob-smith");
    addArticle("third", "f1,alpha,attacked,beta-town,,claims,bob-smith");
    List<String> graphs = new ArrayList<>();
    Set<Thread> threads = new HashSet<>();
    GraphLoader.stream(
        project.layout(),
        100,
        LoadPlan.ALL,
        (iri, triples) -> {
          graphs.add(iri);
          threads.add(Thread.currentThread());
        },
        LoadListener.NONE);
    assertEquals(
        List.of(
            Iris.sourceGraph("mini"),
            Iris.sourceGraph("second"),
            Iris.sourceGraph("third"),
            Iris.ENTITIES_GRAPH,
            Iris.LINKS_GRAPH),
        graphs);
    assertEquals(Set.of(Thread.currentThread()), threads);
  }

  @Test
  void aPlanSkipsReusedArticlesUnlessAnEntityTheyUseHasAnotherClassNow() throws IOException {
    addArticle("second", "f1,alpha,attacked,beta-town,,claims,bob-smith");
    addArticle("third", "f1,alpha,attacked,beta-town,,claims,bob-smith");
    Graph data = GraphLoader.load(project.layout(), 100).data();
    Set<String> uses = Set.of("alpha", "beta-town", "bob-smith");
    Map<String, String> classes = new HashMap<>();
    for (String id : uses) {
      classes.put(
          id, data.find(entity(id), RDF.type.asNode(), Node.ANY).next().getObject().getURI());
    }
    Map<String, Set<String>> reused = Map.of("second", uses, "third", uses);

    assertEquals(
        List.of("started 1", Iris.sourceGraph("mini"), Iris.ENTITIES_GRAPH, Iris.LINKS_GRAPH),
        streamed(new LoadPlan(reused, classes)));

    // One entity both use has another class than the one they were loaded with: both load again.
    classes.put("bob-smith", "https://example.org/AnotherClass");
    assertEquals(
        List.of(
            "started 3",
            Iris.sourceGraph("mini"),
            Iris.sourceGraph("second"),
            Iris.sourceGraph("third"),
            Iris.ENTITIES_GRAPH,
            Iris.LINKS_GRAPH),
        streamed(new LoadPlan(reused, classes)));
  }

  /** What a load with {@code plan} tells its listener it starts, then the graphs it hands over. */
  private List<String> streamed(LoadPlan plan) {
    List<String> out = new ArrayList<>();
    GraphLoader.stream(
        project.layout(),
        100,
        plan,
        (iri, triples) -> out.add(iri),
        new LoadListener() {
          @Override
          public void started(int articles) {
            out.add("started " + articles);
          }
        });
    return out;
  }

  @Test
  void shaclViolationOfAMiddleArticleIsReportedAtItsRow() throws IOException {
    addArticle("second", "f1,alpha,attacked,beta-town,,states,bob-smith");
    addArticle("third", "f1,alpha,attacked,beta-town,,claims,bob-smith");
    Problem p = single();
    assertEquals("triples/facts/second.csv", rel(p.file()));
    assertEquals(2, p.line());
    assertContains(p, "SHACL: <https://w3id.org/newsgraph/fact/second/f1>: The stance is states");
  }

  /** Adds an article whose one fact row starts with {@code row}, quoting its one sentence. */
  private void addArticle(String id, String row) throws IOException {
    project
        .append(SOURCES, id + ",Another Report,agency,2022,,en,,")
        .write(
            "triples/sources/" + id + ".txt",
            "Later, Bob Smith said Alpha Group attacked Beta Town.\n")
        .write(
            "triples/facts/" + id + ".csv",
            String.join(",", GraphLoader.FACT_COLUMNS)
                + "\n"
                + row
                + ",\"Later, Bob Smith said Alpha Group attacked Beta Town.\",,,,,\n");
  }

  // ---- bad input: each names file, line, column and field

  @Test
  void unknownEntityId() throws IOException {
    project.replace(FACTS, "f1,alpha,attacked,beta-town", "f1,alpha,attacked,gamma-town");
    Problem p = single();
    assertAt(p, FACTS, 2, 4, "object");
    assertContains(p, "unknown entity id 'gamma-town'");
  }

  @Test
  void unknownClass() throws IOException {
    project.replace(ENTITIES, "beta-town,City", "beta-town,Town");
    Problem p = single();
    assertAt(p, ENTITIES, 4, 2, "class");
    assertContains(p, "unknown class 'Town'");
  }

  @Test
  void unknownProperty() throws IOException {
    project.replace(FACTS, "f1,alpha,attacked", "f1,alpha,bombed");
    Problem p = single();
    assertAt(p, FACTS, 2, 3, "property");
    assertContains(p, "unknown property 'bombed'");
  }

  @Test
  void wrongColumnCount() throws IOException {
    project.replace(
        FACTS,
        "f3,attack-2021-05-01-beta-town,location,beta-town,,",
        "f3,attack-2021-05-01-beta-town,location,beta-town,");
    Problem p = single();
    assertAt(p, FACTS, 4, 0, null);
    assertContains(p, "expected 13 fields");
    assertContains(p, "found 12");
  }

  @Test
  void malformedDate() throws IOException {
    project.replace(FACTS, "2021-05-01,states", "1 May 2021,states");
    Problem p = single();
    assertAt(p, FACTS, 5, 5, "value");
    assertContains(p, "'1 May 2021' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD");
  }

  @Test
  void impossibleDate() throws IOException {
    project.replace(FACTS, "2021-05-01,states", "2021-02-30,states");
    assertContains(single(), "'2021-02-30' is not a date");
  }

  @Test
  void malformedNumber() throws IOException {
    project.replace(FACTS, "deaths,,10,", "deaths,,ten,");
    Problem p = single();
    assertAt(p, FACTS, 6, 5, "value");
    assertContains(p, "'ten' is not a valid xsd:nonNegativeInteger; expected digits");
  }

  @Test
  void duplicateEntityId() throws IOException {
    project.append(ENTITIES, "alpha,MilitantGroup,Alpha Again,,");
    Problem p = single();
    assertAt(p, ENTITIES, 7, 1, "id");
    assertContains(p, "duplicate entity id 'alpha' (first on line 3)");
  }

  @Test
  void duplicateFactId() throws IOException {
    project.replace(FACTS, "f2,attack", "f1,attack");
    Problem p = single();
    assertAt(p, FACTS, 3, 1, "id");
    assertContains(p, "duplicate fact id 'f1'");
  }

  @Test
  void idThatWouldBreakAnIri() throws IOException {
    project.replace(ENTITIES, "bob-smith,Person", "Bob Smith/1,Person");
    List<Problem> problems = all();
    assertAt(problems.get(0), ENTITIES, 5, 1, "id");
    assertContains(problems.get(0), "'Bob Smith/1' cannot be part of an IRI");
  }

  @Test
  void quoteNotInTheSource() throws IOException {
    project.replace(FACTS, "Ten people were killed, officials said.", "Eleven people were killed.");
    Problem p = single();
    assertAt(p, FACTS, 6, 8, "quote");
    assertContains(p, "not found in the source text");
  }

  @Test
  void quoteThatIsNotAWholeSentence() throws IOException {
    project.replace(FACTS, "\"Ten people were killed, officials said.\"", "Ten people were killed");
    Problem p = single();
    assertAt(p, FACTS, 6, 8, "quote");
    assertContains(p, "not as a whole sentence");
  }

  @Test
  void quoteWithOtherQuotationMarksIsExplained() throws IOException {
    project.replace(
        "triples/sources/mini.txt", "Bob Smith has led", "Bob Smith’s group: he has led");
    project.replace(FACTS, "\"Bob Smith has led", "\"Bob Smith's group: he has led");
    Problem p = single();
    assertContains(p, "not verbatim");
  }

  @Test
  void quoteFromPageFurniture() throws IOException {
    project.replace(FACTS, "\"Ten people were killed, officials said.\"", "Breaking News");
    Problem p = single();
    assertAt(p, FACTS, 6, 8, "quote");
    assertContains(p, "not found in the source text (outside page furniture)");
  }

  @Test
  void byteOrderMark() throws IOException {
    byte[] text = MiniProject.ENTITIES.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    project.writeBytes(ENTITIES, withBom);
    Problem p = all().get(0);
    assertAt(p, ENTITIES, 1, 1, null);
    assertContains(p, "byte order mark");
  }

  @Test
  void crlfLineEnds() throws IOException {
    project.write(SOURCES, MiniProject.SOURCES.replace("\n", "\r\n"));
    Problem p = all().get(0);
    assertAt(p, SOURCES, 1, 57, null);
    assertContains(p, "CRLF");
  }

  @Test
  void notUtf8() throws IOException {
    byte[] latin1 =
        MiniProject.ENTITIES
            .replace("Beta Town", "Béta Town")
            .getBytes(StandardCharsets.ISO_8859_1);
    project.writeBytes(ENTITIES, latin1);
    Problem p = all().get(0);
    assertAt(p, ENTITIES, 4, 17, null);
    assertContains(p, "invalid UTF-8 (byte 0xE9)");
  }

  @Test
  void wrongHeader() throws IOException {
    project.replace(
        ENTITIES, "id,class,label,alt_labels,comment", "id,type,label,alt_labels,comment");
    Problem p = all().get(0);
    assertAt(p, ENTITIES, 1, 0, null);
    assertContains(p, "missing: class; unknown: type");
  }

  @Test
  void unknownStance() throws IOException {
    project.replace(
        FACTS, "f1,alpha,attacked,beta-town,,states", "f1,alpha,attacked,beta-town,,says");
    Problem p = single();
    assertAt(p, FACTS, 2, 6, "stance");
    assertContains(
        p, "unknown stance 'says'; expected one of states, reports, claims, denies, unaware");
  }

  @Test
  void objectPropertyGivenAValue() throws IOException {
    project.replace(FACTS, "f1,alpha,attacked,beta-town,,", "f1,alpha,attacked,,Beta Town,");
    Problem p = single();
    assertAt(p, FACTS, 2, 5, "value");
    assertContains(p, "attacked is an object property");
  }

  @Test
  void unbalancedQuote() throws IOException {
    project.replace(
        FACTS,
        "\"Ten people were killed, officials said.\"",
        "\"Ten people were killed, officials said.");
    Problem p = all().get(0);
    assertEquals("triples/facts/mini.csv", rel(p.file()));
    assertContains(p, "malformed CSV");
  }

  @Test
  void subjectOutsideThePropertysDomain() throws IOException {
    project.replace(FACTS, "f6,bob-smith,leads,alpha", "f6,beta-town,leads,alpha");
    Problem p = single();
    assertAt(p, FACTS, 7, 2, "subject");
    assertContains(p, "'beta-town' is a City, but leads needs an Agent here (its domain)");
  }

  @Test
  void objectOutsideThePropertysRangeEvenWhenTheFactIsDenied() throws IOException {
    project.replace(
        FACTS,
        "f3,attack-2021-05-01-beta-town,location,beta-town,,states",
        "f3,attack-2021-05-01-beta-town,location,alpha,,denies");
    Problem p = single();
    assertAt(p, FACTS, 4, 4, "object");
    assertContains(p, "'alpha' is a MilitantGroup, but location needs a Place here (its range)");
  }

  @Test
  void shaclViolationIsReportedAtTheFactRow() throws IOException {
    // Who says it must be an agent: a SHACL shape (sh:class ng:Agent on prov:wasAttributedTo).
    project.replace(
        FACTS,
        "f7,bob-smith,leads,alpha,,claims,agency",
        "f7,bob-smith,leads,alpha,,claims,beta-town");
    List<Problem> problems = all();
    Problem p =
        problems.stream().filter(x -> x.message().startsWith("SHACL")).findFirst().orElseThrow();
    assertEquals(FACTS, rel(p.file()));
    assertEquals(8, p.line());
    assertEquals("prov:wasAttributedTo", p.field(), "the path, written with the prefixes");
    assertContains(p, "ngr:beta-town");
  }

  @Test
  void statesAttributedToAnotherThanThePublisherIsReportedAtTheFactRow() throws IOException {
    // A SPARQL constraint (ngsh:StatesByPublisherShape), run once per article, not once per claim.
    project.replace(
        FACTS,
        "f6,bob-smith,leads,alpha,,states,agency",
        "f6,bob-smith,leads,alpha,,states,bob-smith");
    Problem p = single();
    assertEquals(FACTS, rel(p.file()));
    assertEquals(7, p.line());
    assertContains(
        p,
        "SHACL: <https://w3id.org/newsgraph/fact/mini/f6>: The stance is states, so the claim must"
            + " be attributed to <https://w3id.org/newsgraph/id/agency>, the publisher of the"
            + " source, not to <https://w3id.org/newsgraph/id/bob-smith>. (value ngr:bob-smith)");
  }

  @Test
  void unusedEntity() throws IOException {
    project.append(ENTITIES, "delta,City,Delta,,");
    Problem p = single();
    assertAt(p, ENTITIES, 7, 0, "id");
    assertContains(p, "entity 'delta' is declared but no fact mentions it");
  }

  @Test
  void factsFileWithoutSourceAndSourceWithoutFacts() throws IOException {
    project.write("triples/facts/other.csv", String.join(",", GraphLoader.FACT_COLUMNS) + "\n");
    assertContains(single(), "no source 'other'");
    project.write("triples/facts/other.csv", "");
    java.nio.file.Files.delete(project.path("triples/facts/other.csv"));
    java.nio.file.Files.delete(project.path(FACTS));
    assertTrue(
        all().stream().anyMatch(p -> p.message().contains("source 'mini' has no facts file")));
  }

  @Test
  void turtleSyntaxErrorInTheOntology() throws IOException {
    project.write(
        "ontology/shapes.ttl", "@prefix sh: <http://www.w3.org/ns/shacl#> .\n\nsh:x sh:y .\n");
    Problem p = all().get(0);
    assertEquals("ontology/shapes.ttl", rel(p.file()));
    assertEquals(3, p.line());
  }

  @Test
  void everyProblemOfARunIsReportedTogether() throws IOException {
    project
        .replace(ENTITIES, "beta-town,City", "beta-town,Town")
        .replace(FACTS, "deaths,,10,", "deaths,,ten,")
        .replace(FACTS, "f2,attack", "f1,attack");
    LoadException e =
        assertThrows(LoadException.class, () -> GraphLoader.load(project.layout(), 100));
    assertEquals(3, e.total());
    assertTrue(e.getMessage().endsWith("3 problems found; nothing was loaded."));
  }

  @Test
  void checkingStopsOnceTheReportIsFull() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      rows.append("g").append(i).append(",alpha,attacked,nowhere,,states,agency,x,,,,,\n");
    }
    project.write(FACTS, MiniProject.FACTS + rows);
    LoadException e =
        assertThrows(LoadException.class, () -> GraphLoader.load(project.layout(), 10));
    assertEquals(10, e.problems().size());
    // Two problems a row (the unknown object, the quote not in the text): the row that fills the
    // report is finished, then checking stops; the load is refused all the same.
    assertTrue(e.total() >= 10 && e.total() < 60, "stopped early: " + e.total());
    assertTrue(
        e.getMessage().contains("before checking stopped at the limit (--max-errors)"),
        e.getMessage());
  }

  // ---- hostile and careless input: one root cause, one message (issue 7)

  @Test
  void surrogateCodePointInUtf8IsRefusedWithItsPosition() throws IOException {
    // ED A0 80 would be U+D800, a surrogate: not UTF-8, though the old check let it pass.
    project.writeBytes(ENTITIES, withBytes(MiniProject.ENTITIES, "Beta Town", 2, 0xED, 0xA0, 0x80));
    Problem p = single();
    assertAt(p, ENTITIES, 4, 18, null);
    assertContains(p, "invalid UTF-8 (bytes 0xED 0xA0 0x80)");
  }

  @Test
  void overlongUtf8IsRefusedWithItsPosition() throws IOException {
    // E0 80 AF is an over-long form of '/'.
    project.writeBytes(ENTITIES, withBytes(MiniProject.ENTITIES, "Bob Smith", 0, 0xE0, 0x80, 0xAF));
    Problem p = single();
    assertAt(p, ENTITIES, 5, 18, null);
    assertContains(p, "invalid UTF-8 (byte 0xE0)");
  }

  @Test
  void emptyEntitiesFileIsOneProblem() throws IOException {
    project.write(ENTITIES, "");
    Problem p = single();
    assertAt(p, ENTITIES, 0, 0, null);
    assertContains(
        p, "the file is empty; it needs the header line id,class,label,alt_labels,comment");
  }

  @Test
  void headerOnlyEntitiesFileIsOneProblem() throws IOException {
    project.write(ENTITIES, "id,class,label,alt_labels,comment\n");
    assertContains(single(), "the file has a header but no rows");
  }

  @Test
  void headerOnlyFactsFileIsOneProblem() throws IOException {
    project.write(FACTS, String.join(",", GraphLoader.FACT_COLUMNS) + "\n");
    Problem p = single();
    assertAt(p, FACTS, 1, 0, null);
    assertContains(p, "the file has a header but no rows");
  }

  @Test
  void crlfFactsFileIsOneProblem() throws IOException {
    project.write(FACTS, MiniProject.FACTS.replace("\n", "\r\n"));
    assertContains(single(), "CRLF");
  }

  @Test
  void bomInTheEntitiesFileIsOneProblem() throws IOException {
    project.write(ENTITIES, "\uFEFF" + MiniProject.ENTITIES);
    assertContains(single(), "byte order mark");
  }

  @Test
  void utf16FileIsOneProblem() throws IOException {
    project.writeBytes(FACTS, ("\uFEFF" + MiniProject.FACTS).getBytes(StandardCharsets.UTF_16LE));
    Problem p = single();
    assertAt(p, FACTS, 1, 1, null);
    assertContains(p, "the file is UTF-16");
  }

  @Test
  void emptyOntologyIsOneProblem() throws IOException {
    project.write("ontology/newsgraph.ttl", "");
    Problem p = single();
    assertEquals("ontology/newsgraph.ttl", rel(p.file()));
    assertContains(p, "declares no class ng:Person");
  }

  @Test
  void missingSourceTextIsOneProblemWithoutAFalseNoSource() throws IOException {
    java.nio.file.Files.delete(project.path("triples/sources/mini.txt"));
    Problem p = single();
    assertAt(p, "triples/sources/mini.txt", 0, 0, null);
    assertEquals("file not found", p.message());
  }

  @Test
  void unreadableFilesSayWhy() throws IOException {
    java.nio.file.Files.delete(project.path("triples/sources/mini.txt"));
    java.nio.file.Files.createDirectory(project.path("triples/sources/mini.txt"));
    assertEquals("is a folder, not a file", single().message());
    java.nio.file.Files.delete(project.path(ENTITIES));
    java.nio.file.Files.createSymbolicLink(project.path(ENTITIES), project.path(ENTITIES));
    Problem loop = all().get(0);
    assertAt(loop, ENTITIES, 0, 0, null);
    assertContains(loop, "symbolic link loop");
  }

  @Test
  void nulByteIsShownEscapedNotRaw() throws IOException {
    project.write(ENTITIES, MiniProject.ENTITIES.replace("bob-smith,Person", "bob\0smith,Person"));
    Problem p = single();
    assertAt(p, ENTITIES, 5, 4, null);
    assertContains(p, "NUL character");
    project.write(ENTITIES, MiniProject.ENTITIES);
    project.replace(
        FACTS, "f1,alpha,attacked,beta-town,,states", "f1,alpha,attacked,beta-town,,st\u0001");
    Problem stance = single();
    assertContains(stance, "unknown stance 'st\\u0001'");
    assertFalse(stance.toString().chars().anyMatch(Character::isISOControl), stance::toString);
  }

  @Test
  void aHugeHeaderGivesAShortMessage() throws IOException {
    StringBuilder header = new StringBuilder("id,class,label,alt_labels,comment");
    for (int i = 0; i < 200_000; i++) {
      header.append(",extra").append(i);
    }
    project.write(ENTITIES, header + "\n");
    Problem p = single();
    assertTrue(p.toString().length() < 1000, () -> "too long: " + p.toString().length());
    assertContains(p, "unknown: extra0, extra1,");
    assertContains(p, "and 199990 more");
  }

  @Test
  void selfLoopOnAnIrreflexiveRelation() throws IOException {
    project.append(
        FACTS,
        "f8,alpha,hasLinksWith,alpha,,states,agency,Alpha Group attacked Beta Town on May 1.,,,,,");
    Problem p = single();
    assertAt(p, FACTS, 9, 4, "object");
    assertContains(p, "'alpha' hasLinksWith itself: hasLinksWith never links a thing to itself");
  }

  @Test
  void selfLoopOnATransitiveRelationMarkedIrreflexive() throws IOException {
    project.append(
        FACTS,
        "f8,beta-town,locatedIn,beta-town,,states,agency,Alpha Group attacked Beta Town on May 1.,,,,,");
    Problem p = single();
    assertAt(p, FACTS, 9, 4, "object");
    assertContains(p, "never links a thing to itself");
  }

  @Test
  void validFromAfterValidUntil() throws IOException {
    project.replace(FACTS, "agency said.\",,2019,,,", "agency said.\",,2019-06,2019-05-31,,");
    Problem p = single();
    assertAt(p, FACTS, 8, 10, "valid_from");
    assertContains(p, "valid_from 2019-06 is after valid_until 2019-05-31");
  }

  @Test
  void overlappingPartialDatesAreNotReversed() throws IOException {
    project.replace(FACTS, "agency said.\",,2019,,,", "agency said.\",,2019-06,2019,,");
    GraphLoader.load(project.layout(), 100);
  }

  @Test
  void javascriptUrlForASource() throws IOException {
    project.replace(SOURCES, "https://example.org/a", "javascript:alert(1)");
    Problem p = single();
    assertAt(p, SOURCES, 2, 5, "url");
    assertContains(p, "'javascript:alert(1)' is not a web address; expected an http or https URL");
  }

  /** {@code text} as UTF-8 with {@code bytes} inserted {@code after} characters past {@code at}. */
  private static byte[] withBytes(String text, String at, int after, int... bytes) {
    int cut = text.indexOf(at) + after;
    byte[] head = text.substring(0, cut).getBytes(StandardCharsets.UTF_8);
    byte[] tail = text.substring(cut).getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + bytes.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    for (int i = 0; i < bytes.length; i++) {
      all[head.length + i] = (byte) bytes[i];
    }
    System.arraycopy(tail, 0, all, head.length + bytes.length, tail.length);
    return all;
  }

  // ---- helpers

  private List<Problem> all() {
    return assertThrows(LoadException.class, () -> GraphLoader.load(project.layout(), 100))
        .problems();
  }

  private Problem single() {
    List<Problem> problems = all();
    assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
    return problems.get(0);
  }

  private String rel(String shown) {
    Path p = Path.of(shown);
    return p.isAbsolute() && p.startsWith(dir) ? dir.relativize(p).toString() : shown;
  }

  private void assertAt(Problem p, String file, long line, long column, String field) {
    assertEquals(file, rel(p.file()), p::toString);
    assertEquals(line, p.line(), p::toString);
    assertEquals(column, p.column(), p::toString);
    assertEquals(field, p.field(), p::toString);
  }

  private static void assertContains(Problem p, String text) {
    assertTrue(p.message().contains(text), () -> "'" + p + "' should contain '" + text + "'");
  }

  private static Node entity(String id) {
    return NodeFactory.createURI(Iris.entity(id));
  }

  private static Node term(String local) {
    return NodeFactory.createURI(Iris.term(local));
  }

  private static Node typed(long n, XSDDatatype type) {
    return NodeFactory.createLiteralDT(Long.toString(n), type);
  }
}
