package org.w3id.newsgraph;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.w3id.newsgraph.infer.Inference;
import org.w3id.newsgraph.load.LoadedGraph;
import org.w3id.newsgraph.model.Iris;

/**
 * A loaded, validated graph: the ontology, the asserted data and, computed on first use, what the
 * ontology lets a reasoner infer from it (inverses, symmetric and transitive relations, class and
 * property hierarchies, property chains).
 */
public final class KnowledgeGraph {
  private final Graph ontology;
  private final Graph asserted;
  private Graph inferred;
  private Summary summary;

  KnowledgeGraph(LoadedGraph loaded) {
    this.ontology = loaded.ontology();
    this.asserted = loaded.data();
  }

  /** The ontology. */
  public Graph ontology() {
    return ontology;
  }

  /** The asserted data: entities, sources, claims and the facts the sources assert. */
  public Graph asserted() {
    return asserted;
  }

  /** The triples a reasoner adds to the asserted data (none of them asserted). */
  public synchronized Graph inferred() {
    if (inferred == null) {
      inferred = Inference.infer(ontology, asserted);
    }
    return inferred;
  }

  /** Counts of what the asserted data holds. */
  public synchronized Summary summary() {
    if (summary == null) {
      summary = Summary.of(ontology, asserted);
    }
    return summary;
  }

  /**
   * A dataset to query: the default graph holds the ontology and the asserted data; with {@code
   * withInferred} it also holds the inferred triples, which are in addition kept in the named graph
   * {@value Iris#INFERRED_GRAPH} so a query can tell them apart.
   */
  public Dataset dataset(boolean withInferred) {
    DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
    addTo(dsg, withInferred);
    return DatasetFactory.wrap(dsg);
  }

  /**
   * Adds the ontology and the asserted data to the default graph of {@code dsg}, with {@code
   * withInferred} the inferred triples to the default graph too (so any query sees them) and to the
   * named graph {@value Iris#INFERRED_GRAPH} (so a query can tell them apart), and NewsGraph's
   * prefixes. The caller holds any transaction {@code dsg} needs.
   */
  public void addTo(DatasetGraph dsg, boolean withInferred) {
    Graph dflt = dsg.getDefaultGraph();
    GraphUtil.addInto(dflt, ontology);
    GraphUtil.addInto(dflt, asserted);
    if (withInferred) {
      GraphUtil.addInto(dsg.getGraph(NodeFactory.createURI(Iris.INFERRED_GRAPH)), inferred());
      GraphUtil.addInto(dflt, inferred());
    }
    dsg.prefixes().putAll(Iris.prefixes());
  }
}
