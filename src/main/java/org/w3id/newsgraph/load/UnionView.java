package org.w3id.newsgraph.load;

import java.util.Arrays;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.NullIterator;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * A read-only view of the union of a few graphs, never copied: what SHACL validates (the ontology,
 * the entities, one article). Like Jena's {@code MultiUnion}, a triple in two graphs is seen once;
 * unlike it, a find does not record every triple it returns in a new set to tell: a triple from a
 * later graph is dropped when an earlier graph contains it (a hash lookup). SHACL runs hundreds of
 * finds per claim, so this is most of the cost of the view.
 */
final class UnionView extends GraphBase {
  private final Graph[] graphs;
  private final OntologyIndex classes;

  UnionView(Graph... graphs) {
    this.graphs = graphs.clone();
    this.classes = null;
  }

  /**
   * The union of the ontology and {@code more}. When none of {@code more} has an {@code
   * rdfs:subClassOf} triple (data never does), the classes of the view are the ontology's: {@link
   * #hasClass} then follows subclasses in the ontology's index.
   */
  UnionView(OntologyIndex ontology, Graph... more) {
    this.graphs = new Graph[more.length + 1];
    graphs[0] = ontology.graph();
    System.arraycopy(more, 0, graphs, 1, more.length);
    boolean subclassesInData = false;
    for (Graph g : more) {
      subclassesInData |= g.contains(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY);
    }
    this.classes = subclassesInData ? null : ontology;
  }

  /** Whether {@link #hasClass} may be asked. */
  boolean knowsClasses() {
    return classes != null;
  }

  /**
   * Whether {@code node} has a type that is {@code cls} or a subclass of it: what SHACL's {@code
   * sh:class} asks, with the subclasses from the ontology's index.
   */
  boolean hasClass(Node node, Node cls) {
    ExtendedIterator<Triple> types = find(node, RDF.type.asNode(), Node.ANY);
    try {
      while (types.hasNext()) {
        if (classes.isSubClassOf(types.next().getObject(), cls)) {
          return true;
        }
      }
      return false;
    } finally {
      types.close();
    }
  }

  /**
   * The triples of each graph in turn. A triple of a later graph is looked up only in the earlier
   * graphs that have some triple of the pattern: a graph without any cannot hold it. Most finds
   * (SHACL asks for a node's values, one property at a time) match in one graph only, and are then
   * that graph's find, with no lookup per triple.
   */
  @Override
  protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
    ExtendedIterator<Triple> all = null;
    Graph[] matching = new Graph[graphs.length];
    int count = 0;
    for (Graph g : graphs) {
      ExtendedIterator<Triple> found = g.find(pattern);
      if (!found.hasNext()) {
        found.close();
        continue;
      }
      if (count > 0) {
        Graph[] earlier = Arrays.copyOf(matching, count);
        found = found.filterDrop(t -> inAny(earlier, t));
      }
      matching[count++] = g;
      all = all == null ? found : all.andThen(found);
    }
    return all == null ? NullIterator.instance() : all;
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
