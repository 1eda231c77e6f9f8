package org.w3id.newsgraph.load;

import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.NG;

/**
 * Reads {@code entities.csv}: one entity a row, with its class and labels. Fills the entity index
 * of the {@link LoadState} (ids, classes, where each was declared) that every later file is checked
 * against, and the entities' graph.
 */
final class EntityReader {
  /** The columns of {@code entities.csv}. */
  static final List<String> COLUMNS = List.of("id", "class", "label", "alt_labels", "comment");

  private final LoadState state;

  private EntityReader(LoadState state) {
    this.state = state;
  }

  /** Reads the file named by the layout into {@code state}. */
  static void read(LoadState state) {
    new EntityReader(state).read();
  }

  private void read() {
    state.readAll(state.layout.entitiesCsv(), COLUMNS, this::row);
  }

  private void row(CsvTable.Row row) {
    Problems problems = state.problems;
    String id = row.get("id");
    if (!state.checkId(row, "id", id)) {
      return;
    }
    Location first = state.entities.putIfAbsent(id, row.where());
    if (first != null) {
      problems.add(
          row.at("id"),
          "id",
          "duplicate entity id '" + id + "' (first on line " + first.line() + ")");
      return;
    }
    Node entity = LoadState.uri(Iris.entity(id));
    state.entityNodes.put(id, entity);
    state.origins.put(entity, row.where());
    String cls = row.get("class");
    Optional<Node> clazz = cls.isEmpty() ? Optional.empty() : state.ontology.clazz(cls);
    if (clazz.isEmpty()) {
      problems.add(
          row.at("class"),
          "class",
          "unknown class '" + cls + "'; expected a class of the ontology, e.g. Person");
    } else if (clazz.get().equals(NG.Claim.asNode()) || clazz.get().equals(NG.Source.asNode())) {
      problems.add(
          row.at("class"),
          "class",
          cls + " records are written by the loader, not declared as entities");
    } else {
      add(entity, RDF.type.asNode(), clazz.get());
      state.entityClasses.put(entity, clazz.get());
    }
    String label = row.get("label");
    if (label.isEmpty()) {
      problems.add(row.at("label"), "label", "an entity needs a label");
    } else {
      add(entity, RDFS.label.asNode(), LoadState.english(label));
    }
    for (String alt : LoadState.split(row.get("alt_labels"))) {
      add(entity, SKOS.altLabel.asNode(), LoadState.english(alt));
    }
    if (!row.get("comment").isEmpty()) {
      add(entity, RDFS.comment.asNode(), LoadState.english(row.get("comment")));
    }
  }

  private void add(Node s, Node p, Node o) {
    state.entityGraph.add(Triple.create(s, p, o));
  }
}
