package org.w3id.newsgraph.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.LoadPlan;
import org.w3id.newsgraph.load.LoadResult;
import org.w3id.newsgraph.util.AtomicFile;

/**
 * What a store was built from, kept in its folder as {@value GraphStore#RECORD_FILE} (a small text
 * file, always written whole through {@link AtomicFile}): the digest of all inputs, the digest of
 * the settings that force a full rebuild (ontology, shapes, format, version, inference), the
 * database folder in use, every entity with its class, every article with the digest of its inputs
 * and the entities its facts use, the digest of the content of the shared graphs (entities, links)
 * as stored, and the digest of the inputs those were built and validated from. An incremental build
 * compares the inputs with this.
 *
 * @param digest the digest of every input and setting; empty when no build completed
 * @param settings the digest of what forces a full rebuild when it changes
 * @param database the sub-folder holding the TDB2 database, or empty
 * @param entities entity id to class IRI
 * @param articles source id to its inputs' digest and used entities
 * @param graphs graph IRI to the digest of the triples the store holds in it ({@link
 *     InputDigest#graph}); a graph not named here is not known to be as recorded
 * @param shared the digest of the inputs ({@link InputDigest#shared}) of the shared graphs the
 *     store holds, which passed every check, SHACL included, with the settings recorded here; empty
 *     when not known
 */
record StoreState(
    String digest,
    String settings,
    String database,
    Map<String, String> entities,
    Map<String, Article> articles,
    Map<String, String> graphs,
    String shared) {

  /**
   * One article as it was loaded.
   *
   * @param digest the digest of its facts file, its text and its row of sources.csv
   * @param uses the entity ids its facts use
   */
  record Article(String digest, Set<String> uses) {}

  /** The state of a folder with no completed build. */
  static final StoreState NONE = new StoreState("", "", "", Map.of(), Map.of(), Map.of(), "");

  /**
   * The load plan for inputs whose articles have {@code articleDigests}: skip every article whose
   * digest is the one recorded here.
   */
  LoadPlan plan(Map<String, String> articleDigests) {
    Map<String, Set<String>> reused = new HashMap<>();
    articles.forEach(
        (id, article) -> {
          if (article.digest().equals(articleDigests.get(id))) {
            reused.put(id, article.uses());
          }
        });
    return new LoadPlan(reused, entities);
  }

  /**
   * The state after a load: the articles it read with their new digests, the others as recorded
   * here, the entities as they are now.
   */
  StoreState next(
      LoadResult result,
      Map<String, String> articleDigests,
      String newDigest,
      String newSettings,
      String newDatabase) {
    Map<String, Article> next = new TreeMap<>();
    for (String id : result.sources()) {
      Set<String> uses = result.loaded().get(id);
      if (uses != null) {
        next.put(id, new Article(articleDigests.getOrDefault(id, ""), uses));
      } else if (articles.containsKey(id)) {
        next.put(id, articles.get(id));
      }
    }
    return new StoreState(
        newDigest, newSettings, newDatabase, result.entityClasses(), next, Map.of(), "");
  }

  /**
   * This state, recording that the store holds triples with {@code digests} in the shared graphs,
   * not known to be built from any inputs in particular (they are checked again next time).
   */
  StoreState withGraphs(Map<String, String> digests) {
    return withGraphs(digests, "");
  }

  /**
   * This state, recording that the store holds triples with {@code digests} in the shared graphs,
   * built and validated from the inputs with the digest {@code inputs}.
   */
  StoreState withGraphs(Map<String, String> digests, String inputs) {
    return new StoreState(
        digest, settings, database, entities, articles, Map.copyOf(digests), inputs);
  }

  /**
   * What to record while a write that {@code result} made is being committed: this state without
   * what the write may or may not have changed (the articles it loaded or removed, the shared
   * graphs and their inputs) and with no overall digest. A kill between the commit and the record
   * of the next state thus leaves a record that claims nothing the database may not hold: the next
   * build loads those articles, and checks and compares those graphs again.
   */
  StoreState pending(LoadResult result) {
    Map<String, Article> kept = new TreeMap<>(articles);
    kept.keySet().removeAll(result.loaded().keySet());
    kept.keySet().retainAll(new HashSet<>(result.sources()));
    return new StoreState("", settings, database, entities, kept, Map.of(), "");
  }

  /** The recorded articles that the load no longer has. */
  List<String> removedBy(LoadResult result) {
    List<String> removed = new ArrayList<>();
    Set<String> sources = new HashSet<>(result.sources());
    for (String id : articles.keySet()) {
      if (!sources.contains(id)) {
        removed.add(id);
      }
    }
    return removed;
  }

  /** Reads the state of {@code folder}; {@link #NONE} when there is no record file. */
  static StoreState read(Path folder) {
    Path file = folder.resolve(GraphStore.RECORD_FILE);
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return NONE;
    } catch (IOException e) {
      throw new NewsGraphException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The state written as {@link #text} wrote it; lines it does not know are skipped. */
  static StoreState parse(String text) {
    String digest = "";
    String settings = "";
    String database = "";
    Map<String, String> entities = new TreeMap<>();
    Map<String, Article> articles = new TreeMap<>();
    Map<String, String> graphs = new TreeMap<>();
    String shared = "";
    for (String line : text.split("\n")) {
      if (line.startsWith("digest=")) {
        digest = line.substring("digest=".length()).strip();
      } else if (line.startsWith("settings=")) {
        settings = line.substring("settings=".length()).strip();
      } else if (line.startsWith("shared=")) {
        shared = line.substring("shared=".length()).strip();
      } else if (line.startsWith("database=")) {
        database = line.substring("database=".length()).strip();
      } else if (line.startsWith("entity\t")) {
        String[] f = line.split("\t", -1);
        if (f.length == 3) {
          entities.put(f[1], f[2]);
        }
      } else if (line.startsWith("article\t")) {
        String[] f = line.split("\t", -1);
        if (f.length == 4) {
          Set<String> uses = new LinkedHashSet<>();
          if (!f[3].isEmpty()) {
            uses.addAll(Arrays.asList(f[3].split(" ")));
          }
          articles.put(f[1], new Article(f[2], uses));
        }
      } else if (line.startsWith("graph\t")) {
        String[] f = line.split("\t", -1);
        if (f.length == 3) {
          graphs.put(f[1], f[2]);
        }
      }
    }
    return new StoreState(digest, settings, database, entities, articles, graphs, shared);
  }

  /** This state as text: a comment, then one {@code key=value} or tab-separated line each. */
  String text() {
    StringBuilder w = new StringBuilder();
    w.append(
        "# A NewsGraph store: the TDB2 database in the folder named by 'database' was built"
            + " from\n# the inputs with this SHA-256 digest (ontology, shapes, every file"
            + " under triples/),\n# one named graph per article. Delete the folder to"
            + " start afresh.\n");
    w.append("format=").append(GraphStore.FORMAT).append('\n');
    w.append("digest=").append(digest).append('\n');
    w.append("settings=").append(settings).append('\n');
    w.append("database=").append(database).append('\n');
    w.append("shared=").append(shared).append('\n');
    for (Map.Entry<String, String> e : new TreeMap<>(entities).entrySet()) {
      w.append("entity\t").append(e.getKey()).append('\t').append(e.getValue()).append('\n');
    }
    for (Map.Entry<String, Article> e : new TreeMap<>(articles).entrySet()) {
      w.append("article\t")
          .append(e.getKey())
          .append('\t')
          .append(e.getValue().digest())
          .append('\t')
          .append(String.join(" ", sorted(e.getValue().uses())))
          .append('\n');
    }
    for (Map.Entry<String, String> e : new TreeMap<>(graphs).entrySet()) {
      w.append("graph\t").append(e.getKey()).append('\t').append(e.getValue()).append('\n');
    }
    return w.toString();
  }

  /**
   * {@code ids} in order: as they are when they already are (an unchanged article's, as read from
   * the record), else sorted.
   */
  private static Iterable<String> sorted(Set<String> ids) {
    String last = null;
    for (String id : ids) {
      if (last != null && last.compareTo(id) >= 0) {
        return new TreeSet<>(ids);
      }
      last = id;
    }
    return ids;
  }

  /** Writes this state to {@code folder}'s record file, whole or not at all. */
  void write(Path folder) {
    Path file = folder.resolve(GraphStore.RECORD_FILE);
    try {
      AtomicFile.write(file, out -> out.write(text().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new NewsGraphException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
