package org.w3id.newsgraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.constraint.SparqlConstraint;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.NG;

/** The shapes as the loader runs them report what Jena's own validator reports. */
class ShaclCheckTest {
  private static final Node ATTRIBUTED =
      NodeFactory.createURI("http://www.w3.org/ns/prov#wasAttributedTo");

  /** A SPARQL constraint Jena must keep running per node: $this is bound only in an OPTIONAL. */
  private static final String OPTIONAL_SHAPE =
      """
      @prefix sh: <http://www.w3.org/ns/shacl#> .
      @prefix ng: <https://w3id.org/newsgraph/ontology#> .
      <https://example.org/OptionalShape> a sh:NodeShape ;
          sh:targetClass ng:Claim ;
          sh:sparql [
              sh:message "{$this} has no inference note" ;
              sh:select \"""
                  SELECT $this WHERE {
                      OPTIONAL { $this <https://w3id.org/newsgraph/ontology#inferenceNote> ?n }
                      FILTER (!BOUND(?n))
                  }
                  \""" ;
          ] .
      """;

  @TempDir Path dir;
  private Graph ontology;
  private Graph shapesGraph;
  private Graph data;

  @BeforeEach
  void setUp() throws IOException {
    MiniProject project = MiniProject.create(dir);
    LoadedGraph loaded = GraphLoader.load(project.layout(), 100);
    ontology = loaded.ontology();
    data = loaded.data();
    shapesGraph = GraphFactory.createDefaultGraph();
    RDFParser.source(project.layout().shapes()).lang(Lang.TURTLE).parse(shapesGraph);
  }

  @Test
  void theProjectsSparqlConstraintsRunOncePerGraph() {
    Shapes shapes = Shapes.parse(shapesGraph);
    List<SparqlConstraint> sparql =
        shapes.getTargetShapes().stream()
            .map(Shape::getConstraints)
            .flatMap(c -> c.stream())
            .filter(SparqlConstraint.class::isInstance)
            .map(SparqlConstraint.class::cast)
            .toList();
    assertEquals(2, sparql.size(), sparql::toString); // states-by-publisher and the links' one
    assertTrue(sparql.stream().allMatch(ShaclCheck::runsOnce));
  }

  @Test
  void aValidGraphConformsAsWithJena() {
    assertSameAsJena();
    assertTrue(jena().conforms());
  }

  @Test
  void violationsOfSparqlConstraintsAreReportedAsJenaReportsThem() {
    // Two claims that "state" in another voice than the publisher's: the publisher rule fires.
    for (String fact : List.of("f1", "f6")) {
      Node claim = NodeFactory.createURI(Iris.fact("mini", fact));
      data.remove(claim, ATTRIBUTED, Node.ANY);
      data.add(claim, ATTRIBUTED, NodeFactory.createURI(Iris.entity("bob-smith")));
    }
    assertFalse(jena().conforms());
    assertEquals(2, jena().getEntries().size(), () -> jena().getEntries().toString());
    assertSameAsJena();
  }

  @Test
  void violationsOfLogicalAndClassConstraintsAreReportedAsJenaReportsThem() {
    // sh:xone with two and with no conforming alternative, sh:or with none, sh:node (a date).
    Node f1 = NodeFactory.createURI(Iris.fact("mini", "f1"));
    Node f6 = NodeFactory.createURI(Iris.fact("mini", "f6"));
    Node f7 = NodeFactory.createURI(Iris.fact("mini", "f7"));
    data.add(f1, NG.claimValue.asNode(), NodeFactory.createLiteralString("both"));
    data.remove(f6, NG.claimObject.asNode(), Node.ANY);
    data.remove(f6, NG.claimValue.asNode(), Node.ANY);
    data.remove(f7, NG.claimProperty.asNode(), Node.ANY);
    data.add(f7, NG.claimProperty.asNode(), NG.Person.asNode());
    Node source = NodeFactory.createURI(Iris.source("mini"));
    data.remove(source, DCTerms.issued.asNode(), Node.ANY);
    data.add(source, DCTerms.issued.asNode(), NodeFactory.createLiteralString("last year"));
    // sh:class: who says it must be an agent, and a place is not one.
    Node f2 = NodeFactory.createURI(Iris.fact("mini", "f2"));
    data.remove(f2, ATTRIBUTED, Node.ANY);
    data.add(f2, ATTRIBUTED, NodeFactory.createURI(Iris.entity("beta-town")));
    Set<String> components =
        jena().getEntries().stream()
            .map(e -> e.sourceConstraintComponent().getLocalName())
            .collect(Collectors.toSet());
    assertTrue(
        components.containsAll(
            Set.of(
                "XoneConstraintComponent",
                "OrConstraintComponent",
                "NodeConstraintComponent",
                "ClassConstraintComponent")),
        components::toString);
    assertSameAsJena();
  }

  @Test
  void aConstraintThatNeedsThisPreBoundIsLeftToJena() {
    RDFParser.fromString(OPTIONAL_SHAPE, Lang.TURTLE).parse(shapesGraph);
    SparqlConstraint optional =
        (SparqlConstraint)
            Shapes.parse(shapesGraph)
                .getShape(NodeFactory.createURI("https://example.org/OptionalShape"))
                .getConstraints()
                .iterator()
                .next();
    assertFalse(ShaclCheck.runsOnce(optional));
    assertEquals(6, jena().getEntries().size()); // every claim but the one with a note (f4)
    assertSameAsJena();
  }

  private Graph union() {
    return new MultiUnion(new Graph[] {ontology, data});
  }

  private ValidationReport jena() {
    return ShaclValidator.get().validate(Shapes.parse(shapesGraph), union());
  }

  private void assertSameAsJena() {
    ShaclCheck.Compiled compiled =
        ShaclCheck.parse(shapesGraph, "shapes.ttl", new Problems(Problems.DEFAULT_LIMIT));
    assertEquals(entries(jena().getEntries()), entries(compiled.validate(union())));
    // On the loader's view, sh:class follows the ontology's index instead of the union.
    UnionView view = new UnionView(new OntologyIndex(ontology), data);
    assertTrue(view.knowsClasses());
    assertEquals(entries(jena().getEntries()), entries(compiled.validate(view)));
  }

  private static Set<String> entries(Collection<ReportEntry> entries) {
    return entries.stream()
        .map(
            e ->
                e.focusNode()
                    + " | "
                    + e.resultPath()
                    + " | "
                    + e.value()
                    + " | "
                    + e.message()
                    + " | "
                    + e.severity()
                    + " | "
                    + e.sourceConstraintComponent())
        .collect(Collectors.toSet());
  }
}
