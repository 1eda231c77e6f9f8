package org.w3id.newsgraph.infer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;

/**
 * Derives the triples that the ontology entails from the data, using the rules in {@code
 * newsgraph.rules} (class and property hierarchies, inverse, symmetric and transitive properties,
 * property chains of two). No domain or range inference.
 */
public final class Inference {
  private static final String RULES_RESOURCE = "newsgraph.rules";
  private static final List<Rule> RULES = loadRules();

  private Inference() {}

  /**
   * Returns a new graph with the triples entailed by {@code ontology} and {@code data} together
   * that are not already in {@code data}, are not entailed by the ontology alone, and whose subject
   * is a subject or an object of {@code data}. Neither argument is changed.
   */
  public static Graph infer(Graph ontology, Graph data) {
    Set<Triple> ontologyLevel = closure(ontology);
    Graph both = copyOf(ontology);
    GraphUtil.addInto(both, data);

    Set<Node> dataNodes = new HashSet<>();
    data.find()
        .forEachRemaining(
            t -> {
              dataNodes.add(t.getSubject());
              dataNodes.add(t.getObject());
            });

    List<Triple> entailed = new ArrayList<>();
    for (Triple t : closure(both)) {
      Node s = t.getSubject();
      if (dataNodes.contains(s)
          && !s.isLiteral()
          && t.getPredicate().isURI()
          && !data.contains(t)
          && !ontologyLevel.contains(t)) {
        entailed.add(t);
      }
    }
    // Sorted, so that even the order in which the result graph is filled is the same every time.
    entailed.sort(Comparator.comparing(Inference::sortKey));
    Graph result = GraphMemFactory.createDefaultGraph();
    entailed.forEach(result::add);
    return result;
  }

  /** The graph and everything the rules derive from it. */
  private static Set<Triple> closure(Graph graph) {
    GenericRuleReasoner reasoner = new GenericRuleReasoner(RULES);
    reasoner.setMode(GenericRuleReasoner.FORWARD_RETE);
    InfGraph inf = reasoner.bind(copyOf(graph));
    inf.prepare();
    Set<Triple> all = new HashSet<>();
    graph.find().forEachRemaining(all::add);
    inf.getDeductionsGraph().find().forEachRemaining(all::add);
    return all;
  }

  private static Graph copyOf(Graph graph) {
    Graph copy = GraphMemFactory.createDefaultGraph();
    GraphUtil.addInto(copy, graph);
    return copy;
  }

  private static String sortKey(Triple t) {
    return t.getSubject() + " " + t.getPredicate() + " " + t.getObject();
  }

  private static List<Rule> loadRules() {
    try (InputStream in = Inference.class.getResourceAsStream(RULES_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RULES_RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return List.copyOf(Rule.parseRules(Rule.rulesParserFromReader(reader)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
