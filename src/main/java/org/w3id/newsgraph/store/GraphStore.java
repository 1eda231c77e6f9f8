package org.w3id.newsgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.params.StoreParamsCodec;
import org.apache.jena.tdb2.params.StoreParamsConst;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.infer.Inference;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.load.LoadListener;
import org.w3id.newsgraph.load.LoadPlan;
import org.w3id.newsgraph.load.LoadResult;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.util.FileTrees;

/**
 * The dataset NewsGraph serves: the ontology and the asserted data in the default graph and, when
 * asked for, the inferred triples both in the default graph (so every query sees them) and in the
 * named graph {@value Iris#INFERRED_GRAPH} (so a query can tell asserted from inferred), as {@code
 * query --inferred} has them.
 *
 * <p>{@link #inMemory} loads and validates the CSV at every start. {@link #tdb2} keeps a TDB2
 * database in a folder together with a digest of the inputs it was built from: when the digest
 * still matches, the database is opened as it is, without loading anything; otherwise the inputs
 * are loaded and validated <em>before</em> the database is touched, then it is rebuilt in one write
 * transaction. A graph that fails validation therefore leaves the previous database as it was.
 */
public final class GraphStore implements AutoCloseable {
  /** The file in a store folder that records what the database was built from. */
  public static final String RECORD_FILE = "newsgraph-store.properties";

  /** The sub-folder of a store folder that holds the TDB2 database. */
  public static final String DATABASE_DIR = "tdb2";

  /** Bumped when the way a store is laid out or filled changes, to force a rebuild. */
  static final int FORMAT = 3;

  /** How the store came to hold its data. */
  public enum Origin {
    /** Loaded from the CSV into memory. */
    MEMORY,
    /**
     * Read into memory from a {@link GraphCache}: the inputs had not changed since it was checked.
     */
    CACHED,
    /** A TDB2 store (re)built from the CSV, because it was new or its inputs changed. */
    BUILT,
    /** A TDB2 store whose inputs had not changed, opened as it was. */
    REUSED
  }

  /**
   * Triple counts.
   *
   * @param asserted triples in the default graph (ontology and asserted data)
   * @param inferred triples in the inferred graph (0 without inference)
   */
  public record Counts(long asserted, long inferred) {}

  private final Dataset dataset;
  private final Origin origin;
  private final Path folder;
  private final Build build;
  private boolean closed;

  private GraphStore(Dataset dataset, Origin origin, Path folder) {
    this.dataset = dataset;
    this.origin = origin;
    this.folder = folder;
    this.build = Build.NONE;
  }

  /** A TDB2 store whose queries see the union of its named graphs as the default graph. */
  private GraphStore(DatasetGraph tdb, Origin origin, Path folder, Build build) {
    tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
    this.dataset = DatasetFactory.wrap(tdb);
    this.origin = origin;
    this.folder = folder;
    this.build = build;
  }

  /** What building the store did (nothing for an in-memory or reused store). */
  public Build build() {
    return build;
  }

  /**
   * Loads and validates {@code layout} into an in-memory dataset.
   *
   * @param inferred also compute the inferred triples into their named graph
   * @param maxErrors the most problems to report
   * @throws org.w3id.newsgraph.load.LoadException if the graph is not valid
   */
  public static GraphStore inMemory(Layout layout, boolean inferred, int maxErrors) {
    return new GraphStore(
        DatasetFactory.wrap(load(layout, inferred, maxErrors)), Origin.MEMORY, null);
  }

  /**
   * As {@link #inMemory(Layout, boolean, int)}, but when {@code cache} holds the graph of these
   * very inputs and settings, checked at an earlier start, it is read from there instead; a graph
   * loaded from the CSV is put in the cache for the next start.
   */
  public static GraphStore inMemory(
      Layout layout, boolean inferred, int maxErrors, GraphCache cache) {
    String key = cache.key(layout, "format=" + FORMAT, "inferred=" + inferred);
    Optional<DatasetGraph> cached = cache.read(key);
    if (cached.isPresent()) {
      return new GraphStore(DatasetFactory.wrap(cached.get()), Origin.CACHED, null);
    }
    DatasetGraph dsg = load(layout, inferred, maxErrors);
    cache.write(key, dsg);
    return new GraphStore(DatasetFactory.wrap(dsg), Origin.MEMORY, null);
  }

  private static DatasetGraph load(Layout layout, boolean inferred, int maxErrors) {
    KnowledgeGraph kg = NewsGraph.load(layout, maxErrors);
    DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
    Txn.executeWrite(dsg, () -> fill(dsg, kg, inferred));
    return dsg;
  }

  /**
   * What a build did.
   *
   * @param loaded articles read and (re)written
   * @param reused articles left as they were (unchanged inputs)
   * @param removed articles whose graphs were removed (gone from the inputs)
   * @param full whether the database was built afresh with the bulk loader
   */
  public record Build(int loaded, int reused, int removed, boolean full) {
    /** Nothing was done: the inputs had not changed. */
    public static final Build NONE = new Build(0, 0, 0, false);
  }

  /**
   * Opens the TDB2 store in {@code folder}, creating it or bringing it up to date with {@code
   * layout}: each article in a named graph of its own ({@link Iris#sourceGraph}), the entities,
   * links and ontology in theirs; queries see the union of all graphs as their default graph.
   *
   * <p>A new store, or one whose ontology, shapes, format or inference setting changed, is built
   * afresh with Jena's bulk loader into a new database folder, which replaces the old one only when
   * the load has succeeded. Otherwise only the articles whose inputs changed are loaded, in one
   * write transaction that also removes the graphs of removed articles and rewrites the entities
   * and links: a load that fails aborts it. Either way, a failure or a kill leaves the previous
   * store (or, for a first build, no store) behind.
   *
   * @param folder the store folder: new, empty, or one this method made before
   * @param inferred also keep the inferred triples in their named graph
   * @param maxErrors the most problems to report
   * @throws org.w3id.newsgraph.load.LoadException if the inputs are not valid (the store is left as
   *     it was)
   * @throws NewsGraphException if the folder cannot be used (not writable, not a store, in use)
   */
  public static GraphStore tdb2(Path folder, Layout layout, boolean inferred, int maxErrors) {
    return tdb2(folder, layout, inferred, maxErrors, LoadListener.NONE);
  }

  /** As {@link #tdb2(Path, Layout, boolean, int)}, telling {@code listener} how it goes. */
  public static GraphStore tdb2(
      Path folder, Layout layout, boolean inferred, int maxErrors, LoadListener listener) {
    return tdb2(folder, layout, inferred, maxErrors, listener, true);
  }

  /**
   * Brings the TDB2 store in {@code folder} up to date as {@link #tdb2(Path, Layout, boolean, int,
   * LoadListener)} does, and releases it. A store whose inputs have not changed is not even opened
   * ({@link Build#NONE}): a {@code build} that has nothing to do only reads the inputs and the
   * record.
   */
  public static Build update(
      Path folder, Layout layout, boolean inferred, int maxErrors, LoadListener listener) {
    GraphStore store = tdb2(folder, layout, inferred, maxErrors, listener, false);
    if (store == null) {
      return Build.NONE;
    }
    try (store) {
      return store.build();
    }
  }

  /**
   * As the public {@code tdb2}; when {@code openUnchanged} is false, null for a store up to date.
   */
  private static GraphStore tdb2(
      Path folder,
      Layout layout,
      boolean inferred,
      int maxErrors,
      LoadListener listener,
      boolean openUnchanged) {
    boolean claimed = prepareFolder(folder);
    if (!claimed) {
      StoreState.NONE.write(folder); // claims the folder as a store
    }
    StoreState old = StoreState.read(folder);
    // Each input file is read once, and not at all while its stamp is the one recorded.
    FileDigests files = FileDigests.cachedIn(folder.resolve(FileDigests.CACHE_FILE));
    String settings =
        InputDigest.settings(
            layout, files, "format=" + FORMAT, "version=" + version(), "inferred=" + inferred);
    String digest =
        InputDigest.of(
            layout, files, "format=" + FORMAT, "version=" + version(), "inferred=" + inferred);
    Path database = old.database().isEmpty() ? null : folder.resolve(old.database());
    boolean usable = database != null && Files.isDirectory(database);
    if (usable && old.digest().equals(digest)) {
      files.save();
      if (!openUnchanged) {
        return null;
      }
      DatasetGraph dsg = connect(folder, database);
      return new GraphStore(dsg, Origin.REUSED, folder, Build.NONE);
    }
    Map<String, String> articleDigests = InputDigest.articles(layout, files);
    String sharedInputs = InputDigest.shared(layout, files, settings);
    files.save();
    if (usable && old.settings().equals(settings) && !inferred) {
      // The entities and links are built from the inputs of those stored, which passed SHACL then:
      // they are neither validated with SHACL again, nor digested, nor compared with the store.
      boolean sharedAsStored =
          old.shared().equals(sharedInputs) && old.graphs().keySet().containsAll(SHARED);
      DatasetGraph dsg = connect(folder, database);
      try {
        StoreState next =
            Txn.calculateWrite(
                dsg,
                () -> {
                  Map<String, String> shared = new TreeMap<>();
                  if (sharedAsStored) {
                    SHARED.forEach(iri -> shared.put(iri, old.graphs().get(iri)));
                  }
                  LoadResult result =
                      NewsGraph.stream(
                          layout,
                          maxErrors,
                          old.plan(articleDigests).withSharedValidated(sharedAsStored),
                          (iri, graph) -> {
                            if (sharedAsStored && SHARED.contains(iri)) {
                              return;
                            }
                            // A shared graph whose triples are those already stored is not
                            // touched (an entities.csv rewritten with the same entities).
                            if (shared(iri, graph, shared).equals(old.graphs().get(iri))) {
                              return;
                            }
                            replace(dsg, iri, graph);
                          },
                          listener);
                  for (String id : old.removedBy(result)) {
                    dsg.removeGraph(NodeFactory.createURI(Iris.sourceGraph(id)));
                  }
                  // Committed next: until the new record is written, the record claims nothing
                  // this write may have changed.
                  old.pending(result).write(folder);
                  return old.next(result, articleDigests, digest, settings, old.database())
                      .withGraphs(shared, sharedInputs);
                });
        next.write(folder);
        return new GraphStore(dsg, Origin.BUILT, folder, report(old, next, false));
      } catch (RuntimeException e) {
        TDBInternal.expel(dsg, true);
        throw e;
      }
    }
    removeLeftovers(folder, usable ? old.database() : null);
    String name = nextDatabaseName(folder, usable ? old.database() : "");
    Path fresh = folder.resolve(name);
    deleteTree(fresh);
    Map<String, String> shared = new TreeMap<>();
    LoadResult result = bulkBuild(fresh, layout, inferred, maxErrors, listener, shared);
    StoreState next =
        StoreState.NONE
            .next(result, articleDigests, digest, settings, name)
            .withGraphs(shared, sharedInputs);
    next.write(folder);
    if (database != null && !database.equals(fresh)) {
      deleteTree(database);
    }
    DatasetGraph dsg = connect(folder, fresh);
    return new GraphStore(dsg, Origin.BUILT, folder, report(old, next, true));
  }

  /** What changed from {@code old} to {@code next}. */
  static Build report(StoreState old, StoreState next, boolean full) {
    int loaded = 0;
    int reused = 0;
    for (Map.Entry<String, StoreState.Article> e : next.articles().entrySet()) {
      if (!full && e.getValue().equals(old.articles().get(e.getKey()))) {
        reused++;
      } else {
        loaded++;
      }
    }
    int removed = 0;
    for (String id : old.articles().keySet()) {
      if (!next.articles().containsKey(id)) {
        removed++;
      }
    }
    return new Build(loaded, reused, removed, full);
  }

  /** The graphs every article shares, whose digests a store records. */
  private static final Set<String> SHARED = Set.of(Iris.ENTITIES_GRAPH, Iris.LINKS_GRAPH);

  /**
   * The digest of {@code graph} when {@code iri} is a shared graph (also put in {@code digests}),
   * else the empty string.
   */
  static String shared(String iri, Graph graph, Map<String, String> digests) {
    if (!SHARED.contains(iri)) {
      return "";
    }
    String digest = InputDigest.graph(graph);
    digests.put(iri, digest);
    return digest;
  }

  /**
   * Makes the named graph {@code iri} of {@code dsg} hold exactly {@code graph}, writing only the
   * difference: the stored triples {@code graph} no longer has are deleted, the ones it adds are
   * added. An unchanged graph (the entities and the links, when only an article changed) costs one
   * read and no write; removing and re-adding all of it cost two thirds of an incremental build and
   * grew the database by its size each time.
   */
  private static void replace(DatasetGraph dsg, String iri, Graph graph) {
    Node g = NodeFactory.createURI(iri);
    Set<Triple> stored = new HashSet<>();
    dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> stored.add(q.asTriple()));
    // A stored literal may read back in another (canonical) form than the one written: it is then
    // deleted and added again, which leaves the same quad.
    List<Triple> gone = new ArrayList<>();
    for (Triple t : stored) {
      if (!graph.contains(t)) {
        gone.add(t);
      }
    }
    for (Triple t : gone) {
      dsg.delete(g, t.getSubject(), t.getPredicate(), t.getObject());
    }
    graph
        .find()
        .forEachRemaining(
            t -> {
              if (!stored.contains(t)) {
                dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
              }
            });
  }

  /** Builds a new database with the bulk loader. The folder is deleted if the load fails. */
  private static LoadResult bulkBuild(
      Path fresh,
      Layout layout,
      boolean inferred,
      int maxErrors,
      LoadListener listener,
      Map<String, String> shared) {
    DatasetGraph dsg = connect(fresh.getParent(), fresh, bulkParams());
    DataLoader loader = LoaderFactory.phasedLoader(dsg, (fmt, args) -> {});
    LoadResult result;
    try {
      loader.startBulk();
      StreamRDF stream = loader.stream();
      result =
          NewsGraph.stream(
              layout,
              maxErrors,
              LoadPlan.ALL,
              (iri, graph) -> {
                shared(iri, graph, shared);
                send(stream, iri, graph);
              },
              listener);
      send(stream, Iris.ONTOLOGY_GRAPH, result.ontology());
      loader.finishBulk();
      if (inferred) {
        // Inference needs the whole graph: it reads back what was loaded.
        Txn.executeWrite(
            dsg,
            () ->
                GraphUtil.addInto(
                    dsg.getGraph(inferredGraph()),
                    Inference.infer(result.ontology(), dsg.getUnionGraph())));
      }
    } catch (RuntimeException e) {
      try {
        loader.finishException(e);
      } catch (RuntimeException ignored) {
        // the load failed already; its exception is the one to report
      }
      TDBInternal.expel(dsg, true);
      deleteTree(fresh);
      throw e;
    }
    TDBInternal.expel(dsg, true);
    // The database keeps the parameters it was made with: queries get Jena's own cache sizes back.
    StoreParamsCodec.write(Location.create(fresh), StoreParams.getDftStoreParams());
    return result;
  }

  /**
   * The parameters of a database while the bulk loader fills it: Jena's, with a cache of 50,000
   * node ids to nodes, which a load only fills (the load looks nodes up the other way), instead of
   * 1,000,000. At 1 M facts that cache held most of the heap the build kept.
   */
  static StoreParams bulkParams() {
    // Made from JSON: every builder of StoreParams is deprecated in Jena 5.6. Not a constant, so
    // that a build with nothing to do does not start Jena.
    JsonObject json = StoreParamsCodec.encodeToJson(StoreParams.getDftStoreParams());
    json.put("tdb." + StoreParamsConst.fNodeId2NodeCacheSize, 50_000);
    return StoreParamsCodec.decode(json);
  }

  /** Sends one named graph's triples as quads into a bulk loader's stream. */
  private static void send(StreamRDF stream, String iri, Graph graph) {
    Node g = NodeFactory.createURI(iri);
    graph
        .find()
        .forEachRemaining(
            t -> stream.quad(Quad.create(g, t.getSubject(), t.getPredicate(), t.getObject())));
  }

  /** The name for a new database folder: {@code tdb2} first, then {@code tdb2-2}, ... */
  private static String nextDatabaseName(Path folder, String current) {
    if (current.isEmpty() && !Files.exists(folder.resolve(DATABASE_DIR))) {
      return DATABASE_DIR;
    }
    for (int n = 2; ; n++) {
      String name = DATABASE_DIR + "-" + n;
      if (!name.equals(current) && !Files.exists(folder.resolve(name))) {
        return name;
      }
    }
  }

  /** Deletes database folders of builds that never completed (killed or failed). */
  private static void removeLeftovers(Path folder, String inUse) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, DATABASE_DIR + "*")) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry) && !entry.getFileName().toString().equals(inUse)) {
          deleteTree(entry);
        }
      }
    } catch (IOException e) {
      throw new NewsGraphException("cannot read the store folder " + folder + ": " + reason(e), e);
    }
  }

  private static void deleteTree(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (IOException | UncheckedIOException e) {
      throw new NewsGraphException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The dataset; read it in read transactions. */
  public Dataset dataset() {
    return dataset;
  }

  /** How the store came to hold its data. */
  public Origin origin() {
    return origin;
  }

  /** The store folder, or empty for an in-memory store. */
  public Optional<Path> folder() {
    return Optional.ofNullable(folder);
  }

  /**
   * How many triples the default graph and the inferred graph hold. For a TDB2 store the default
   * graph is the union of its named graphs, less the inferred ones.
   */
  public Counts counts() {
    return Txn.calculateRead(
        dataset,
        () -> {
          DatasetGraph dsg = dataset.asDatasetGraph();
          long inferred = dsg.getGraph(inferredGraph()).size();
          if (folder == null) {
            // The default graph holds the inferred triples too; count the others.
            Graph only = dsg.getGraph(inferredGraph());
            long asserted = 0;
            var triples = dsg.getDefaultGraph().find();
            while (triples.hasNext()) {
              if (!only.contains(triples.next())) {
                asserted++;
              }
            }
            return new Counts(asserted, inferred);
          }
          // Quads outside the inferred graph, counted without holding them (a triple two articles
          // assert counts twice).
          Node skip = inferredGraph();
          long asserted = 0;
          var quads = dsg.find();
          while (quads.hasNext()) {
            if (!quads.next().getGraph().equals(skip)) {
              asserted++;
            }
          }
          return new Counts(asserted, inferred);
        });
  }

  /** Releases a TDB2 store (its lock and files); nothing to do for an in-memory one. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (folder != null) {
      TDBInternal.expel(dataset.asDatasetGraph(), true);
    }
  }

  /**
   * The ontology and the asserted data in the default graph; the inferred ones there and in theirs.
   */
  private static void fill(DatasetGraph dsg, KnowledgeGraph kg, boolean inferred) {
    kg.addTo(dsg, inferred);
  }

  private static Node inferredGraph() {
    return NodeFactory.createURI(Iris.INFERRED_GRAPH);
  }

  /**
   * Makes sure {@code folder} can hold a store: creates it if needed and checks it is writable and
   * either empty or a store made before.
   *
   * @return whether the folder is already a store (has the record file)
   */
  private static boolean prepareFolder(Path folder) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new NewsGraphException(
          ErrorId.STORE, "cannot use " + folder + " as a store: it is not a folder");
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new NewsGraphException(
          ErrorId.STORE, "cannot create the store folder " + folder + ": " + reason(e), e);
    }
    try {
      Path probe = Files.createTempFile(folder, ".write-test", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new NewsGraphException(
          ErrorId.STORE,
          "cannot use " + folder + " as a store: the folder is not writable (" + reason(e) + ")",
          e);
    }
    if (Files.isRegularFile(folder.resolve(RECORD_FILE))) {
      return true;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      if (entries.iterator().hasNext()) {
        throw new NewsGraphException(
            ErrorId.STORE,
            "cannot use "
                + folder
                + " as a store: the folder is not empty and is not a NewsGraph store;"
                + " give a new or empty folder");
      }
    } catch (IOException e) {
      throw new NewsGraphException(
          ErrorId.STORE, "cannot read the store folder " + folder + ": " + reason(e), e);
    }
    return false;
  }

  private static DatasetGraph connect(Path folder, Path database) {
    return connect(folder, database, null);
  }

  /** Connects to the database, with {@code params} when not null (those it was made with else). */
  private static DatasetGraph connect(Path folder, Path database, StoreParams params) {
    try {
      return params == null
          ? DatabaseMgr.connectDatasetGraph(Location.create(database))
          : DatabaseMgr.connectDatasetGraph(Location.create(database), params);
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (message.contains("lock")) {
        throw new NewsGraphException(
            ErrorId.STORE,
            "cannot open the store "
                + folder
                + ": it is in use by another process ("
                + message
                + ")",
            e);
      }
      throw new NewsGraphException(
          ErrorId.STORE, "cannot open the store " + folder + ": " + message, e);
    }
  }

  private static String version() {
    String v = GraphStore.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
