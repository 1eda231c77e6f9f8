package org.w3id.newsgraph.load;

import java.util.Arrays;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * A read-only view of the union of a few graphs, never copied: what SHACL validates (the ontology,
 * the entities, one article). Like Jena's {@code MultiUnion}, a triple in two graphs is seen once;
 * unlike it, a find does not record every triple it returns in a new set to tell: a triple from a
 * later graph is dropped when an earlier graph contains it (a hash lookup). SHACL runs hundreds of
 * finds per claim, so this is most of the cost of the view.
 */
final class UnionView extends GraphBase {
  private final Graph[] graphs;

  UnionView(Graph... graphs) {
    this.graphs = graphs.clone();
  }

  @Override
  protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
    ExtendedIterator<Triple> all = graphs[0].find(pattern);
    for (int i = 1; i < graphs.length; i++) {
      Graph[] earlier = Arrays.copyOf(graphs, i);
      all = all.andThen(graphs[i].find(pattern).filterDrop(t -> inAny(earlier, t)));
    }
    return all;
  }

  @Override
  protected boolean graphBaseContains(Triple triple) {
    return inAny(graphs, triple);
  }

  private static boolean inAny(Graph[] graphs, Triple triple) {
    for (Graph g : graphs) {
      if (g.contains(triple)) {
        return true;
      }
    }
    return false;
  }
}
