package org.w3id.newsgraph.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.model.Iris;

/**
 * The dataset NewsGraph serves: the ontology and the asserted data in the default graph and, when
 * asked for, the inferred triples in the named graph {@value Iris#INFERRED_GRAPH} (and only there,
 * so a query can tell asserted from inferred).
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
  static final int FORMAT = 1;

  /** How the store came to hold its data. */
  public enum Origin {
    /** Loaded from the CSV into memory. */
    MEMORY,
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
  private boolean closed;

  private GraphStore(Dataset dataset, Origin origin, Path folder) {
    this.dataset = dataset;
    this.origin = origin;
    this.folder = folder;
  }

  /**
   * Loads and validates {@code layout} into an in-memory dataset.
   *
   * @param inferred also compute the inferred triples into their named graph
   * @param maxErrors the most problems to report
   * @throws org.w3id.newsgraph.load.LoadException if the graph is not valid
   */
  public static GraphStore inMemory(Layout layout, boolean inferred, int maxErrors) {
    KnowledgeGraph kg = NewsGraph.load(layout, maxErrors);
    DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
    Txn.executeWrite(dsg, () -> fill(dsg, kg, inferred));
    return new GraphStore(DatasetFactory.wrap(dsg), Origin.MEMORY, null);
  }

  /**
   * Opens the TDB2 store in {@code folder}, creating it or rebuilding it from {@code layout} when
   * it is new or its inputs changed.
   *
   * @param folder the store folder: new, empty, or one this method made before
   * @param inferred also keep the inferred triples in their named graph
   * @param maxErrors the most problems to report
   * @throws org.w3id.newsgraph.load.LoadException if a rebuild is needed and the graph is not valid
   *     (the store is left as it was)
   * @throws NewsGraphException if the folder cannot be used (not writable, not a store, in use)
   */
  public static GraphStore tdb2(Path folder, Layout layout, boolean inferred, int maxErrors) {
    boolean claimed = prepareFolder(folder);
    String digest =
        InputDigest.of(layout, "format=" + FORMAT, "version=" + version(), "inferred=" + inferred);
    Path database = folder.resolve(DATABASE_DIR);
    boolean current =
        claimed
            && Files.isDirectory(database)
            && readDigest(folder).filter(digest::equals).isPresent();
    // Validate before the store is touched: a broken graph leaves the old store intact.
    KnowledgeGraph kg = current ? null : NewsGraph.load(layout, maxErrors);
    if (!claimed) {
      writeRecord(folder, "");
    }
    DatasetGraph dsg = connect(folder, database);
    if (!current) {
      try {
        // Forget the recorded digest first: if the rebuild dies half way, the next start rebuilds.
        writeRecord(folder, "");
        Txn.executeWrite(
            dsg,
            () -> {
              dsg.clear();
              fill(dsg, kg, inferred);
            });
        DatabaseMgr.compact(dsg, true);
        writeRecord(folder, digest);
      } catch (RuntimeException e) {
        TDBInternal.expel(dsg, true);
        throw e;
      }
    }
    return new GraphStore(DatasetFactory.wrap(dsg), current ? Origin.REUSED : Origin.BUILT, folder);
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

  /** How many triples the default graph and the inferred graph hold. */
  public Counts counts() {
    return Txn.calculateRead(
        dataset,
        () ->
            new Counts(
                dataset.asDatasetGraph().getDefaultGraph().size(),
                dataset.asDatasetGraph().getGraph(inferredGraph()).size()));
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

  /** The ontology and the asserted data in the default graph; the inferred ones in their graph. */
  private static void fill(DatasetGraph dsg, KnowledgeGraph kg, boolean inferred) {
    kg.addTo(dsg, inferred ? KnowledgeGraph.Inferred.NAMED_GRAPH : KnowledgeGraph.Inferred.NONE);
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
    try {
      return DatabaseMgr.connectDatasetGraph(Location.create(database));
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

  private static Optional<String> readDigest(Path folder) {
    try {
      for (String line : Files.readAllLines(folder.resolve(RECORD_FILE), StandardCharsets.UTF_8)) {
        if (line.startsWith("digest=")) {
          String digest = line.substring("digest=".length()).strip();
          return digest.isEmpty() ? Optional.empty() : Optional.of(digest);
        }
      }
      return Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new NewsGraphException(
          ErrorId.STORE, "cannot read " + folder.resolve(RECORD_FILE) + ": " + reason(e), e);
    }
  }

  /** Writes the record file through a temporary file, so it is always whole. */
  private static void writeRecord(Path folder, String digest) {
    Path record = folder.resolve(RECORD_FILE);
    Path temp = folder.resolve(RECORD_FILE + ".tmp");
    String text =
        "# A NewsGraph store: the TDB2 database in "
            + DATABASE_DIR
            + "/ was built from the inputs with this SHA-256 digest\n"
            + "# (ontology, shapes, every file under triples/). Delete the folder to start afresh.\n"
            + "format="
            + FORMAT
            + "\n"
            + "digest="
            + digest
            + "\n";
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            temp, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, record, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new NewsGraphException(ErrorId.STORE, "cannot write " + record + ": " + reason(e), e);
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
