package org.w3id.newsgraph.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.NG;
import org.w3id.newsgraph.util.DaemonThreads;

/**
 * Maps the CSV files of a {@link Layout} onto the ontology, streaming: the entities and the links
 * (shared by all articles) stay in memory; each article's facts are read, checked and validated
 * into a graph of their own, handed to a {@link GraphSink} and forgotten. Collects every problem
 * (up to the limit; past it, it stops checking) and throws them at the end: a load with a problem
 * never succeeds, and whoever gave the sink discards what it took.
 *
 * <p>This class only runs the load in order. Each input file has a reader of its own that owns its
 * columns and checks: {@link EntityReader} ({@code entities.csv}), {@link SourceReader} ({@code
 * sources.csv}), {@link LinkReader} ({@code wikidata-links.csv}) and {@link FactReader} (one
 * article: {@code facts/<source>.csv} with {@code sources/<source>.txt}), all over one {@link
 * LoadState} that holds what the files share; {@link ShaclCheck} runs the shapes.
 *
 * <p>The load is a pipeline of two threads: while the shapes validate the entities and links, then
 * each article, on a second thread, the loading thread reads the next article. Only the loading
 * thread touches the load state, the problems and the sink; the second thread only reads the graphs
 * (the ontology, the entities, the links, the article) and returns what SHACL found, which the
 * loading thread reports, in that order.
 */
public final class GraphLoader {
  /** Columns of {@code sources.csv} (declared by {@link SourceReader}). */
  public static final List<String> SOURCE_COLUMNS = SourceReader.COLUMNS;

  /** Columns of {@code entities.csv} (declared by {@link EntityReader}). */
  public static final List<String> ENTITY_COLUMNS = EntityReader.COLUMNS;

  /** Columns of {@code facts/<source>.csv} (declared by {@link FactReader}). */
  public static final List<String> FACT_COLUMNS = FactReader.COLUMNS;

  /** Columns of {@code wikidata-links.csv} (declared by {@link LinkReader}). */
  public static final List<String> LINK_COLUMNS = LinkReader.COLUMNS;

  private final Layout layout;
  private final Problems problems;
  private final LoadPlan plan;
  private final GraphSink sink;
  private final LoadListener listener;
  private LoadState state;
  private ShaclCheck.Compiled articleShapes;

  /**
   * A graph handed to the second thread: what SHACL finds there ({@code null} when it was not
   * validated), where to report it, and what to do once it is reported.
   */
  private record Pending(
      Future<List<ReportEntry>> found,
      Function<Node, Location> origins,
      Function<Triple, Location> tripleOrigins,
      Runnable then) {}

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
    ExecutorService validator =
        Executors.newSingleThreadExecutor(DaemonThreads.named("newsgraph-shacl"));
    try {
      return run(validator);
    } finally {
      validator.shutdownNow();
    }
  }

  private LoadResult run(ExecutorService validator) {
    String ontologyShown = LoadState.shown(layout.ontology());
    String shapesShown = LoadState.shown(layout.shapes());
    Graph ontologyGraph = RdfFiles.readTurtle(layout.ontology(), ontologyShown, problems);
    Graph shapesGraph = RdfFiles.readTurtle(layout.shapes(), shapesShown, problems);
    problems.throwIfAny();
    OntologyIndex ontology = new OntologyIndex(ontologyGraph);
    if (ontology.clazz(NG.Person).isEmpty()) {
      problems.add(
          Location.of(ontologyShown),
          null,
          "declares no class ng:Person: it is empty or not the NewsGraph ontology");
      problems.throwIfAny();
    }
    ShaclCheck.Compiled shapes = ShaclCheck.parse(shapesGraph, shapesShown, problems);
    problems.throwIfAny();
    articleShapes = ShaclCheck.forArticles(shapesGraph);
    state = new LoadState(layout, problems, ontologyGraph, ontology);
    EntityReader.read(state);
    if (!state.complete) {
      problems.throwIfAny();
    }
    SourceReader.read(state);
    if (!state.complete) {
      problems.throwIfAny();
    }
    LinkReader.read(state);
    // The entities and links once, against every shape that targets them, while the first article
    // is read.
    Pending shared =
        problems.isEmpty() && !plan.sharedValidated()
            ? new Pending(
                validator.submit(
                    () ->
                        shapes.validate(
                            new UnionView(ontology, state.entityGraph, state.linkGraph))),
                state.origins::get,
                state.linkOrigins::get,
                () -> {})
            : null;
    finish(readFactFiles(validator, shared));
    if (state.complete) {
      reportUnusedEntities();
    }
    problems.throwIfAny();
    sink.graph(Iris.ENTITIES_GRAPH, state.entityGraph);
    sink.graph(Iris.LINKS_GRAPH, state.linkGraph); // even empty: a store then drops its old links
    Map<String, String> classes = new TreeMap<>();
    state.entityClasses.forEach(
        (e, c) -> classes.put(e.getURI().substring(Iris.ENTITY.length()), c.getURI()));
    return new LoadResult(
        ontologyGraph, List.copyOf(state.sources.keySet()), state.loaded, classes, state.facts);
  }

  // ---- facts/<source>.csv, one article at a time

  /**
   * Reads the articles, each validated on the second thread while the next is read.
   *
   * @param pending what is being validated before the first article
   * @return what is being validated after the last, still to {@link #finish}
   */
  private Pending readFactFiles(ExecutorService validator, Pending pending) {
    Path dir = layout.factsDir();
    Set<String> seen = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.csv")) {
        List<Path> sorted = new ArrayList<>();
        files.forEach(sorted::add);
        sorted.sort(null);
        // Which articles the plan lets be skipped, decided once (each entity's class compared once,
        // however many articles use it).
        Map<String, Boolean> sameClass = new HashMap<>();
        Set<String> reusable =
            sorted.stream()
                .map(GraphLoader::idOf)
                .filter(id -> reusable(id, sameClass))
                .collect(Collectors.toSet());
        listener.started(sorted.size() - reusable.size());
        for (Path file : sorted) {
          String sourceId = idOf(file);
          seen.add(sourceId);
          boolean known = state.sources.containsKey(sourceId);
          if (problems.full()) {
            continue; // no room left in the report: stop checking, the load fails anyway
          }
          if (known && reusable.contains(sourceId)) {
            state.usedEntities.addAll(plan.reused().get(sourceId));
            continue;
          }
          if (!known) {
            problems.add(
                Location.of(LoadState.shown(file)),
                null,
                "no source '"
                    + sourceId
                    + "' in "
                    + LoadState.shown(layout.sourcesCsv())
                    + " for this facts file");
            continue;
          }
          FactReader.Article article = FactReader.read(state, file, sourceId).orElse(null);
          if (article != null) {
            Pending next = validate(validator, sourceId, article);
            finish(pending);
            pending = next;
          }
        }
      } catch (IOException e) {
        problems.add(Location.of(LoadState.shown(dir)), null, "cannot list: " + e.getMessage());
      }
    }
    listener.finished();
    for (String id : state.sources.keySet()) {
      if (!seen.contains(id)) {
        state.complete = false;
        problems.add(
            Location.of(LoadState.shown(layout.factsCsv(id))),
            null,
            "source '" + id + "' has no facts file");
      }
    }
    return pending;
  }

  /**
   * Starts validating an article's graph against the shapes on the second thread (with the ontology
   * and the entities as context, never copied), unless a problem was already found; once that is
   * reported, the article goes to the sink if nothing is wrong.
   */
  private Pending validate(ExecutorService validator, String sourceId, FactReader.Article article) {
    state.usedEntities.addAll(article.entities());
    Future<List<ReportEntry>> found = null;
    if (problems.isEmpty()) {
      UnionView view = new UnionView(state.ontology, state.entityGraph, article.graph());
      found = validator.submit(() -> articleShapes.validate(view));
    }
    boolean validated = found != null;
    Map<Node, Location> where = article.origins();
    return new Pending(
        found,
        n -> where.getOrDefault(n, state.origins.get(n)),
        article.tripleOrigins()::get,
        () -> {
          if (validated && problems.isEmpty()) {
            sink.graph(Iris.sourceGraph(sourceId), article.graph());
            state.loaded.put(sourceId, Set.copyOf(article.entities()));
          }
          listener.articleDone(sourceId, article.facts());
        });
  }

  /** Waits for what the second thread found in a graph, reports it, and goes on with the graph. */
  private void finish(Pending pending) {
    if (pending == null) {
      return;
    }
    if (pending.found() != null) {
      ShaclCheck.report(
          await(pending.found()), pending.origins(), pending.tripleOrigins(), problems);
    }
    pending.then().run();
  }

  private static <T> T await(Future<T> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while validating an article", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Whether the plan lets this article be skipped: reused, and its entities as they were.
   *
   * @param sameClass whether an entity's class is the one the plan recorded, by id, filled here
   */
  private boolean reusable(String sourceId, Map<String, Boolean> sameClass) {
    Set<String> uses = plan.reused().get(sourceId);
    if (uses == null) {
      return false;
    }
    for (String id : uses) {
      if (!sameClass.computeIfAbsent(id, this::sameClass)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the entity {@code id} has the class the plan recorded for it. */
  private boolean sameClass(String id) {
    Node cls = state.entityClasses.get(LoadState.uri(Iris.entity(id)));
    return cls != null && cls.getURI().equals(plan.entityClasses().get(id));
  }

  private static String idOf(Path factsFile) {
    String name = factsFile.getFileName().toString();
    return name.substring(0, name.length() - ".csv".length());
  }

  private void reportUnusedEntities() {
    // Only the unused ones are sorted (by id, as they are reported).
    List<String> unused =
        state.entities.keySet().stream()
            .filter(id -> !state.usedEntities.contains(id) && !state.publishers.contains(id))
            .sorted()
            .toList();
    for (String id : unused) {
      problems.add(
          state.entities.get(id), "id", "entity '" + id + "' is declared but no fact mentions it");
    }
  }
}
