package org.w3id.newsgraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

class OntologyIndexTest {
  private static final String ONTOLOGY =
      """
      @prefix ng: <https://w3id.org/newsgraph/ontology#> .
      @prefix owl: <http://www.w3.org/2002/07/owl#> .
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      ng:Event a owl:Class .
      ng:Attack a owl:Class ; rdfs:subClassOf ng:Event .
      ng:Bombing a owl:Class ; rdfs:subClassOf ng:Attack .
      ng:Claim a owl:Class .
      ng:leads a owl:ObjectProperty .
      ng:claimSubject a owl:ObjectProperty ; rdfs:domain ng:Claim .
      ng:deaths a owl:DatatypeProperty ; rdfs:range xsd:nonNegativeInteger .
      ng:secret a owl:DatatypeProperty ; rdfs:range xsd:boolean .
      ng:date a owl:DatatypeProperty ; rdfs:range rdfs:Literal ; ng:valueKind "date" .
      ng:description a owl:DatatypeProperty ; rdfs:range xsd:string .
      ng:ongoing a owl:NamedIndividual .
      """;

  private final OntologyIndex index = new OntologyIndex(parse(ONTOLOGY));

  @Test
  void knowsClassesPropertiesAndIndividuals() {
    assertTrue(index.clazz("Attack").isPresent());
    assertTrue(index.clazz("leads").isEmpty());
    assertTrue(index.isObjectProperty("leads"));
    assertTrue(index.isDatatypeProperty("deaths"));
    assertFalse(index.isObjectProperty("deaths"));
    assertTrue(index.individual("ongoing").isPresent());
    assertTrue(index.isReserved("claimSubject"));
    assertFalse(index.isReserved("leads"));
  }

  @Test
  void followsTheClassHierarchy() {
    assertTrue(index.isSubClassOf(OntologyIndex.term("Bombing"), OntologyIndex.term("Event")));
    assertFalse(index.isSubClassOf(OntologyIndex.term("Event"), OntologyIndex.term("Attack")));
  }

  @Test
  void parsesValuesByTheRangeOfTheProperty() {
    Literal deaths = index.literal(OntologyIndex.term("deaths"), "147");
    assertEquals(XSDDatatype.XSDnonNegativeInteger, deaths.getDatatype());
    assertEquals(
        XSDDatatype.XSDgYearMonth,
        index.literal(OntologyIndex.term("date"), "2014-12").getDatatype());
    assertEquals("true", index.literal(OntologyIndex.term("secret"), "true").getLexicalForm());
    assertEquals(
        XSDDatatype.XSDstring,
        index.literal(OntologyIndex.term("description"), "hectic").getDatatype());
  }

  @Test
  void refusesValuesThatDoNotFitTheRange() {
    assertThrows(
        IllegalArgumentException.class, () -> index.literal(OntologyIndex.term("deaths"), "-3"));
    assertThrows(
        IllegalArgumentException.class, () -> index.literal(OntologyIndex.term("secret"), "1"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> index.literal(OntologyIndex.term("date"), "May 2014"));
    assertTrue(e.getMessage().contains("YYYY, YYYY-MM or YYYY-MM-DD"));
  }

  private static Graph parse(String turtle) {
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(turtle, org.apache.jena.riot.Lang.TURTLE).parse(g);
    return g;
  }
}
