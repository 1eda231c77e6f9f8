package org.w3id.newsgraph.load;

import java.util.HashSet;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.NG;

/**
 * Reads {@code sources.csv}: one source document a row. Each row becomes the source's record (a
 * small graph that goes into its article's graph) and its page furniture (the lines of its text
 * that are not content), kept in the {@link LoadState} until its facts are read.
 */
final class SourceReader {
  /** The columns of {@code sources.csv}. */
  static final List<String> COLUMNS =
      List.of("id", "title", "publisher", "published", "url", "language", "furniture", "note");

  /** schema:url, in the http namespace the ontology uses (Jena's {@code SchemaDO} is https). */
  private static final Node SCHEMA_URL = LoadState.uri(Iris.SCHEMA + "url");

  private final LoadState state;

  private SourceReader(LoadState state) {
    this.state = state;
  }

  /** Reads the file named by the layout into {@code state}. */
  static void read(LoadState state) {
    new SourceReader(state).read();
  }

  private void read() {
    state.readAll(state.layout.sourcesCsv(), COLUMNS, this::row);
  }

  private void row(CsvTable.Row row) {
    String id = row.get("id");
    if (!state.checkId(row, "id", id)) {
      return;
    }
    if (state.sources.containsKey(id)) {
      state.problems.add(row.at("id"), "id", "duplicate source id '" + id + "'");
      return;
    }
    Node source = LoadState.uri(Iris.source(id));
    state.origins.put(source, row.where());
    Graph record = GraphFactory.createDefaultGraph();
    Adder add = (p, o) -> record.add(Triple.create(source, p, o));
    add.add(RDF.type.asNode(), NG.Source.asNode());
    state
        .requireText(row, "title")
        .ifPresent(t -> add.add(DCTerms.title.asNode(), LoadState.plain(t)));
    state
        .requireText(row, "title")
        .ifPresent(t -> add.add(RDFS.label.asNode(), LoadState.english(t)));
    state.entityRef(row, "publisher", true).ifPresent(p -> add.add(DCTerms.publisher.asNode(), p));
    if (Iris.isValidId(row.get("publisher"))) {
      state.publishers.add(row.get("publisher"));
    }
    state
        .requireText(row, "published")
        .flatMap(d -> state.value(row, "published", DCTerms.issued.asNode(), d))
        .ifPresent(d -> add.add(DCTerms.issued.asNode(), d.asNode()));
    if (!row.get("url").isEmpty() && state.webAddress(row, "url")) {
      state
          .value(row, "url", SCHEMA_URL, row.get("url"))
          .ifPresent(u -> add.add(SCHEMA_URL, u.asNode()));
    }
    state
        .requireText(row, "language")
        .ifPresent(l -> add.add(DCTerms.language.asNode(), LoadState.plain(l)));
    if (!row.get("note").isEmpty()) {
      add.add(RDFS.comment.asNode(), LoadState.english(row.get("note")));
    }
    state.sources.put(
        id,
        new LoadState.SourceRow(
            record, new HashSet<>(LoadState.split(row.raw("furniture"))), row.where()));
  }

  /** Adds a triple about the source of the row. */
  @FunctionalInterface
  private interface Adder {
    void add(Node property, Node object);
  }
}
