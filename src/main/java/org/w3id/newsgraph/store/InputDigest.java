package org.w3id.newsgraph.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.out.NodeFmtLib;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.Layout;

/**
 * A SHA-256 digest of everything a graph is built from: every file a {@link Layout} names (the
 * ontology, the shapes, and every file under the triples folder, links included), plus what else
 * changes the built graph (whether inferred triples are wanted, the store format and the NewsGraph
 * version). Files are taken in a fixed order and named relative to their layout entry, so the same
 * inputs give the same digest in any folder and on any machine.
 *
 * <p>The digests here are made of the files' own digests, which a {@link FileDigests} gives: a
 * caller that asks for several digests of the same inputs (all of them, then each article's) passes
 * the same one to all of them, so that no file is read twice in a run (or, with a store's cache, at
 * all while it is unchanged).
 */
final class InputDigest {
  private InputDigest() {}

  /**
   * The digest of the inputs of {@code layout}, as lower-case hex.
   *
   * @param extra further settings that change the built graph, e.g. {@code inferred=true}
   * @throws NewsGraphException if an input cannot be read
   */
  static String of(Layout layout, String... extra) {
    return of(layout, FileDigests.inMemory(), extra);
  }

  /** As {@link #of(Layout, String...)}, taking file digests from {@code files}. */
  static String of(Layout layout, FileDigests files, String... extra) {
    MessageDigest sha = sha256();
    for (String e : extra) {
      field(sha, "setting", e);
    }
    // Every Path of the layout, found by reflection so that inputs added to Layout later (e.g. a
    // links file) are covered without touching this class.
    for (RecordComponent component : Layout.class.getRecordComponents()) {
      if (component.getType() != Path.class) {
        continue;
      }
      Path root = path(layout, component);
      field(sha, "input", component.getName());
      if (root == null || !Files.exists(root)) {
        field(sha, "missing", component.getName());
      } else if (Files.isDirectory(root)) {
        Path real = realPath(root);
        for (Path file : filesUnder(root)) {
          file(sha, real.relativize(file).toString().replace('\\', '/'), file, files);
        }
      } else {
        file(sha, root.getFileName().toString(), root, files);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * The digest of each article's own inputs: its facts file, its text and its row of {@code
   * sources.csv}, by source id. An article whose digest is unchanged need not be loaded again. Rows
   * that cannot be read are left out (the load reports them).
   */
  static Map<String, String> articles(Layout layout) {
    return articles(layout, FileDigests.inMemory());
  }

  /** As {@link #articles(Layout)}, taking file digests from {@code files}. */
  static Map<String, String> articles(Layout layout, FileDigests files) {
    Map<String, String> out = new TreeMap<>();
    Path sources = layout.sourcesCsv();
    if (!Files.isRegularFile(sources)) {
      return out;
    }
    try (Reader reader = Files.newBufferedReader(sources, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(SOURCES).get()) {
      if (!parser.getHeaderMap().containsKey("id")) {
        return out;
      }
      for (CSVRecord row : parser) {
        if (!row.isConsistent()) {
          continue;
        }
        String id = row.get("id").strip();
        if (!org.w3id.newsgraph.model.Iris.isValidId(id)) {
          continue;
        }
        MessageDigest sha = sha256();
        field(sha, "row", String.join("\u0000", row.values()));
        for (Path file : List.of(layout.factsCsv(id), layout.sourceText(id))) {
          if (Files.isRegularFile(file)) {
            file(sha, file.getFileName().toString(), file, files);
          } else {
            field(sha, "missing", file.getFileName().toString());
          }
        }
        out.put(id, HexFormat.of().formatHex(sha.digest()));
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      return out; // the load reports what is wrong with the file
    }
    return out;
  }

  /**
   * The digest of what forces a full rebuild: the ontology, the shapes and {@code extra}; file
   * digests are taken from {@code files}.
   */
  static String settings(Layout layout, FileDigests files, String... extra) {
    MessageDigest sha = sha256();
    for (String e : extra) {
      field(sha, "setting", e);
    }
    for (Path file : List.of(layout.ontology(), layout.shapes())) {
      if (Files.isRegularFile(file)) {
        file(sha, file.getFileName().toString(), file, files);
      } else {
        field(sha, "missing", file.getFileName().toString());
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * The digest of what the shared graphs (the entities and the links) are built and checked from:
   * {@code settings} (the digest of the ontology, the shapes and the other settings) and every file
   * under the triples folder that is not an article's own ({@code facts/} and {@code sources/} hold
   * those), so {@code entities.csv}, {@code sources.csv}, the links and any file added there later.
   * While it is unchanged, the shared graphs a load builds are those an earlier load built and
   * validated. File digests are taken from {@code files}.
   */
  static String shared(Layout layout, FileDigests files, String settings) {
    MessageDigest sha = sha256();
    field(sha, "settings", settings);
    Path triples = layout.triples();
    if (!Files.isDirectory(triples)) {
      field(sha, "missing", "triples");
      return HexFormat.of().formatHex(sha.digest());
    }
    Path real = realPath(triples);
    List<Path> entries;
    try (Stream<Path> list = Files.list(real)) {
      entries = new ArrayList<>(list.toList());
    } catch (IOException | UncheckedIOException e) {
      throw new NewsGraphException(ErrorId.STORE, "cannot read " + real + ": " + e.getMessage(), e);
    }
    entries.sort(null);
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (Files.isDirectory(entry)) {
        if (!ARTICLE_FOLDERS.contains(name)) {
          for (Path file : filesUnder(entry)) {
            file(sha, real.relativize(file).toString().replace('\\', '/'), file, files);
          }
        }
      } else if (Files.isRegularFile(entry)) {
        file(sha, name, entry, files);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The folders under the triples folder that hold one file per article. */
  private static final Set<String> ARTICLE_FOLDERS = Set.of("facts", "sources");

  /**
   * The digest of the triples of {@code graph}, whatever their order: each triple's N-Triples line
   * is hashed with SHA-256, and the hashes are added up modulo 2<sup>256</sup> (a multiset hash, so
   * no list of lines is kept or sorted: the entities graph of 1 M facts has 600,000 triples); the
   * digest is SHA-256 of the count and the sum. Two graphs with the same digest hold the same
   * triples (blank nodes aside, whose labels differ from one load to the next, so a graph with any
   * gets a new digest every time).
   */
  static String graph(Graph graph) {
    long[] sum = new long[4];
    long count = sum(graph, sum);
    MessageDigest sha = sha256();
    field(sha, "triples", Long.toString(count));
    StringBuilder words = new StringBuilder();
    for (long w : sum) {
      words.append(Long.toHexString(w)).append(' ');
    }
    field(sha, "sum", words.toString());
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * Adds the SHA-256 of each triple's N-Triples line, read as a little-endian number, to {@code
   * sum} (four little-endian 64-bit words: modulo 2<sup>256</sup>); returns how many triples.
   */
  static long sum(Graph graph, long[] sum) {
    long[] count = {0};
    MessageDigest line = sha256();
    graph
        .find()
        .forEachRemaining(
            t -> {
              byte[] h = line.digest(NodeFmtLib.strNT(t).getBytes(StandardCharsets.UTF_8));
              long carry = 0;
              for (int w = 0; w < 4; w++) {
                long word = 0;
                for (int b = 0; b < 8; b++) {
                  word |= (h[w * 8 + b] & 0xFFL) << (8 * b);
                }
                long s1 = sum[w] + word;
                long s2 = s1 + carry;
                carry =
                    (Long.compareUnsigned(s1, word) < 0 ? 1 : 0)
                        | (Long.compareUnsigned(s2, s1) < 0 ? 1 : 0);
                sum[w] = s2;
              }
              count[0]++;
            });
    return count[0];
  }

  private static final CSVFormat SOURCES =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new NewsGraphException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static Path path(Layout layout, RecordComponent component) {
    try {
      return (Path) component.getAccessor().invoke(layout);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read Layout." + component.getName(), e);
    }
  }

  private static List<Path> filesUnder(Path link) {
    Path root;
    try {
      root = link.toRealPath(); // a symbolic link to the folder is walked into, not skipped
    } catch (IOException e) {
      throw new NewsGraphException("cannot read " + link + ": " + e.getMessage(), e);
    }
    try (Stream<Path> walk = Files.walk(root)) {
      // Sorted by the relative name, made once per file.
      TreeMap<String, Path> files = new TreeMap<>();
      walk.filter(Files::isRegularFile)
          .forEach(f -> files.put(root.relativize(f).toString().replace('\\', '/'), f));
      return new ArrayList<>(files.values());
    } catch (IOException | UncheckedIOException e) {
      throw new NewsGraphException(ErrorId.STORE, "cannot read " + root + ": " + e.getMessage(), e);
    }
  }

  /** Feeds {@code sha} the file's name and its digest in {@code files}. */
  private static void file(MessageDigest sha, String name, Path file, FileDigests files) {
    field(sha, "file", name + "\0" + files.of(file));
  }

  /** A tagged, length-prefixed field, so that no two different inputs feed the same bytes. */
  private static void field(MessageDigest sha, String tag, String value) {
    byte[] bytes = (tag + "=" + value).getBytes(StandardCharsets.UTF_8);
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) ':');
    sha.update(bytes);
  }

  /** A new SHA-256 digest (every Java has it). */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
