package org.w3id.newsgraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** Every term the code names is declared in the ontology, under the name the code gives it. */
class NGTest {
  @Test
  void everyConstantIsDeclaredInTheOntology() throws IllegalAccessException {
    Model ontology = RDFDataMgr.loadModel("ontology/newsgraph.ttl");
    List<String> undeclared = new ArrayList<>();
    int constants = 0;
    for (Field f : NG.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && Resource.class.isAssignableFrom(f.getType())) {
        constants++;
        Resource term = (Resource) f.get(null);
        assertEquals(NG.NS + f.getName(), term.getURI(), "named as declared");
        if (!ontology.contains(term, RDF.type, (RDFNode) null)) {
          undeclared.add(f.getName());
        }
      }
    }
    assertTrue(constants > 30, "found the constants: " + constants);
    assertEquals(List.of(), undeclared, "not declared in ontology/newsgraph.ttl");
  }

  @Test
  void everyLinkStatusIsAnIndividualOfTheOntology() {
    Model ontology = RDFDataMgr.loadModel("ontology/newsgraph.ttl");
    for (LinkStatus s : LinkStatus.values()) {
      assertTrue(ontology.contains(s.resource(), RDF.type, (RDFNode) null), s.token());
    }
  }
}
