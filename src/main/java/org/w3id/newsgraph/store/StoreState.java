package org.w3id.newsgraph.store;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.util.AtomicFile;

/**
 * What a store was built from, kept in its folder as {@value GraphStore#RECORD_FILE} (a small text
 * file, always written whole through {@link AtomicFile}): the digest of all inputs, the digest of
 * the settings that force a full rebuild (ontology, shapes, format, version, inference), the
 * database folder in use, every entity with its class, and every article with the digest of its
 * inputs and the entities its facts use. An incremental build compares the inputs with this.
 *
 * @param digest the digest of every input and setting; empty when no build completed
 * @param settings the digest of what forces a full rebuild when it changes
 * @param database the sub-folder holding the TDB2 database, or empty
 * @param entities entity id to class IRI
 * @param articles source id to its inputs' digest and used entities
 */
record StoreState(
    String digest,
    String settings,
    String database,
    Map<String, String> entities,
    Map<String, Article> articles) {

  /**
   * One article as it was loaded.
   *
   * @param digest the digest of its facts file, its text and its row of sources.csv
   * @param uses the entity ids its facts use
   */
  record Article(String digest, Set<String> uses) {}

  /** The state of a folder with no completed build. */
  static final StoreState NONE = new StoreState("", "", "", Map.of(), Map.of());

  /** Reads the state of {@code folder}; {@link #NONE} when there is no record file. */
  static StoreState read(Path folder) {
    Path file = folder.resolve(GraphStore.RECORD_FILE);
    String digest = "";
    String settings = "";
    String database = "";
    Map<String, String> entities = new TreeMap<>();
    Map<String, Article> articles = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith("digest=")) {
          digest = line.substring("digest=".length()).strip();
        } else if (line.startsWith("settings=")) {
          settings = line.substring("settings=".length()).strip();
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
        }
      }
    } catch (NoSuchFileException e) {
      return NONE;
    } catch (IOException e) {
      throw new NewsGraphException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new StoreState(digest, settings, database, entities, articles);
  }

  /** Writes this state to {@code folder}'s record file, whole or not at all. */
  void write(Path folder) {
    Path file = folder.resolve(GraphStore.RECORD_FILE);
    try {
      AtomicFile.write(
          file,
          out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(
                "# A NewsGraph store: the TDB2 database in the folder named by 'database' was built"
                    + " from\n# the inputs with this SHA-256 digest (ontology, shapes, every file"
                    + " under triples/),\n# one named graph per article. Delete the folder to"
                    + " start afresh.\n");
            w.write("format=" + GraphStore.FORMAT + "\n");
            w.write("digest=" + digest + "\n");
            w.write("settings=" + settings + "\n");
            w.write("database=" + database + "\n");
            for (Map.Entry<String, String> e : new TreeMap<>(entities).entrySet()) {
              w.write("entity\t" + e.getKey() + "\t" + e.getValue() + "\n");
            }
            for (Map.Entry<String, Article> e : new TreeMap<>(articles).entrySet()) {
              w.write(
                  "article\t"
                      + e.getKey()
                      + "\t"
                      + e.getValue().digest()
                      + "\t"
                      + String.join(" ", new java.util.TreeSet<>(e.getValue().uses()))
                      + "\n");
            }
            w.flush();
          });
    } catch (IOException e) {
      throw new NewsGraphException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
