package org.w3id.newsgraph.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.newsgraph.model.Iris;

class InferenceTest {
  private static Graph ontology;
  private static Graph data;
  private static Graph inferred;

  @BeforeAll
  static void infer() {
    ontology = RDFParser.source("src/test/resources/infer/ontology.ttl").toGraph();
    data = RDFParser.source("src/test/resources/infer/data.ttl").toGraph();
    inferred = Inference.infer(ontology, data);
  }

  private static Node ng(String local) {
    return NodeFactory.createURI(Iris.term(local));
  }

  private static Node ngr(String id) {
    return NodeFactory.createURI(Iris.entity(id));
  }

  private static void assertInferred(Node s, Node p, Node o) {
    assertTrue(
        inferred.contains(s, p, o), "expected " + Triple.create(s, p, o) + " in " + inferred);
  }

  @Test
  void subclassGivesEveryAncestorClass() {
    assertInferred(ngr("alice"), RDF.type.asNode(), ng("Agent"));
    assertInferred(ngr("alice"), RDF.type.asNode(), ng("Thing"));
  }

  @Test
  void subpropertyThenTransitive() {
    assertInferred(ngr("faction-a"), ng("partOf"), ngr("group-b"));
    assertInferred(ngr("faction-a"), ng("partOf"), ngr("coalition-c"));
    // factionOf itself is not transitive
    assertFalse(inferred.contains(ngr("faction-a"), ng("factionOf"), ngr("coalition-c")));
  }

  @Test
  void transitiveOverThreeHops() {
    assertInferred(ngr("village"), ng("locatedIn"), ngr("province"));
    assertInferred(ngr("village"), ng("locatedIn"), ngr("country"));
    assertInferred(ngr("district"), ng("locatedIn"), ngr("country"));
  }

  @Test
  void inverseInBothDirections() {
    assertInferred(ngr("group-b"), ng("hasMember"), ngr("bob"));
    assertInferred(ngr("carol"), ng("memberOf"), ngr("coalition-c"));
  }

  @Test
  void symmetric() {
    // alice metWith bob is asserted both ways in the data, so nothing new...
    assertFalse(inferred.contains(ngr("bob"), ng("metWith"), ngr("alice")));
    // ...but one direction alone is enough to derive the other.
    Graph oneWay = turtle("ngr:dan ng:metWith ngr:erin .");
    assertTrue(Inference.infer(ontology, oneWay).contains(ngr("erin"), ng("metWith"), ngr("dan")));
  }

  @Test
  void chainOfTwo() {
    assertInferred(ngr("group-b"), ng("attacked"), ngr("village"));
  }

  @Test
  void chainRuleHandlesAnyTwoElementList() {
    Graph data =
        turtle(
            "ng:shelled owl:propertyChainAxiom ( ng:firedFrom ng:hit ) ."
                + " ngr:unit ng:firedFrom ngr:gun . ngr:gun ng:hit ngr:town .");
    assertTrue(Inference.infer(ontology, data).contains(ngr("unit"), ng("shelled"), ngr("town")));
  }

  @Test
  void chainsOfThreeAreNotTreatedAsTwo() {
    Graph data =
        turtle(
            "ng:linked owl:propertyChainAxiom ( ng:a ng:b ng:c ) ."
                + " ngr:x ng:a ngr:y . ngr:y ng:b ngr:z .");
    assertFalse(Inference.infer(ontology, data).contains(ngr("x"), ng("linked"), ngr("z")));
  }

  @Test
  void assertedTriplesAreNotRepeated() {
    data.find().forEachRemaining(t -> assertFalse(inferred.contains(t), "asserted: " + t));
  }

  @Test
  void ontologyTriplesAreNotInTheResult() {
    ontology.find().forEachRemaining(t -> assertFalse(inferred.contains(t), "ontology: " + t));
    assertFalse(inferred.contains(ng("Person"), RDFS.subClassOf.asNode(), ng("Thing")));
    inferred
        .find()
        .forEachRemaining(
            t ->
                assertTrue(
                    t.getSubject().getURI().startsWith(Iris.ENTITY), "not about data: " + t));
  }

  @Test
  void noDomainOrRangeInference() {
    Graph data =
        turtle(
            "ng:knows rdfs:domain ng:Person ; rdfs:range ng:Person ." + " ngr:x ng:knows ngr:y .");
    Graph result = Inference.infer(ontology, data);
    assertFalse(result.contains(ngr("x"), RDF.type.asNode(), ng("Person")));
    assertFalse(result.contains(ngr("y"), RDF.type.asNode(), ng("Person")));
  }

  @Test
  void literalsNeverBecomeSubjects() {
    Graph data = turtle("ng:label owl:inverseOf ng:labelOf . ngr:x ng:label \"X\" .");
    Graph result = Inference.infer(ontology, data);
    result.find().forEachRemaining(t -> assertFalse(t.getSubject().isLiteral(), t.toString()));
  }

  @Test
  void exactResultForTheFixture() {
    List<String> expected =
        List.of(
            "alice type Agent",
            "alice type Thing",
            "carol memberOf coalition-c",
            "district locatedIn country",
            "faction-a partOf coalition-c",
            "faction-a partOf group-b",
            "group-b attacked village",
            "group-b hasMember bob",
            "village locatedIn country",
            "village locatedIn province");
    assertEquals(expected, shortForms(inferred));
  }

  @Test
  void deterministic() {
    // Same triples, and even the same iteration order.
    assertEquals(inferred.find().toList(), Inference.infer(ontology, data).find().toList());
  }

  @Test
  void argumentsAreNotChanged() {
    int ontologySize = ontology.size();
    int dataSize = data.size();
    Inference.infer(ontology, data);
    assertEquals(ontologySize, ontology.size());
    assertEquals(dataSize, data.size());
  }

  private static List<String> shortForms(Graph graph) {
    List<String> lines = new ArrayList<>();
    graph
        .find()
        .forEachRemaining(
            t ->
                lines.add(
                    local(t.getSubject())
                        + " "
                        + local(t.getPredicate())
                        + " "
                        + local(t.getObject())));
    lines.sort(null);
    return lines;
  }

  private static String local(Node n) {
    String s = n.toString();
    return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('#')) + 1);
  }

  private static Graph turtle(String triples) {
    String text =
        "PREFIX ng: <"
            + Iris.ONTOLOGY
            + "> PREFIX ngr: <"
            + Iris.ENTITY
            + "> PREFIX owl: <http://www.w3.org/2002/07/owl#>"
            + " PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            + triples;
    return RDFParser.fromString(text, Lang.TURTLE).toGraph();
  }
}
