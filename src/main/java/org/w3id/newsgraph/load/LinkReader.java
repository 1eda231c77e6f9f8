package org.w3id.newsgraph.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.LinkMethod;
import org.w3id.newsgraph.model.LinkSource;
import org.w3id.newsgraph.model.LinkStatus;
import org.w3id.newsgraph.model.NG;
import org.w3id.newsgraph.model.Names;
import org.w3id.newsgraph.model.PROV;
import org.w3id.newsgraph.util.SpreadsheetCell;

/**
 * Reads {@code wikidata-links.csv} (optional): the links of entities to Wikidata items. Every row
 * is checked; confirmed and auto rows become {@code ngr:<id> skos:exactMatch wd:Q...} plus a {@code
 * ng:WikidataLink} record with their provenance, in the links' graph of the {@link LoadState}.
 * Review and rejected rows are checked but stay out of the graph.
 */
final class LinkReader {
  /** The columns of {@code wikidata-links.csv}. */
  static final List<String> COLUMNS =
      List.of(
          "entity",
          "qid",
          "label",
          "description",
          "score",
          "method",
          "status",
          "checked",
          "source",
          "note");

  /** The syntax of a Wikidata item id. */
  private static final Node SKOS_EXACT_MATCH = LoadState.uri(SKOS.exactMatch.getURI());

  private static final Node PROV_DERIVED = PROV.wasDerivedFrom.asNode();

  private final LoadState state;
  private final Problems problems;

  /** Each entity and QID pair, with the line it is first on. */
  private final Map<String, Long> pairs = new HashMap<>();

  /** Each entity with a link in the graph, with the line of that link. */
  private final Map<String, Long> linked = new HashMap<>();

  private LinkReader(LoadState state) {
    this.state = state;
    this.problems = state.problems;
  }

  /** Reads the file named by the layout into {@code state}, if there is one. */
  static void read(LoadState state) {
    Path file = state.layout.linksCsv();
    if (!Files.exists(file)) {
      return;
    }
    LinkReader reader = new LinkReader(state);
    CsvTable.read(file, LoadState.shown(file), COLUMNS, state.problems, reader::row);
  }

  private void row(CsvTable.Row row) {
    String entityId = row.get("entity");
    boolean entityOk = state.checkId(row, "entity", entityId);
    if (entityOk && !state.entities.containsKey(entityId)) {
      problems.add(row.at("entity"), "entity", state.unknownEntity(entityId));
      entityOk = false;
    }
    String qid = row.get("qid");
    boolean qidOk = Iris.isWikidataItem(qid);
    if (!qidOk) {
      problems.add(
          row.at("qid"),
          "qid",
          qid.isEmpty()
              ? "required: a Wikidata item id, e.g. Q843"
              : "'" + qid + "' is not a Wikidata item id; expected Q and digits, e.g. Q843");
    }
    Optional<LinkStatus> status = LinkStatus.fromToken(row.get("status"));
    boolean statusOk = status.isPresent();
    if (!statusOk) {
      problems.add(
          row.at("status"),
          "status",
          "unknown status '"
              + row.get("status")
              + "'; expected one of "
              + Names.list(LinkStatus.class));
    }
    String method = row.get("method");
    if (LinkMethod.fromToken(method).isEmpty()) {
      problems.add(
          row.at("method"),
          "method",
          "unknown method '" + method + "'; expected one of " + Names.list(LinkMethod.class));
    }
    boolean inGraph = status.map(LinkStatus::inGraph).orElse(false);
    String score = row.get("score");
    Optional<Node> scoreNode = Optional.empty();
    if (!score.isEmpty()) {
      if (score.matches("[0-9]{1,3}") && Integer.parseInt(score) <= 100) {
        scoreNode =
            Optional.of(
                NodeFactory.createLiteralDT(
                    Integer.toString(Integer.parseInt(score)), XSDDatatype.XSDnonNegativeInteger));
      } else {
        problems.add(
            row.at("score"),
            "score",
            "'" + score + "' is not a score; expected a whole number from 0 to 100");
      }
    }
    String checked = row.get("checked");
    Optional<Node> checkedNode = Optional.empty();
    try {
      LocalDate.parse(checked);
      checkedNode = Optional.of(NodeFactory.createLiteralDT(checked, XSDDatatype.XSDdate));
    } catch (DateTimeParseException e) {
      problems.add(
          row.at("checked"),
          "checked",
          checked.isEmpty()
              ? "required: the day the link was last checked, YYYY-MM-DD"
              : "'" + checked + "' is not a date; expected YYYY-MM-DD");
    }
    String source = row.get("source");
    Optional<Node> sourceNode = Optional.empty();
    if (source.isEmpty()) {
      if (inGraph) {
        problems.add(
            row.at("source"),
            "source",
            status.get() == LinkStatus.CONFIRMED
                ? "a confirmed link needs its source: the URL of a page that shows this QID for"
                    + " this entity"
                : "an auto link needs its source: the SPARQL endpoint it was found at");
      }
    } else if (state.webAddress(row, "source")) {
      sourceNode = Optional.of(LoadState.uri(source));
      if (status.orElse(null) == LinkStatus.CONFIRMED && LinkSource.isCandidateSearch(source)) {
        problems.add(
            row.at("source"),
            "source",
            "a confirmed link cites the page that was checked, not the candidate search '"
                + source
                + "'; put the URL of a page that shows "
                + qid
                + " for this entity, e.g. "
                + Iris.WIKIDATA_PAGE
                + qid);
      }
    }
    if (entityOk && qidOk) {
      Long first = pairs.putIfAbsent(entityId + " " + qid, row.where().line());
      if (first != null) {
        problems.add(
            row.where(),
            null,
            "entity '" + entityId + "' and " + qid + " are already on line " + first);
        return;
      }
    }
    if (entityOk && inGraph) {
      Long first = linked.putIfAbsent(entityId, row.where().line());
      if (first != null) {
        problems.add(
            row.at("status"),
            "status",
            "entity '"
                + entityId
                + "' already has a confirmed or auto link on line "
                + first
                + "; an entity is linked to at most one Wikidata item");
        return;
      }
    }
    if (!entityOk || !qidOk || !statusOk || !inGraph || checkedNode.isEmpty()) {
      return;
    }
    Node entity = LoadState.uri(Iris.entity(entityId));
    Node item = LoadState.uri(Iris.wikidata(qid));
    Node link = LoadState.uri(Iris.link(entityId, qid));
    state.origins.put(link, row.where());
    Triple match = Triple.create(entity, SKOS_EXACT_MATCH, item);
    state.linkGraph.add(match);
    state.linkOrigins.putIfAbsent(match, row.where());
    add(link, RDF.type.asNode(), NG.WikidataLink.asNode());
    add(link, NG.linkedEntity.asNode(), entity);
    add(link, NG.wikidataItem.asNode(), item);
    add(link, NG.linkStatus.asNode(), status.get().resource().asNode());
    add(link, NG.linkMethod.asNode(), LoadState.plain(method));
    add(link, NG.checked.asNode(), checkedNode.get());
    scoreNode.ifPresent(n -> add(link, NG.linkScore.asNode(), n));
    sourceNode.ifPresent(n -> add(link, PROV_DERIVED, n));
    // The linker neutralises cells a spreadsheet would run as formulas; read back their values.
    String label = SpreadsheetCell.decode(row.get("label"));
    String description = SpreadsheetCell.decode(row.get("description"));
    String note = SpreadsheetCell.decode(row.get("note"));
    if (!label.isEmpty()) {
      add(link, NG.wikidataLabel.asNode(), LoadState.plain(label));
    }
    if (!description.isEmpty()) {
      add(link, NG.wikidataDescription.asNode(), LoadState.plain(description));
    }
    if (!note.isEmpty()) {
      add(link, RDFS.comment.asNode(), LoadState.english(note));
    }
  }

  private void add(Node s, Node p, Node o) {
    state.linkGraph.add(Triple.create(s, p, o));
  }
}
