package org.w3id.newsgraph;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.w3id.newsgraph.load.GraphSink;
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
    Counter counter = new Counter();
    counter.graph(Iris.ENTITIES_GRAPH, data);
    return counter.summary(ontology);
  }

  /**
   * Counts graphs as a streaming load hands them over, keeping only the counts. A relation that two
   * articles both assert counts once per article.
   */
  public static final class Counter implements GraphSink {
    private final Map<Node, Long> byClass = new HashMap<>();
    // By node, named at the end: a node's local name is slow to find, and asked for every triple.
    private final Map<Node, Long> byProperty = new HashMap<>();
    private final Map<Node, Long> byStance = new HashMap<>();
    private long sources;
    private long triples;

    @Override
    public void graph(String graphIri, Graph data) {
      data.find()
          .forEachRemaining(
              t -> {
                triples++;
                Node s = t.getSubject();
                Node p = t.getPredicate();
                if (p.equals(RDF.type.asNode())) {
                  if (t.getObject().equals(NG.Source.asNode())) {
                    sources++;
                  } else if (s.isURI() && s.getURI().startsWith(Iris.ENTITY)) {
                    byClass.merge(t.getObject(), 1L, Long::sum);
                  }
                } else if (p.equals(NG.stance.asNode())) {
                  byStance.merge(t.getObject(), 1L, Long::sum);
                }
                if (s.isURI()
                    && s.getURI().startsWith(Iris.ENTITY)
                    && p.getURI().startsWith(NG.NS)) {
                  byProperty.merge(p, 1L, Long::sum);
                }
              });
    }

    /** The summary of everything counted so far. */
    public Summary summary(Graph ontology) {
      OntologyIndex index = new OntologyIndex(ontology);
      SortedMap<String, Long> classes = new TreeMap<>();
      long events = 0;
      for (Map.Entry<Node, Long> e : byClass.entrySet()) {
        classes.merge(e.getKey().getLocalName(), e.getValue(), Long::sum);
        if (index.isSubClassOf(e.getKey(), NG.Event.asNode())) {
          events += e.getValue();
        }
      }
      return new Summary(
          sources, classes, events, byLocalName(byProperty), byLocalName(byStance), triples);
    }
  }

  private static SortedMap<String, Long> byLocalName(Map<Node, Long> counts) {
    SortedMap<String, Long> out = new TreeMap<>();
    counts.forEach((node, n) -> out.merge(node.getLocalName(), n, Long::sum));
    return out;
  }
}
