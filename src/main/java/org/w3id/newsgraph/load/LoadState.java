package org.w3id.newsgraph.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.newsgraph.model.Iris;

/**
 * What the readers of one load share: the inputs and the report, the ontology, and what each input
 * file leaves for the others (the entity index, the sources, the links, the articles read). Each
 * reader ({@link EntityReader}, {@link SourceReader}, {@link LinkReader}, {@link FactReader}) owns
 * its file and its columns and writes here what later files are checked against; the field checks
 * every file uses (ids, entity references, required text, typed values, web addresses) live here
 * too, so that they say the same thing whichever file they find a problem in.
 */
final class LoadState {
  /** A row of {@code sources.csv}: its triples (the article's record) and its page furniture. */
  record SourceRow(Graph record, Set<String> furniture, Location where) {}

  final Layout layout;
  final Problems problems;
  final Graph ontologyGraph;
  final OntologyIndex ontology;

  /** The entities' triples (their classes and labels): the graph {@link Iris#ENTITIES_GRAPH}. */
  final Graph entityGraph = GraphFactory.createDefaultGraph();

  /** The links' triples: the graph {@link Iris#LINKS_GRAPH}. */
  final Graph linkGraph = GraphFactory.createDefaultGraph();

  /** Where entities, sources and links were declared (kept for the whole load). */
  final Map<Node, Location> origins = new HashMap<>();

  /** Where each {@code skos:exactMatch} of the links was declared. */
  final Map<Triple, Location> linkOrigins = new HashMap<>();

  /** The entity index: every entity id with the row that declared it. */
  final Map<String, Location> entities = new HashMap<>();

  /** Every entity's node by its id (one node per entity, shared by every triple naming it). */
  final Map<String, Node> entityNodes = new HashMap<>();

  /** Every entity with a known class, with that class. */
  final Map<Node, Node> entityClasses = new HashMap<>();

  /** The entity ids some fact (or a reused article) uses. */
  final Set<String> usedEntities = new HashSet<>();

  /** The entity ids that publish a source (used, though no fact needs to name them). */
  final Set<String> publishers = new HashSet<>();

  /** The sources by id, in file order. */
  final Map<String, SourceRow> sources = new LinkedHashMap<>();

  /** The articles read in this load, with the entity ids their facts use. */
  final Map<String, Set<String>> loaded = new LinkedHashMap<>();

  /** How many fact rows were read. */
  long facts;

  /**
   * Whether every file whose rows others depend on was read in full. When one was not (a file
   * unreadable, empty, not UTF-8, with a wrong header), its problem is the one root cause to
   * report: the checks that would follow from it (unknown entity ids, unused entities) are left
   * out.
   */
  boolean complete = true;

  LoadState(Layout layout, Problems problems, Graph ontologyGraph, OntologyIndex ontology) {
    this.layout = layout;
    this.problems = problems;
    this.ontologyGraph = ontologyGraph;
    this.ontology = ontology;
  }

  /**
   * Reads a CSV file of the project with {@link CsvTable}; a file that cannot be read as a whole,
   * or that has a header and no rows, makes the run {@link #complete incomplete}.
   */
  void readAll(Path file, List<String> columns, Consumer<CsvTable.Row> action) {
    long rows = CsvTable.read(file, shown(file), columns, problems, action);
    if (rows == 0) {
      problems.add(
          new Location(shown(file), 1, 0), null, "the file has a header but no rows; add rows");
    }
    if (rows <= 0) {
      complete = false;
    }
  }

  // ---- checks of one field, shared by the readers

  /** Whether {@code id} (the field {@code column}) can be part of an IRI; reports it if not. */
  boolean checkId(CsvTable.Row row, String column, String id) {
    if (Iris.isValidId(id)) {
      return true;
    }
    problems.add(
        row.at(column),
        column,
        id.isEmpty()
            ? "required: an id"
            : "'"
                + id
                + "' cannot be part of an IRI; ids are lower-case ASCII words joined by hyphens, e.g. imran-khan");
    return false;
  }

  /** The entity the field {@code column} names: a valid id declared in {@code entities.csv}. */
  Optional<Node> entityRef(CsvTable.Row row, String column, boolean required) {
    String id = row.get(column);
    if (id.isEmpty()) {
      if (required) {
        problems.add(row.at(column), column, "required: an entity id");
      }
      return Optional.empty();
    }
    Node entity = entityNodes.get(id);
    if (entity != null) {
      return Optional.of(entity); // declared, so a valid id
    }
    if (checkId(row, column, id)) {
      problems.add(row.at(column), column, unknownEntity(id));
    }
    return Optional.empty();
  }

  /** The message for an entity id that {@code entities.csv} does not declare. */
  String unknownEntity(String id) {
    return "unknown entity id '" + id + "'; declare it in " + shown(layout.entitiesCsv());
  }

  /** The value {@code text} of {@code property}, as its range says to write it. */
  Optional<Literal> value(CsvTable.Row row, String column, Node property, String text) {
    try {
      return Optional.of(ontology.literal(property, text));
    } catch (IllegalArgumentException e) {
      problems.add(row.at(column), column, e.getMessage());
      return Optional.empty();
    }
  }

  /** The field's text; reported when empty. */
  Optional<String> requireText(CsvTable.Row row, String column) {
    String text = row.get(column);
    if (text.isEmpty()) {
      problems.add(row.at(column), column, "required");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** Whether the field is an http or https URL; reports it if not. */
  boolean webAddress(CsvTable.Row row, String column) {
    if (isWebAddress(row.get(column))) {
      return true;
    }
    problems.add(
        row.at(column),
        column,
        "'" + row.get(column) + "' is not a web address; expected an http or https URL");
    return false;
  }

  private static boolean isWebAddress(String text) {
    try {
      URI u = new URI(text);
      return u.isAbsolute()
          && ("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
          && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  // ---- small helpers

  /** The parts of a {@code |}-separated list, stripped, without the blank ones. */
  static List<String> split(String list) {
    List<String> out = new ArrayList<>();
    for (String part : list.split("\\|")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  static Node english(String text) {
    return NodeFactory.createLiteralLang(text, "en");
  }

  static Node plain(String text) {
    return NodeFactory.createLiteralString(text);
  }

  static Node typed(long number, XSDDatatype type) {
    return NodeFactory.createLiteralDT(Long.toString(number), type);
  }

  /** A path as the user is shown it: relative to the working directory when it is inside it. */
  static String shown(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : path.toString();
  }
}
