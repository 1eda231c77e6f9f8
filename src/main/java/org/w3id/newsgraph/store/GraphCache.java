package org.w3id.newsgraph.store;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.util.AtomicFile;

/**
 * Graphs that passed every check, kept on disk (as RDF Thrift) so that an in-memory {@code serve}
 * whose inputs have not changed since an earlier start reads the checked graph back instead of
 * loading and validating the CSV again. An entry is named by a digest of everything the graph is
 * built from ({@link InputDigest}: every input file, the settings) and of the code that built it
 * (the jar's name, size and time), so a changed input or a rebuilt jar never meets an old entry.
 *
 * <p>It is only a cache: entries are written atomically, the newest {@value #KEEP} are kept, and an
 * entry that cannot be read is ignored (the graph is then loaded from the CSV as without a cache).
 */
public final class GraphCache {
  /** How many entries are kept; older ones are deleted when a new one is written. */
  static final int KEEP = 8;

  private static final String SUFFIX = ".rt";
  private static final byte[] MAGIC =
      "NewsGraph checked graph 1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int CHECKSUM_BYTES = 32;
  private static final Logger LOG = LoggerFactory.getLogger(GraphCache.class);

  private final Path folder;
  private final String code;

  private GraphCache(Path folder, String code) {
    this.folder = folder;
    this.code = code;
  }

  /**
   * A cache in {@code folder} (created when first written) for graphs built by {@code code}.
   *
   * @param code what identifies the code that builds the graphs, e.g. a jar's name, size and time
   */
  public static GraphCache in(Path folder, String code) {
    return new GraphCache(folder, code);
  }

  /** The folder the entries are in. */
  public Path folder() {
    return folder;
  }

  /** The entry key of a graph built from these inputs and settings by this cache's code. */
  String key(Layout layout, String... settings) {
    String[] all = new String[settings.length + 1];
    all[0] = "code=" + code;
    System.arraycopy(settings, 0, all, 1, settings.length);
    return InputDigest.of(layout, all);
  }

  /**
   * The graph stored under {@code key}, if there is one whose checksum holds (a file cut short or
   * changed on disk is a miss, never a partial graph).
   */
  Optional<DatasetGraph> read(String key) {
    Path file = folder.resolve(key + SUFFIX);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      long body = Files.size(file) - MAGIC.length - CHECKSUM_BYTES;
      if (body < 0 || !Arrays.equals(MAGIC, in.readNBytes(MAGIC.length))) {
        return miss(file, "not a cache entry");
      }
      MessageDigest sha = InputDigest.sha256();
      InputStream data = new DigestInputStream(new Bounded(in, body), sha);
      Txn.executeWrite(dsg, () -> RDFParser.source(data).lang(Lang.RDFTHRIFT).parse(dsg));
      data.transferTo(OutputStream.nullOutputStream());
      if (!MessageDigest.isEqual(sha.digest(), in.readNBytes(CHECKSUM_BYTES))) {
        return miss(file, "checksum does not match");
      }
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
      return Optional.of(dsg);
    } catch (IOException | RiotException e) {
      return miss(file, e.getMessage());
    }
  }

  /**
   * Stores {@code dsg} under {@code key}: a header, the quads as RDF Thrift, their SHA-256. A cache
   * that cannot be written is left alone.
   */
  void write(String key, DatasetGraph dsg) {
    try {
      Files.createDirectories(folder);
      AtomicFile.write(
          folder.resolve(key + SUFFIX),
          out -> {
            out.write(MAGIC);
            MessageDigest sha = InputDigest.sha256();
            OutputStream data =
                new DigestOutputStream(
                    new FilterOutputStream(out) {
                      @Override
                      public void close() throws IOException {
                        flush(); // the checksum still follows
                      }
                    },
                    sha);
            Txn.executeRead(dsg, () -> RDFDataMgr.write(data, dsg, Lang.RDFTHRIFT));
            data.flush();
            out.write(sha.digest());
          });
      prune();
    } catch (IOException | RuntimeException e) {
      LOG.info("not caching the graph in {}: {}", folder, e.getMessage());
    }
  }

  private static Optional<DatasetGraph> miss(Path file, String why) {
    LOG.info("ignoring the cached graph {}: {}", file, why);
    return Optional.empty();
  }

  /** The first {@code limit} bytes of a stream, leaving the rest (the checksum) unread. */
  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() {
      // the caller closes the file
    }
  }

  /** Deletes all but the {@value #KEEP} most recently used entries. */
  private void prune() throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
      dir.forEach(entries::add);
    }
    entries.sort(Comparator.comparing(GraphCache::modified).reversed());
    for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
      Files.deleteIfExists(old);
    }
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
