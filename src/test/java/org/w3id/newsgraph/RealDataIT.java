package org.w3id.newsgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.load.OntologyIndex;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.NG;
import org.w3id.newsgraph.query.NamedQuery;
import org.w3id.newsgraph.query.QueryLibrary;
import org.w3id.newsgraph.query.QueryRunner;

/** The real ontology, facts and queries of the project, loaded as a user would. */
class RealDataIT {
  private static final String ARTICLE = "rferl-2021-11-ttp-secret-talks";
  private static KnowledgeGraph kg;

  @BeforeAll
  static void load() {
    kg = NewsGraph.load(Layout.of(Path.of(".")));
  }

  @Test
  void everyTermTheDataUsesIsDeclaredInTheOntology() {
    OntologyIndex index = new OntologyIndex(kg.ontology());
    Set<String> undeclared = new TreeSet<>();
    for (Triple t : kg.asserted().find().toList()) {
      Node p = t.getPredicate();
      if (!p.equals(RDF.type.asNode()) && !index.isDeclared(p) && !isBuiltinAnnotation(p)) {
        undeclared.add(p.getURI());
      }
      if (p.equals(RDF.type.asNode()) && !index.isDeclared(t.getObject())) {
        undeclared.add(t.getObject().getURI());
      }
      if (p.equals(NG.claimProperty.asNode()) && !index.isDeclared(t.getObject())) {
        undeclared.add(t.getObject().getURI());
      }
      if (t.getObject().isURI()
          && t.getObject().getURI().startsWith(NG.NS)
          && !index.isDeclared(t.getObject())) {
        undeclared.add(t.getObject().getURI());
      }
    }
    assertEquals(Set.of(), undeclared);
  }

  private static boolean isBuiltinAnnotation(Node p) {
    return p.equals(RDFS.label.asNode()) || p.equals(RDFS.comment.asNode());
  }

  @Test
  void ontologyHasNoPunningAndLabelsEveryTerm() {
    Graph o = kg.ontology();
    List<String> bad = new ArrayList<>();
    for (Node cls : subjectsOfType(o, OWL2.Class.asNode())) {
      if (o.contains(cls, RDF.type.asNode(), OWL2.NamedIndividual.asNode())) {
        bad.add("class and individual: " + cls);
      }
    }
    for (Node p : subjectsOfType(o, OWL2.ObjectProperty.asNode())) {
      if (o.contains(p, RDF.type.asNode(), OWL2.DatatypeProperty.asNode())) {
        bad.add("object and datatype property: " + p);
      }
    }
    for (Node type :
        List.of(
            OWL2.Class.asNode(), OWL2.ObjectProperty.asNode(), OWL2.DatatypeProperty.asNode())) {
      for (Node term : subjectsOfType(o, type)) {
        if (term.isURI() && term.getURI().startsWith(NG.NS)) {
          if (!o.contains(term, RDFS.label.asNode(), Node.ANY)) {
            bad.add("no label: " + term);
          }
          if (!o.contains(term, RDFS.comment.asNode(), Node.ANY)) {
            bad.add("no comment: " + term);
          }
        }
      }
    }
    assertEquals(List.of(), bad);
  }

  private static final String DISJOINT_VIOLATIONS =
      """
      PREFIX owl: <http://www.w3.org/2002/07/owl#>
      PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
      SELECT DISTINCT ?x ?c1 ?c2 WHERE {
        ?d a owl:AllDisjointClasses ; owl:members ?list .
        ?list rdf:rest*/rdf:first ?c1 .
        ?list rdf:rest*/rdf:first ?c2 .
        FILTER (STR(?c1) < STR(?c2))
        ?x a ?c1 , ?c2 .
      }
      """;

  @Test
  void noEntityBelongsToTwoDisjointClasses() {
    // Jena's rule reasoners do not read owl:AllDisjointClasses; this query does, on the
    // asserted and inferred types.
    Dataset ds = kg.dataset(true);
    assertEquals(List.of(), disjointViolations(ds));
    // And it would see one: a person who is also a city.
    ds.getDefaultModel()
        .getGraph()
        .add(Triple.create(entity("imran-khan"), RDF.type.asNode(), term("Place")));
    assertEquals(1, disjointViolations(ds).size());
  }

  private static List<String> disjointViolations(Dataset ds) {
    List<String> out = new ArrayList<>();
    try (QueryExecution qe = QueryExecution.dataset(ds).query(DISJOINT_VIOLATIONS).build()) {
      qe.execSelect().forEachRemaining(r -> out.add(r.toString()));
    }
    return out;
  }

  @Test
  void theCoreRelationsAreDeclaredWithTheirCharacteristics() {
    Graph o = kg.ontology();
    for (String p : List.of("mediates", "leads", "attacked", "negotiatesWith")) {
      assertTrue(o.contains(term(p), RDF.type.asNode(), OWL2.ObjectProperty.asNode()), p);
      assertTrue(o.contains(term(p), RDFS.domain.asNode(), Node.ANY), p + " has a domain");
    }
    assertTrue(
        o.contains(term("negotiatesWith"), RDF.type.asNode(), OWL2.SymmetricProperty.asNode()));
    assertTrue(o.contains(term("locatedIn"), RDF.type.asNode(), OWL2.TransitiveProperty.asNode()));
  }

  @Test
  void everyClaimPointsToItsSentenceAndSource() {
    Graph g = kg.asserted();
    List<Node> claims = subjectsOfType(g, NG.Claim.asNode());
    assertTrue(claims.size() > 150, "the whole article, not a sample: " + claims.size());
    Node source = NodeFactory.createURI(Iris.source(ARTICLE));
    for (Node c : claims) {
      assertEquals(1, g.find(c, NG.quote.asNode(), Node.ANY).toList().size(), c::toString);
      assertTrue(g.contains(c, prov("wasDerivedFrom"), source), c::toString);
      assertTrue(g.contains(c, prov("wasAttributedTo"), Node.ANY), c::toString);
    }
  }

  @Test
  void theSourceRecordKeepsTheArticlesAttribution() {
    Graph g = kg.asserted();
    Node source = NodeFactory.createURI(Iris.source(ARTICLE));
    assertTrue(
        g.contains(
            source,
            dcterms("title"),
            NodeFactory.createLiteralString(
                "Exclusive: Pakistan, Tehrik-e Taliban Hold Secret Talks Over Cease-Fire")));
    assertTrue(g.contains(source, dcterms("publisher"), entity("rferl")));
    assertTrue(g.contains(source, dcterms("issued"), Node.ANY));
  }

  @Test
  void pageFurnitureProducesNoFacts() {
    for (Triple t : kg.asserted().find(Node.ANY, NG.quote.asNode(), Node.ANY).toList()) {
      String quote = t.getObject().getLiteralLexicalForm();
      assertFalse(quote.contains("Accessibility links") || quote.contains("Breaking News"), quote);
    }
  }

  @Test
  void aCaptionPrintedTwiceIsOneParagraph() {
    // The caption about the Tank blast is printed twice; its facts point at its first occurrence.
    Set<String> paragraphs = new TreeSet<>();
    for (Triple t : kg.asserted().find(Node.ANY, NG.quote.asNode(), Node.ANY).toList()) {
      if (t.getObject().getLiteralLexicalForm().startsWith("A man surveys the site of a blast")) {
        kg.asserted()
            .find(t.getSubject(), NG.paragraph.asNode(), Node.ANY)
            .forEachRemaining(p -> paragraphs.add(p.getObject().getLiteralLexicalForm()));
      }
    }
    assertEquals(1, paragraphs.size(), paragraphs::toString);
  }

  @Test
  void theSerenaHotelAttackHasNoPerpetratorOnlyAClaimOfResponsibility() {
    Node attack = entity("attack-2021-04-21-quetta-serena-hotel");
    assertFalse(kg.asserted().contains(attack, term("perpetrator"), Node.ANY));
    assertFalse(kg.inferred().contains(attack, term("perpetrator"), Node.ANY));
    assertTrue(kg.asserted().contains(entity("ttp"), term("claimedResponsibilityFor"), attack));
  }

  @Test
  void theTankBlastNamesNoPerpetrator() {
    Node blast = entity("bombing-2021-09-22-tank-girls-school");
    assertFalse(kg.asserted().contains(blast, term("perpetrator"), Node.ANY));
    assertFalse(kg.asserted().contains(Node.ANY, term("claimedResponsibilityFor"), blast));
  }

  @Test
  void theDeniedNegotiationsAreQueryableWithWhoSaysWhat() {
    Graph g = kg.asserted();
    Set<String> stances = new TreeSet<>();
    for (Triple t : g.find(Node.ANY, NG.claimProperty.asNode(), term("negotiatesWith")).toList()) {
      Node c = t.getSubject();
      if (g.contains(c, NG.claimSubject.asNode(), entity("government-of-pakistan"))
          && g.contains(c, NG.claimObject.asNode(), entity("ttp"))) {
        Node by = g.find(c, prov("wasAttributedTo"), Node.ANY).next().getObject();
        Node stance = g.find(c, NG.stance.asNode(), Node.ANY).next().getObject();
        stances.add(stance.getLocalName() + " by " + by.getLocalName());
      }
    }
    assertTrue(stances.contains("denies by ttp"), stances::toString);
    assertTrue(stances.contains("unaware by mansour-ahmad-khan"), stances::toString);
    assertTrue(stances.contains("reports by rferl-2021-11-sources"), stances::toString);
  }

  @Test
  void inferredYearsSayWhy() {
    Graph g = kg.asserted();
    Node f =
        g.find(Node.ANY, NG.claimSubject.asNode(), entity("attack-2021-04-21-quetta-serena-hotel"))
            .filterKeep(t -> g.contains(t.getSubject(), NG.claimProperty.asNode(), term("date")))
            .next()
            .getSubject();
    assertTrue(g.contains(f, NG.inferenceNote.asNode(), Node.ANY));
  }

  @Test
  void everyNamedQueryParsesAndReturnsRowsOnTheRealData() {
    Dataset ds = kg.dataset(false);
    List<NamedQuery> all = new QueryLibrary(Path.of("queries")).list();
    assertTrue(all.size() >= 12, "at least a dozen named queries: " + all.size());
    List<String> empty = new ArrayList<>();
    for (NamedQuery q : all) {
      Query parsed = QueryRunner.parse(q, Iris.prefixes());
      if (usesService(parsed)) {
        continue; // federated: asks a remote endpoint, which tests must not depend on
      }
      if (QueryRunner.count(ds, q) == 0) {
        empty.add(q.name());
      }
    }
    assertEquals(List.of(), empty);
  }

  @Test
  void inferredQueriesSeeSymmetricAndTransitiveConsequences() {
    QueryLibrary library = new QueryLibrary(Path.of("queries"));
    NamedQuery negotiations = library.resolve("negotiations");
    long asserted = QueryRunner.count(kg.dataset(false), negotiations);
    long inferred = QueryRunner.count(kg.dataset(true), negotiations);
    assertEquals(2 * asserted, inferred, "each pair in both directions");
    NamedQuery places = library.resolve("places");
    assertTrue(
        QueryRunner.count(kg.dataset(true), places) > QueryRunner.count(kg.dataset(false), places));
    assertTrue(
        kg.inferred()
            .contains(entity("ttp"), term("negotiatesWith"), entity("government-of-pakistan")));
    assertTrue(
        kg.inferred()
            .contains(entity("serena-hotel-quetta"), term("locatedIn"), entity("balochistan")));
  }

  private static boolean usesService(Query query) {
    boolean[] found = {false};
    ElementWalker.walk(
        query.getQueryPattern(),
        new ElementVisitorBase() {
          @Override
          public void visit(ElementService el) {
            found[0] = true;
          }
        });
    return found[0];
  }

  private static List<Node> subjectsOfType(Graph g, Node type) {
    return g.find(Node.ANY, RDF.type.asNode(), type).mapWith(Triple::getSubject).toList();
  }

  private static Node term(String local) {
    return NodeFactory.createURI(Iris.term(local));
  }

  private static Node entity(String id) {
    return NodeFactory.createURI(Iris.entity(id));
  }

  private static Node prov(String local) {
    return NodeFactory.createURI("http://www.w3.org/ns/prov#" + local);
  }

  private static Node dcterms(String local) {
    return NodeFactory.createURI("http://purl.org/dc/terms/" + local);
  }
}
