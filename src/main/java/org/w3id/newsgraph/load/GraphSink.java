package org.w3id.newsgraph.load;

import org.apache.jena.graph.Graph;

/**
 * Where a streaming load puts what it has checked: one named graph at a time (an article's graph as
 * soon as its file is read and validated, the entities and the links at the end). A sink never sees
 * a graph twice in one load. The load may still fail after a sink has taken some graphs (a problem
 * in a later file): whoever gave the sink decides what happens to them then (a temporary file
 * deleted, a transaction aborted).
 */
@FunctionalInterface
public interface GraphSink {
  /**
   * Takes one named graph.
   *
   * @param graphIri the graph's IRI, minted by {@link org.w3id.newsgraph.model.Iris}
   * @param triples its triples, which the loader does not change once it has handed them over
   */
  void graph(String graphIri, Graph triples);
}
