package org.w3id.newsgraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

class UnionViewTest {
  private static Node n(String local) {
    return NodeFactory.createURI("https://example.org/" + local);
  }

  private static Triple t(String s, String p, String o) {
    return Triple.create(n(s), n(p), n(o));
  }

  private static Graph graph(Triple... triples) {
    Graph g = GraphFactory.createDefaultGraph();
    for (Triple t : triples) {
      g.add(t);
    }
    return g;
  }

  private static List<Triple> find(Graph g, Node s, Node p, Node o) {
    return new ArrayList<>(g.find(s, p, o).toList());
  }

  @Test
  void aTripleInTwoGraphsIsSeenOnceFromTheFirst() {
    Graph first = graph(t("a", "p", "b"), t("a", "q", "c"));
    Graph second = graph(t("a", "p", "b"), t("a", "p", "d"));
    Graph third = graph(t("a", "p", "d"), t("a", "p", "e"), t("a", "p", "b"));
    UnionView view = new UnionView(first, second, third);
    List<Triple> found = find(view, n("a"), n("p"), Node.ANY);
    assertEquals(3, found.size(), found::toString);
    assertEquals(t("a", "p", "b"), found.get(0)); // the first graph's, then the others' new ones
    assertEquals(List.of(t("a", "p", "d"), t("a", "p", "e")), found.subList(1, 3));
    assertEquals(4, find(view, Node.ANY, Node.ANY, Node.ANY).size());
    assertEquals(4, view.size());
  }

  @Test
  void aGraphWithoutTheTriplesOfAPatternIsNotAskedAboutThem() {
    // The pattern matches in the second and third graphs only: a triple of the third that the
    // first holds under another pattern is still dropped when the first matches too.
    Graph first = graph(t("x", "q", "y"));
    Graph second = graph(t("a", "p", "b"));
    Graph third = graph(t("a", "p", "b"), t("x", "q", "y"), t("a", "p", "c"));
    UnionView view = new UnionView(first, second, third);
    List<Triple> fromA = find(view, n("a"), Node.ANY, Node.ANY);
    assertEquals(2, fromA.size(), fromA::toString);
    assertEquals(Set.of(t("a", "p", "b"), t("a", "p", "c")), Set.copyOf(fromA));
    assertEquals(List.of(t("x", "q", "y")), find(view, Node.ANY, n("q"), Node.ANY));
    assertEquals(List.of(), find(view, n("z"), Node.ANY, Node.ANY));
    assertTrue(view.contains(t("a", "p", "c")));
    assertFalse(view.contains(t("a", "q", "c")));
  }
}
