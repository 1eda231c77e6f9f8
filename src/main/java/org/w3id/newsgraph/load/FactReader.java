package org.w3id.newsgraph.load;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.NG;
import org.w3id.newsgraph.model.Names;
import org.w3id.newsgraph.model.PROV;
import org.w3id.newsgraph.model.Stance;

/**
 * Reads one article: {@code facts/<source>.csv}, each row a claim of the source, with its quote
 * looked up in {@code sources/<source>.txt}. Checks every row against the entity index and the
 * ontology (ids, classes of the subject and object, values, stance, speaker, quote, dates) and
 * builds the article's graph: the source's record, one claim record a row, and the facts the source
 * asserts. Holds one article at a time; what it leaves in the {@link LoadState} is the count of
 * facts and the entities they use.
 */
final class FactReader {
  /** The columns of {@code facts/<source>.csv}. */
  static final List<String> COLUMNS =
      List.of(
          "id",
          "subject",
          "property",
          "object",
          "value",
          "stance",
          "by",
          "quote",
          "occasion",
          "valid_from",
          "valid_until",
          "valid_at",
          "inferred");

  private static final Node PROV_ATTRIBUTED = PROV.wasAttributedTo.asNode();
  private static final Node PROV_DERIVED = PROV.wasDerivedFrom.asNode();

  /**
   * What one article's file gave.
   *
   * @param graph the article's triples: its source's record, its claims, the facts it asserts
   * @param origins where its claims (and its source) were declared
   * @param tripleOrigins the row of each fact it asserts
   * @param entities the entity ids its facts (and its publisher) use
   * @param facts how many fact rows it had
   */
  record Article(
      Graph graph,
      Map<Node, Location> origins,
      Map<Triple, Location> tripleOrigins,
      Set<String> entities,
      long facts) {}

  private final LoadState state;
  private final Problems problems;
  private final OntologyIndex ontology;
  private final String sourceId;
  private final Node source;
  private final SourceText text;
  private final Graph current = GraphFactory.createDefaultGraph();
  private final Map<Node, Location> articleOrigins = new HashMap<>();
  private final Map<Triple, Location> tripleOrigins = new HashMap<>();
  private final Set<String> articleEntities = new HashSet<>();
  private final Set<String> ids = new HashSet<>();
  private final Map<List<Object>, Long> contents = new HashMap<>();

  private FactReader(LoadState state, String sourceId, SourceText text) {
    this.state = state;
    this.problems = state.problems;
    this.ontology = state.ontology;
    this.sourceId = sourceId;
    this.source = LoadState.uri(Iris.source(sourceId));
    this.text = text;
  }

  /**
   * Reads the article of source {@code sourceId}: its text, then its facts {@code file}. Adds its
   * fact count to {@code state}.
   *
   * @return the article, or empty when its text cannot be read (reported, and the load {@link
   *     LoadState#complete incomplete})
   */
  static Optional<Article> read(LoadState state, Path file, String sourceId) {
    LoadState.SourceRow source = state.sources.get(sourceId);
    Optional<SourceText> text = sourceText(state, sourceId, source);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new FactReader(state, sourceId, text.get()).read(file, source));
  }

  /** The text of a source, read when its facts are (one at a time); empty if it cannot be. */
  private static Optional<SourceText> sourceText(
      LoadState state, String id, LoadState.SourceRow row) {
    Path textFile = state.layout.sourceText(id);
    Optional<String> text = EncodingCheck.read(textFile, LoadState.shown(textFile), state.problems);
    if (text.isEmpty()) {
      state.complete = false;
    }
    return text.map(t -> SourceText.of(t, row.furniture()));
  }

  private Article read(Path file, LoadState.SourceRow source) {
    source.record().find().forEachRemaining(current::add);
    // The publisher counts as used: its class is checked with the article (SHACL on the source).
    source
        .record()
        .find(Node.ANY, DCTerms.publisher.asNode(), Node.ANY)
        .forEachRemaining(
            t -> articleEntities.add(t.getObject().getURI().substring(Iris.ENTITY.length())));
    articleOrigins.put(this.source, source.where());
    state.readAll(file, COLUMNS, this::readFact);
    state.facts += ids.size();
    return new Article(current, articleOrigins, tripleOrigins, articleEntities, ids.size());
  }

  private void readFact(CsvTable.Row row) {
    if (problems.full()) {
      return;
    }
    String id = row.get("id");
    if (!state.checkId(row, "id", id)) {
      return;
    }
    if (!ids.add(id)) {
      problems.add(row.at("id"), "id", "duplicate fact id '" + id + "' in this file");
      return;
    }
    Node claim = LoadState.uri(Iris.fact(sourceId, id));
    articleOrigins.put(claim, row.where());
    Optional<Node> subject = entityRef(row, "subject", true);
    Optional<Node> property = property(row);
    Optional<Node> object = property.flatMap(p -> objectOrValue(row, p));
    if (subject.isPresent() && property.isPresent()) {
      checkClasses(row, "subject", subject.get(), property.get(), "domain");
    }
    if (object.isPresent() && object.get().isURI()) {
      checkClasses(row, "object", object.get(), property.get(), "range");
    }
    Optional<Stance> stance = Stance.fromToken(row.get("stance"));
    if (stance.isEmpty()) {
      problems.add(
          row.at("stance"),
          "stance",
          "unknown stance '"
              + row.get("stance")
              + "'; expected one of "
              + Names.list(Stance.class));
    }
    Optional<Node> by = entityRef(row, "by", true);
    Optional<Node> occasion = entityRef(row, "occasion", false);
    Optional<SourceText.Match> match = quote(row);
    Map<Node, Literal> qualifiers = new LinkedHashMap<>();
    qualifier(row, "valid_from", NG.validFrom.asNode(), qualifiers);
    qualifier(row, "valid_until", NG.validUntil.asNode(), qualifiers);
    qualifier(row, "valid_at", NG.validAt.asNode(), qualifiers);
    if (qualifiers.containsKey(NG.validFrom.asNode())
        && qualifiers.containsKey(NG.validUntil.asNode())
        && startsAfter(row.get("valid_from"), row.get("valid_until"))) {
      problems.add(
          row.at("valid_from"),
          "valid_from",
          "valid_from "
              + row.get("valid_from")
              + " is after valid_until "
              + row.get("valid_until")
              + "; swap them or fix one");
      return;
    }
    if (subject.isPresent()
        && object.isPresent()
        && subject.get().equals(object.get())
        && ontology.isIrreflexive(property.get())) {
      problems.add(
          row.at("object"),
          "object",
          "'"
              + row.get("object")
              + "' "
              + row.get("property")
              + " itself: "
              + row.get("property")
              + " never links a thing to itself");
      return;
    }
    if (subject.isEmpty()
        || object.isEmpty()
        || stance.isEmpty()
        || by.isEmpty()
        || match.isEmpty()) {
      return;
    }
    Node s = subject.get();
    Node p = property.get();
    Node o = object.get();
    List<Object> key = List.of(s, p, o, stance.get(), by.get(), match.get());
    Long firstLine = contents.putIfAbsent(key, row.where().line());
    if (firstLine != null) {
      problems.add(
          row.where(),
          null,
          "the same fact with the same stance, speaker and quote is on line "
              + firstLine
              + "; record a fact once");
      return;
    }
    add(claim, RDF.type.asNode(), NG.Claim.asNode());
    add(claim, NG.claimSubject.asNode(), s);
    add(claim, NG.claimProperty.asNode(), p);
    add(claim, o.isLiteral() ? NG.claimValue.asNode() : NG.claimObject.asNode(), o);
    add(claim, NG.stance.asNode(), stance.get().resource().asNode());
    add(claim, PROV_ATTRIBUTED, by.get());
    add(claim, PROV_DERIVED, source);
    add(claim, NG.quote.asNode(), LoadState.plain(row.raw("quote")));
    add(
        claim,
        NG.quoteOffset.asNode(),
        LoadState.typed(match.get().offset(), XSDDatatype.XSDnonNegativeInteger));
    add(
        claim,
        NG.paragraph.asNode(),
        LoadState.typed(match.get().paragraph(), XSDDatatype.XSDpositiveInteger));
    occasion.ifPresent(occ -> add(claim, NG.occasion.asNode(), occ));
    qualifiers.forEach((q, lit) -> add(claim, q, lit.asNode()));
    if (!row.get("inferred").isEmpty()) {
      add(claim, NG.inferenceNote.asNode(), LoadState.plain(row.get("inferred")));
    }
    if (stance.get().asserted()) {
      Triple fact = Triple.create(s, p, o);
      current.add(fact);
      tripleOrigins.putIfAbsent(fact, row.where());
    }
  }

  /**
   * Whether the partial date {@code from} (YYYY, YYYY-MM, YYYY-MM-DD) starts after {@code until}
   * ends.
   */
  private static boolean startsAfter(String from, String until) {
    int n = Math.min(from.length(), until.length());
    return from.substring(0, n).compareTo(until.substring(0, n)) > 0;
  }

  /**
   * Checks that {@code node} (the subject or object of a fact) belongs to every class of the
   * property's domain (or range), whatever the fact's stance: a denied fact must still make sense.
   */
  private void checkClasses(
      CsvTable.Row row, String column, Node node, Node property, String which) {
    List<Node> required =
        which.equals("domain") ? ontology.domains(property) : ontology.ranges(property);
    if (required.isEmpty()) {
      return;
    }
    Node known = state.entityClasses.get(node);
    List<Node> types = known != null ? List.of(known) : ontology.typesOf(node);
    if (types.isEmpty()) {
      return; // an entity of an unknown class, reported already
    }
    for (Node cls : required) {
      if (!anySubClassOf(types, cls)) {
        problems.add(
            row.at(column),
            column,
            "'"
                + row.get(column)
                + "' is "
                + withArticle(types.get(0).getLocalName())
                + ", but "
                + property.getLocalName()
                + " needs "
                + withArticle(cls.getLocalName())
                + " here (its "
                + which
                + ")");
        return;
      }
    }
  }

  private boolean anySubClassOf(List<Node> types, Node cls) {
    for (Node type : types) {
      if (ontology.isSubClassOf(type, cls)) {
        return true;
      }
    }
    return false;
  }

  private static String withArticle(String noun) {
    return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  /** The object of a fact: an entity for an object property, a typed literal for a datatype one. */
  private Optional<Node> objectOrValue(CsvTable.Row row, Node property) {
    String local = row.get("property");
    boolean objectProperty = ontology.isObjectProperty(local);
    String objectText = row.get("object");
    String valueText = row.raw("value");
    if (objectProperty && !valueText.isEmpty()) {
      problems.add(
          row.at("value"),
          "value",
          local + " is an object property: give an entity id in 'object', not a 'value'");
      return Optional.empty();
    }
    if (!objectProperty && !objectText.isEmpty()) {
      problems.add(
          row.at("object"),
          "object",
          local + " is a datatype property: give a 'value', not an 'object'");
      return Optional.empty();
    }
    if (objectProperty) {
      return objectRef(row);
    }
    if (valueText.isEmpty()) {
      problems.add(row.at("value"), "value", local + " needs a value");
      return Optional.empty();
    }
    return state.value(row, "value", property, valueText).map(Literal::asNode);
  }

  private Optional<SourceText.Match> quote(CsvTable.Row row) {
    String quote = row.raw("quote");
    if (quote.isBlank()) {
      problems.add(
          row.at("quote"), "quote", "every fact needs the verbatim sentence it comes from");
      return Optional.empty();
    }
    Optional<SourceText.Match> match = text.find(quote);
    if (match.isEmpty()) {
      problems.add(row.at("quote"), "quote", text.explainMiss(quote));
    } else if (!match.get().wholeSentence()) {
      problems.add(
          row.at("quote"),
          "quote",
          "found, but not as a whole sentence (paragraph "
              + match.get().paragraph()
              + "); quote the whole sentence the fact comes from");
      return Optional.empty();
    }
    return match;
  }

  private void qualifier(CsvTable.Row row, String column, Node property, Map<Node, Literal> into) {
    String text = row.get(column);
    if (!text.isEmpty()) {
      state.value(row, column, property, text).ifPresent(l -> into.put(property, l));
    }
  }

  private Optional<Node> property(CsvTable.Row row) {
    String local = row.get("property");
    if (local.isEmpty()) {
      problems.add(row.at("property"), "property", "a fact needs a property");
      return Optional.empty();
    }
    if (!ontology.isObjectProperty(local) && !ontology.isDatatypeProperty(local)) {
      problems.add(
          row.at("property"),
          "property",
          "unknown property '"
              + local
              + "'; expected an object or datatype property of the ontology, e.g. leads");
      return Optional.empty();
    }
    if (ontology.isReserved(local)) {
      problems.add(
          row.at("property"),
          "property",
          local + " belongs to the claim record the loader writes; it cannot be a fact");
      return Optional.empty();
    }
    return Optional.of(ontology.node(local));
  }

  /**
   * An object: an entity id, or the local name of an individual of the ontology (e.g. a status).
   */
  private Optional<Node> objectRef(CsvTable.Row row) {
    String id = row.get("object");
    if (id.isEmpty()) {
      problems.add(
          row.at("object"), "object", row.get("property") + " needs an object (an entity id)");
      return Optional.empty();
    }
    if (!state.entities.containsKey(id)) {
      Optional<Node> individual = ontology.individual(id);
      if (individual.isPresent()) {
        return individual;
      }
    }
    return entityRef(row, "object", true);
  }

  /** An entity the row names (see {@link LoadState#entityRef}), counted as used by this article. */
  private Optional<Node> entityRef(CsvTable.Row row, String column, boolean required) {
    Optional<Node> entity = state.entityRef(row, column, required);
    entity.ifPresent(e -> articleEntities.add(row.get(column)));
    return entity;
  }

  private void add(Node s, Node p, Node o) {
    current.add(Triple.create(s, p, o));
  }
}
