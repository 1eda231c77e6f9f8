package org.w3id.newsgraph.load;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.LinkMethod;
import org.w3id.newsgraph.model.LinkSource;
import org.w3id.newsgraph.model.LinkStatus;
import org.w3id.newsgraph.model.NG;
import org.w3id.newsgraph.model.Names;
import org.w3id.newsgraph.model.Stance;
import org.w3id.newsgraph.util.InputFile;
import org.w3id.newsgraph.util.SpreadsheetCell;

/**
 * Maps the CSV files of a {@link Layout} onto the ontology, streaming: the entities and the links
 * (shared by all articles) stay in memory; each article's facts are read, checked and validated
 * into a graph of their own, handed to a {@link GraphSink} and forgotten. Collects every problem
 * (up to the limit; past it, it stops checking) and throws them at the end: a load with a problem
 * never succeeds, and whoever gave the sink discards what it took.
 */
public final class GraphLoader {
  /** Columns of {@code sources.csv}. */
  public static final List<String> SOURCE_COLUMNS =
      List.of("id", "title", "publisher", "published", "url", "language", "furniture", "note");

  /** Columns of {@code entities.csv}. */
  public static final List<String> ENTITY_COLUMNS =
      List.of("id", "class", "label", "alt_labels", "comment");

  /** Columns of {@code facts/<source>.csv}. */
  public static final List<String> FACT_COLUMNS =
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

  /** Columns of {@code wikidata-links.csv}. */
  public static final List<String> LINK_COLUMNS =
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

  /** The syntax of a Wikidata item id in {@code wikidata-links.csv}. */
  public static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");

  private static final Node SKOS_EXACT_MATCH = uri(SKOS.exactMatch.getURI());
  private static final Node PROV_ATTRIBUTED = uri("http://www.w3.org/ns/prov#wasAttributedTo");
  private static final Node PROV_DERIVED = uri("http://www.w3.org/ns/prov#wasDerivedFrom");
  private static final Node SCHEMA_URL = uri("http://schema.org/url");

  /** A row of {@code sources.csv}: its triples (the article's record) and its page furniture. */
  private record SourceRow(Graph record, Set<String> furniture, Location where) {}

  private final Layout layout;
  private final Problems problems;
  private final LoadPlan plan;
  private final GraphSink sink;
  private final LoadListener listener;
  private final Graph entityGraph = GraphFactory.createDefaultGraph();
  private final Graph linkGraph = GraphFactory.createDefaultGraph();

  /** Where {@link #add} writes: the entities, a source's record, an article, or the links. */
  private Graph current = entityGraph;

  /** Where entities, sources and links were declared (kept for the whole load). */
  private final Map<Node, Location> origins = new HashMap<>();

  /** Where an article's claims and facts come from (one article at a time). */
  private Map<Node, Location> articleOrigins = new HashMap<>();

  private Map<Triple, Location> tripleOrigins = new HashMap<>();
  private final Map<Triple, Location> linkOrigins = new HashMap<>();
  private final Map<String, Location> entities = new HashMap<>();
  private final Map<Node, Node> entityClasses = new HashMap<>();
  private final Set<String> usedEntities = new HashSet<>();
  private final Set<String> publishers = new HashSet<>();
  private final Map<String, SourceRow> sources = new LinkedHashMap<>();
  private final Map<String, Set<String>> loaded = new LinkedHashMap<>();
  private Set<String> articleEntities = new HashSet<>();
  private long facts;
  private OntologyIndex ontology;
  private Graph ontologyGraph;
  private Shapes shapes;
  private Shapes articleShapes;

  /**
   * Whether every file whose rows others depend on was read in full. When one was not (a file
   * unreadable, empty, not UTF-8, with a wrong header), its problem is the one root cause to
   * report: the checks that would follow from it (unknown entity ids, unused entities) are left
   * out.
   */
  private boolean complete = true;

  private GraphLoader(
      Layout layout, int limit, LoadPlan plan, GraphSink sink, LoadListener listener) {
    this.layout = layout;
    this.problems = new Problems(limit);
    this.plan = plan;
    this.sink = sink;
    this.listener = listener;
  }

  /**
   * Loads and validates everything.
   *
   * @param layout where the inputs are
   * @param limit the most problems to report
   * @return the loaded graph
   * @throws LoadException listing every problem, when there is any
   */
  public static LoadedGraph load(Layout layout, int limit) {
    Graph data = GraphFactory.createDefaultGraph();
    LoadResult result =
        stream(
            layout,
            limit,
            LoadPlan.ALL,
            (iri, triples) -> triples.find().forEachRemaining(data::add),
            LoadListener.NONE);
    return new LoadedGraph(result.ontology(), data);
  }

  /**
   * Loads and validates {@code layout} one article at a time, handing each validated named graph to
   * {@code sink}: every article's graph ({@link Iris#sourceGraph}) as it is read, then the entities
   * ({@link Iris#ENTITIES_GRAPH}) and the links ({@link Iris#LINKS_GRAPH}, possibly empty).
   *
   * @param plan the unchanged articles to skip
   * @throws LoadException listing every problem, when there is any (the sink may have taken some
   *     graphs by then)
   */
  public static LoadResult stream(
      Layout layout, int limit, LoadPlan plan, GraphSink sink, LoadListener listener) {
    return new GraphLoader(layout, limit, plan, sink, listener).run();
  }

  private LoadResult run() {
    ontologyGraph = RdfFiles.readTurtle(layout.ontology(), shown(layout.ontology()), problems);
    Graph shapesGraph = RdfFiles.readTurtle(layout.shapes(), shown(layout.shapes()), problems);
    problems.throwIfAny();
    ontology = new OntologyIndex(ontologyGraph);
    if (ontology.clazz("Person").isEmpty()) {
      problems.add(
          Location.of(shown(layout.ontology())),
          null,
          "declares no class ng:Person: it is empty or not the NewsGraph ontology");
      problems.throwIfAny();
    }
    shapes = ShaclCheck.parse(shapesGraph, shown(layout.shapes()), problems);
    problems.throwIfAny();
    articleShapes = ShaclCheck.forArticles(shapesGraph);
    readEntities();
    if (!complete) {
      problems.throwIfAny();
    }
    readSources();
    if (!complete) {
      problems.throwIfAny();
    }
    current = linkGraph;
    readLinks();
    // The entities and links once, against every shape that targets them; articles come next.
    if (problems.isEmpty()) {
      ShaclCheck.validate(
          shapes,
          new MultiUnion(new Graph[] {ontologyGraph, entityGraph, linkGraph}),
          origins::get,
          linkOrigins::get,
          problems);
    }
    readFactFiles();
    if (complete) {
      reportUnusedEntities();
    }
    problems.throwIfAny();
    sink.graph(Iris.ENTITIES_GRAPH, entityGraph);
    sink.graph(Iris.LINKS_GRAPH, linkGraph); // even empty: a store then drops its old links
    Map<String, String> classes = new java.util.TreeMap<>();
    entityClasses.forEach(
        (e, c) -> classes.put(e.getURI().substring(Iris.ENTITY.length()), c.getURI()));
    return new LoadResult(ontologyGraph, List.copyOf(sources.keySet()), loaded, classes, facts);
  }

  // ---- entities.csv

  private void readEntities() {
    Path file = layout.entitiesCsv();
    String shown = shown(file);
    readAll(
        file,
        ENTITY_COLUMNS,
        row -> {
          String id = row.get("id");
          if (!checkId(row, "id", id)) {
            return;
          }
          Location first = entities.putIfAbsent(id, row.where());
          if (first != null) {
            problems.add(
                row.at("id"),
                "id",
                "duplicate entity id '" + id + "' (first on line " + first.line() + ")");
            return;
          }
          Node entity = uri(Iris.entity(id));
          origins.put(entity, row.where());
          String cls = row.get("class");
          Optional<Node> clazz = cls.isEmpty() ? Optional.empty() : ontology.clazz(cls);
          if (clazz.isEmpty()) {
            problems.add(
                row.at("class"),
                "class",
                "unknown class '" + cls + "'; expected a class of the ontology, e.g. Person");
          } else if (clazz.get().equals(NG.Claim.asNode())
              || clazz.get().equals(NG.Source.asNode())) {
            problems.add(
                row.at("class"),
                "class",
                cls + " records are written by the loader, not declared as entities");
          } else {
            add(entity, RDF.type.asNode(), clazz.get());
            entityClasses.put(entity, clazz.get());
          }
          String label = row.get("label");
          if (label.isEmpty()) {
            problems.add(row.at("label"), "label", "an entity needs a label");
          } else {
            add(entity, RDFS.label.asNode(), english(label));
          }
          for (String alt : split(row.get("alt_labels"))) {
            add(entity, SKOS.altLabel.asNode(), english(alt));
          }
          if (!row.get("comment").isEmpty()) {
            add(entity, RDFS.comment.asNode(), english(row.get("comment")));
          }
        });
  }

  // ---- sources.csv

  private void readSources() {
    Path file = layout.sourcesCsv();
    readAll(
        file,
        SOURCE_COLUMNS,
        row -> {
          String id = row.get("id");
          if (!checkId(row, "id", id)) {
            return;
          }
          if (sources.containsKey(id)) {
            problems.add(row.at("id"), "id", "duplicate source id '" + id + "'");
            return;
          }
          Node source = uri(Iris.source(id));
          origins.put(source, row.where());
          current = GraphFactory.createDefaultGraph();
          add(source, RDF.type.asNode(), NG.Source.asNode());
          requireText(row, "title").ifPresent(t -> add(source, DCTerms.title.asNode(), plain(t)));
          requireText(row, "title").ifPresent(t -> add(source, RDFS.label.asNode(), english(t)));
          entityRef(row, "publisher", true)
              .ifPresent(p -> add(source, DCTerms.publisher.asNode(), p));
          if (Iris.isValidId(row.get("publisher"))) {
            publishers.add(row.get("publisher"));
          }
          requireText(row, "published")
              .flatMap(d -> value(row, "published", DCTerms.issued.asNode(), d))
              .ifPresent(d -> add(source, DCTerms.issued.asNode(), d.asNode()));
          if (!row.get("url").isEmpty() && webAddress(row, "url")) {
            value(row, "url", SCHEMA_URL, row.get("url"))
                .ifPresent(u -> add(source, SCHEMA_URL, u.asNode()));
          }
          requireText(row, "language")
              .ifPresent(l -> add(source, DCTerms.language.asNode(), plain(l)));
          if (!row.get("note").isEmpty()) {
            add(source, RDFS.comment.asNode(), english(row.get("note")));
          }
          sources.put(
              id, new SourceRow(current, new HashSet<>(split(row.raw("furniture"))), row.where()));
        });
  }

  /** The text of a source, read when its facts are (one at a time); empty if it cannot be. */
  private Optional<SourceText> sourceText(String id, SourceRow row) {
    Path textFile = layout.sourceText(id);
    if (!EncodingCheck.check(textFile, shown(textFile), problems)) {
      complete = false;
      return Optional.empty();
    }
    try {
      return Optional.of(SourceText.read(textFile, row.furniture()));
    } catch (IOException e) {
      complete = false;
      problems.add(
          Location.of(shown(textFile)),
          null,
          "cannot read the source text: " + InputFile.reason(textFile, e));
      return Optional.empty();
    }
  }

  // ---- facts/<source>.csv

  private void readFactFiles() {
    Path dir = layout.factsDir();
    Set<String> seen = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.csv")) {
        List<Path> sorted = new ArrayList<>();
        files.forEach(sorted::add);
        sorted.sort(null);
        listener.started((int) sorted.stream().filter(f -> !reusable(idOf(f))).count());
        for (Path file : sorted) {
          String sourceId = idOf(file);
          seen.add(sourceId);
          SourceRow row = sources.get(sourceId);
          if (problems.full()) {
            continue; // no room left in the report: stop checking, the load fails anyway
          }
          if (row != null && reusable(sourceId)) {
            usedEntities.addAll(plan.reused().get(sourceId));
            continue;
          }
          if (row == null) {
            problems.add(
                Location.of(shown(file)),
                null,
                "no source '"
                    + sourceId
                    + "' in "
                    + shown(layout.sourcesCsv())
                    + " for this facts file");
            continue;
          }
          Optional<SourceText> text = sourceText(sourceId, row);
          if (text.isPresent()) {
            readArticle(file, sourceId, row, text.get());
          }
        }
      } catch (IOException e) {
        problems.add(Location.of(shown(dir)), null, "cannot list: " + e.getMessage());
      }
    }
    listener.finished();
    for (String id : sources.keySet()) {
      if (!seen.contains(id)) {
        complete = false;
        problems.add(
            Location.of(shown(layout.factsCsv(id))), null, "source '" + id + "' has no facts file");
      }
    }
  }

  /** Whether the plan lets this article be skipped: reused, and its entities as they were. */
  private boolean reusable(String sourceId) {
    Set<String> uses = plan.reused().get(sourceId);
    if (uses == null) {
      return false;
    }
    for (String id : uses) {
      Node cls = entityClasses.get(uri(Iris.entity(id)));
      if (cls == null || !cls.getURI().equals(plan.entityClasses().get(id))) {
        return false;
      }
    }
    return true;
  }

  private static String idOf(Path factsFile) {
    String name = factsFile.getFileName().toString();
    return name.substring(0, name.length() - ".csv".length());
  }

  /**
   * Reads one article's facts into a graph of its own (with its source's record), validates that
   * graph against the shapes (with the ontology and the entities as context, never copied) and
   * hands it to the sink.
   */
  private void readArticle(Path file, String sourceId, SourceRow source, SourceText text) {
    current = GraphFactory.createDefaultGraph();
    articleOrigins = new HashMap<>();
    tripleOrigins = new HashMap<>();
    articleEntities = new HashSet<>();
    source.record().find().forEachRemaining(current::add);
    // The publisher counts as used: its class is checked with the article (SHACL on the source).
    source
        .record()
        .find(Node.ANY, DCTerms.publisher.asNode(), Node.ANY)
        .forEachRemaining(
            t -> articleEntities.add(t.getObject().getURI().substring(Iris.ENTITY.length())));
    Node sourceNode = uri(Iris.source(sourceId));
    articleOrigins.put(sourceNode, source.where());
    Set<String> ids = new HashSet<>();
    Map<String, Long> contents = new HashMap<>();
    readAll(file, FACT_COLUMNS, row -> readFact(row, sourceId, text, ids, contents));
    facts += ids.size();
    usedEntities.addAll(articleEntities);
    if (problems.isEmpty()) {
      Graph article = current;
      Map<Node, Location> where = articleOrigins;
      ShaclCheck.validate(
          articleShapes,
          new MultiUnion(new Graph[] {ontologyGraph, entityGraph, article}),
          n -> where.getOrDefault(n, origins.get(n)),
          tripleOrigins::get,
          problems);
    }
    if (problems.isEmpty()) {
      sink.graph(Iris.sourceGraph(sourceId), current);
      loaded.put(sourceId, Set.copyOf(articleEntities));
    }
    listener.articleDone(sourceId, ids.size());
    current = null;
  }

  private void readFact(
      CsvTable.Row row,
      String sourceId,
      SourceText text,
      Set<String> ids,
      Map<String, Long> contents) {
    if (problems.full()) {
      return;
    }
    String id = row.get("id");
    if (!checkId(row, "id", id)) {
      return;
    }
    if (!ids.add(id)) {
      problems.add(row.at("id"), "id", "duplicate fact id '" + id + "' in this file");
      return;
    }
    Node claim = uri(Iris.fact(sourceId, id));
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
    Optional<SourceText.Match> match = quote(row, text);
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
    String key = s + " " + p + " " + o + " " + stance.get() + " " + by.get() + " " + match.get();
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
    add(claim, PROV_DERIVED, uri(Iris.source(sourceId)));
    add(claim, NG.quote.asNode(), plain(row.raw("quote")));
    add(
        claim,
        NG.quoteOffset.asNode(),
        typed(match.get().offset(), XSDDatatype.XSDnonNegativeInteger));
    add(
        claim,
        NG.paragraph.asNode(),
        typed(match.get().paragraph(), XSDDatatype.XSDpositiveInteger));
    occasion.ifPresent(occ -> add(claim, NG.occasion.asNode(), occ));
    qualifiers.forEach((q, lit) -> add(claim, q, lit.asNode()));
    if (!row.get("inferred").isEmpty()) {
      add(claim, NG.inferenceNote.asNode(), plain(row.get("inferred")));
    }
    if (stance.get().asserted()) {
      Triple fact = Triple.create(s, p, o);
      current.add(fact);
      tripleOrigins.putIfAbsent(fact, row.where());
    }
  }

  // ---- wikidata-links.csv (optional)

  /**
   * Reads the links of entities to Wikidata items. Every row is checked; confirmed and auto rows
   * become {@code ngr:<id> skos:exactMatch wd:Q...} plus a {@code ng:WikidataLink} record with
   * their provenance. Review and rejected rows are checked but stay out of the graph.
   */
  private void readLinks() {
    Path file = layout.linksCsv();
    if (!Files.exists(file)) {
      return;
    }
    Map<String, Long> pairs = new HashMap<>();
    Map<String, Long> linked = new HashMap<>();
    CsvTable.read(file, shown(file), LINK_COLUMNS, problems, row -> readLink(row, pairs, linked));
  }

  private void readLink(CsvTable.Row row, Map<String, Long> pairs, Map<String, Long> linked) {
    String entityId = row.get("entity");
    boolean entityOk = checkId(row, "entity", entityId);
    if (entityOk && !entities.containsKey(entityId)) {
      problems.add(
          row.at("entity"),
          "entity",
          "unknown entity id '" + entityId + "'; declare it in " + shown(layout.entitiesCsv()));
      entityOk = false;
    }
    String qid = row.get("qid");
    boolean qidOk = QID.matcher(qid).matches();
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
    } else if (webAddress(row, "source")) {
      sourceNode = Optional.of(uri(source));
      if (status.orElse(null) == LinkStatus.CONFIRMED && LinkSource.isCandidateSearch(source)) {
        problems.add(
            row.at("source"),
            "source",
            "a confirmed link cites the page that was checked, not the candidate search '"
                + source
                + "'; put the URL of a page that shows "
                + qid
                + " for this entity, e.g. https://www.wikidata.org/wiki/"
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
    Node entity = uri(Iris.entity(entityId));
    Node item = uri(Iris.wikidata(qid));
    Node link = uri(Iris.link(entityId, qid));
    origins.put(link, row.where());
    Triple match = Triple.create(entity, SKOS_EXACT_MATCH, item);
    linkGraph.add(match);
    linkOrigins.putIfAbsent(match, row.where());
    add(link, RDF.type.asNode(), OntologyIndex.term("WikidataLink"));
    add(link, OntologyIndex.term("linkedEntity"), entity);
    add(link, OntologyIndex.term("wikidataItem"), item);
    add(link, OntologyIndex.term("linkStatus"), OntologyIndex.term(status.get().token()));
    add(link, OntologyIndex.term("linkMethod"), plain(method));
    add(link, OntologyIndex.term("checked"), checkedNode.get());
    scoreNode.ifPresent(n -> add(link, OntologyIndex.term("linkScore"), n));
    sourceNode.ifPresent(n -> add(link, PROV_DERIVED, n));
    // The linker neutralises cells a spreadsheet would run as formulas; read back their values.
    String label = SpreadsheetCell.decode(row.get("label"));
    String description = SpreadsheetCell.decode(row.get("description"));
    String note = SpreadsheetCell.decode(row.get("note"));
    if (!label.isEmpty()) {
      add(link, OntologyIndex.term("wikidataLabel"), plain(label));
    }
    if (!description.isEmpty()) {
      add(link, OntologyIndex.term("wikidataDescription"), plain(description));
    }
    if (!note.isEmpty()) {
      add(link, RDFS.comment.asNode(), english(note));
    }
  }

  /**
   * Reads a CSV file of the project with {@link CsvTable}; a file that cannot be read as a whole,
   * or that has a header and no rows, makes the run {@link #complete incomplete}.
   */
  private void readAll(Path file, List<String> columns, Consumer<CsvTable.Row> action) {
    long rows = CsvTable.read(file, shown(file), columns, problems, action);
    if (rows == 0) {
      problems.add(
          new Location(shown(file), 1, 0), null, "the file has a header but no rows; add rows");
    }
    if (rows <= 0) {
      complete = false;
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

  private boolean webAddress(CsvTable.Row row, String column) {
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
    List<Node> types =
        entityClasses.containsKey(node) ? List.of(entityClasses.get(node)) : ontology.typesOf(node);
    if (types.isEmpty()) {
      return; // an entity of an unknown class, reported already
    }
    for (Node cls : required) {
      if (types.stream().noneMatch(t -> ontology.isSubClassOf(t, cls))) {
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
    return value(row, "value", property, valueText).map(Literal::asNode);
  }

  private Optional<SourceText.Match> quote(CsvTable.Row row, SourceText text) {
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
      value(row, column, property, text).ifPresent(l -> into.put(property, l));
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
    return Optional.of(OntologyIndex.term(local));
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
    if (!entities.containsKey(id)) {
      Optional<Node> individual = ontology.individual(id);
      if (individual.isPresent()) {
        return individual;
      }
    }
    return entityRef(row, "object", true);
  }

  private Optional<Node> entityRef(CsvTable.Row row, String column, boolean required) {
    String id = row.get(column);
    if (id.isEmpty()) {
      if (required) {
        problems.add(row.at(column), column, "required: an entity id");
      }
      return Optional.empty();
    }
    if (!checkId(row, column, id)) {
      return Optional.empty();
    }
    if (!entities.containsKey(id)) {
      problems.add(
          row.at(column),
          column,
          "unknown entity id '" + id + "'; declare it in " + shown(layout.entitiesCsv()));
      return Optional.empty();
    }
    articleEntities.add(id);
    return Optional.of(uri(Iris.entity(id)));
  }

  private Optional<Literal> value(CsvTable.Row row, String column, Node property, String text) {
    try {
      return Optional.of(ontology.literal(property, text));
    } catch (IllegalArgumentException e) {
      problems.add(row.at(column), column, e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<String> requireText(CsvTable.Row row, String column) {
    String text = row.get(column);
    if (text.isEmpty()) {
      problems.add(row.at(column), column, "required");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  private boolean checkId(CsvTable.Row row, String column, String id) {
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

  private void reportUnusedEntities() {
    for (Map.Entry<String, Location> e : new java.util.TreeMap<>(entities).entrySet()) {
      if (!usedEntities.contains(e.getKey()) && !isPublisher(e.getKey())) {
        problems.add(
            e.getValue(), "id", "entity '" + e.getKey() + "' is declared but no fact mentions it");
      }
    }
  }

  private boolean isPublisher(String id) {
    return publishers.contains(id);
  }

  private void add(Node s, Node p, Node o) {
    current.add(Triple.create(s, p, o));
  }

  private static List<String> split(String list) {
    List<String> out = new ArrayList<>();
    for (String part : list.split("\\|")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  private static Node english(String text) {
    return NodeFactory.createLiteralLang(text, "en");
  }

  private static Node plain(String text) {
    return NodeFactory.createLiteralString(text);
  }

  private static Node typed(long number, XSDDatatype type) {
    return NodeFactory.createLiteralDT(Long.toString(number), type);
  }

  private static String shown(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : path.toString();
  }
}
