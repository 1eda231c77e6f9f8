package org.w3id.newsgraph;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.w3id.newsgraph.load.OntologyIndex;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.NG;

/**
 * Counts that describe a loaded graph: entities by class, relations by property, events, claims by
 * stance, sources and triples. Keys are ontology local names.
 *
 * @param sources number of source documents
 * @param entitiesByClass entities by their declared class
 * @param events entities whose class is an ng:Event
 * @param relationsByProperty asserted facts by property (relations between entities and values)
 * @param claimsByStance claim records by stance
 * @param triples number of triples in the asserted data graph
 */
public record Summary(
    long sources,
    SortedMap<String, Long> entitiesByClass,
    long events,
    SortedMap<String, Long> relationsByProperty,
    SortedMap<String, Long> claimsByStance,
    long triples) {

  /** Total entities. */
  public long entities() {
    return entitiesByClass.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Total asserted relations. */
  public long relations() {
    return relationsByProperty.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Total claims. */
  public long claims() {
    return claimsByStance.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Counts what is in {@code data}, using {@code ontology} for the class hierarchy. */
  static Summary of(Graph ontology, Graph data) {
    OntologyIndex index = new OntologyIndex(ontology);
    SortedMap<String, Long> byClass = new TreeMap<>();
    SortedMap<String, Long> byProperty = new TreeMap<>();
    SortedMap<String, Long> byStance = new TreeMap<>();
    long sources = 0;
    long events = 0;
    for (Triple t : data.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList()) {
      Node cls = t.getObject();
      if (cls.equals(NG.Source.asNode())) {
        sources++;
      } else if (t.getSubject().getURI().startsWith(Iris.ENTITY)) {
        increment(byClass, cls.getLocalName());
        if (index.isSubClassOf(cls, NG.Event.asNode())) {
          events++;
        }
      }
    }
    for (Triple t : data.find().toList()) {
      Node s = t.getSubject();
      if (s.isURI()
          && s.getURI().startsWith(Iris.ENTITY)
          && t.getPredicate().getURI().startsWith(NG.NS)) {
        increment(byProperty, t.getPredicate().getLocalName());
      }
    }
    data.find(Node.ANY, NG.stance.asNode(), Node.ANY)
        .forEachRemaining(t -> increment(byStance, t.getObject().getLocalName()));
    return new Summary(sources, byClass, events, byProperty, byStance, data.size());
  }

  private static void increment(Map<String, Long> map, String key) {
    map.merge(key, 1L, Long::sum);
  }
}
