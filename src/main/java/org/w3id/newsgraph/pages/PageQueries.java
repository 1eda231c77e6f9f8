package org.w3id.newsgraph.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/**
 * The pages' SPARQL queries (resource files {@code pages/<name>.rq}), run over a dataset in a read
 * transaction with variables bound beforehand (e.g. {@code ?entity}).
 */
final class PageQueries {
  private static final Map<String, Query> PARSED = new ConcurrentHashMap<>();

  private final DatasetGraph dataset;

  PageQueries(DatasetGraph dataset) {
    this.dataset = dataset;
  }

  /** The rows of SELECT query {@code name} with {@code bindings} set. */
  List<Binding> select(String name, Map<String, Node> bindings) {
    Query query = query(name);
    return Txn.calculateRead(
        dataset,
        () -> {
          List<Binding> rows = new ArrayList<>();
          try (QueryExec exec = builder(query, bindings).build()) {
            exec.select().forEachRemaining(rows::add);
          }
          return rows;
        });
  }

  /** The rows of SELECT query {@code name}. */
  List<Binding> select(String name) {
    return select(name, Map.of());
  }

  /** The graph built by CONSTRUCT query {@code name} with {@code bindings} set. */
  Graph construct(String name, Map<String, Node> bindings) {
    Query query = query(name);
    return Txn.calculateRead(
        dataset,
        () -> {
          Graph out = GraphFactory.createDefaultGraph();
          try (QueryExec exec = builder(query, bindings).build()) {
            exec.construct(out);
          }
          return out;
        });
  }

  /** Whether {@code node} is the subject of any triple of the default graph. */
  boolean exists(Node node) {
    return Txn.calculateRead(
        dataset, () -> dataset.getDefaultGraph().find(node, Node.ANY, Node.ANY).hasNext());
  }

  private QueryExecBuilder builder(Query query, Map<String, Node> bindings) {
    QueryExecBuilder b = QueryExec.dataset(dataset).query(query);
    bindings.forEach((var, value) -> b.substitution(Var.alloc(var), value));
    return b;
  }

  /** The text of resource {@code pages/<name>} (a query, the page frame, a script). */
  static String resource(String name) {
    try (InputStream in = PageQueries.class.getClassLoader().getResourceAsStream("pages/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource pages/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Query query(String name) {
    return PARSED.computeIfAbsent(name, n -> QueryFactory.create(resource(n + ".rq")));
  }
}
