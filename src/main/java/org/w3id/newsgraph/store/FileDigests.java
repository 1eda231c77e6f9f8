package org.w3id.newsgraph.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.util.AtomicFile;

/**
 * The SHA-256 digests of input files, each file read at most once in a run. With a cache file (a
 * store folder's {@value #CACHE_FILE}), a file whose size, modification time, change time and inode
 * are those recorded is not read again at all, as git trusts its index: rebuilding a store of 1,000
 * articles after one changed then reads one article's files, not 2,000.
 *
 * <p>The change time is what makes this safe: a tool that writes a file and then sets its
 * modification time back cannot set the change time, which the system sets on every write. A file
 * changed within {@link #RACY} of the moment it was read is not recorded (as git's "racily clean"
 * entries): a second write in the same tick of the file system's clock could leave every time
 * unchanged. Where the system offers no change time or inode (not a Unix file system), size and
 * modification time must match.
 */
final class FileDigests {
  /** The cache file in a store folder. */
  static final String CACHE_FILE = "newsgraph-file-digests.tsv";

  /** How recent a change must not be for a file's digest to be recorded. */
  static final Duration RACY = Duration.ofSeconds(2);

  private static final String HEADER = "# newsgraph file digests 1";

  /** What a file's attributes said when it was read; equal stamps mean an unchanged file. */
  record Stamp(long size, long modified, long changed, String key) {
    /** One line of the cache file: the stamp's fields, tab-separated. */
    String line() {
      return size + "\t" + modified + "\t" + changed + "\t" + key;
    }
  }

  private record Entry(Stamp stamp, String digest) {}

  private final Path cache;
  private final Duration racy;
  private final Map<Path, Entry> recorded;
  private final Map<Path, Entry> known = new HashMap<>();
  private int read;

  private FileDigests(Path cache, Duration racy, Map<Path, Entry> recorded) {
    this.cache = cache;
    this.racy = racy;
    this.recorded = recorded;
  }

  /** Digests kept for this run only. */
  static FileDigests inMemory() {
    return new FileDigests(null, RACY, Map.of());
  }

  /**
   * Digests recorded in {@code cache} and saved there by {@link #save()}. A missing or unreadable
   * cache is an empty one: it only spares reading files.
   */
  static FileDigests cachedIn(Path cache) {
    return cachedIn(cache, RACY);
  }

  /** As {@link #cachedIn(Path)}, not recording files changed within {@code racy} of being read. */
  static FileDigests cachedIn(Path cache, Duration racy) {
    return new FileDigests(cache, racy, readCache(cache));
  }

  /**
   * The digest of {@code file}'s content, {@code size:hex}.
   *
   * @throws NewsGraphException if the file cannot be read
   */
  String of(Path file) {
    Path key = file.toAbsolutePath().normalize();
    Entry entry = known.get(key);
    if (entry == null) {
      // without a cache file nothing is recorded or saved, so no stamp is needed
      entry = cache == null ? new Entry(null, hash(file)) : stamped(key, file);
      known.put(key, entry);
    }
    return entry.digest();
  }

  /** The recorded entry of a file whose stamp is unchanged, else a new one (stamped if settled). */
  private Entry stamped(Path key, Path file) {
    long settledBefore = TimeUnit.MILLISECONDS.toNanos(Instant.now().minus(racy).toEpochMilli());
    Stamp stamp = stamp(file);
    Entry old = recorded.get(key);
    if (old != null && old.stamp().equals(stamp)) {
      return old;
    }
    String digest = hash(file);
    boolean settled = stamp.modified() < settledBefore && stamp.changed() < settledBefore;
    return new Entry(settled ? stamp : null, digest);
  }

  /** How many files this run has read (not found in the cache). */
  int read() {
    return read;
  }

  /**
   * Writes the cache file with every file of this run whose change was not too recent, when the
   * cache changed. Does nothing for digests {@link #inMemory()}.
   *
   * @throws NewsGraphException if the cache file cannot be written
   */
  void save() {
    if (cache == null) {
      return;
    }
    Map<Path, Entry> next = new TreeMap<>();
    known.forEach(
        (path, entry) -> {
          if (entry.stamp() != null) {
            next.put(path, entry);
          }
        });
    if (next.equals(new TreeMap<>(recorded))) {
      return;
    }
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    next.forEach(
        (path, entry) ->
            out.append(entry.stamp().line())
                .append('\t')
                .append(entry.digest())
                .append('\t')
                .append(path)
                .append('\n'));
    try {
      AtomicFile.write(cache, o -> o.write(out.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new NewsGraphException(
          ErrorId.STORE, "cannot write " + cache + ": " + e.getMessage(), e);
    }
  }

  private String hash(Path file) {
    MessageDigest content = InputDigest.sha256();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        content.update(buffer, 0, n);
        size += n;
      }
    } catch (IOException e) {
      throw new NewsGraphException(ErrorId.STORE, "cannot read " + file + ": " + e.getMessage(), e);
    }
    read++;
    return size + ":" + HexFormat.of().formatHex(content.digest());
  }

  /** The file's stamp: with its change time and inode where the file system has them. */
  static Stamp stamp(Path file) {
    try {
      try {
        Map<String, Object> unix =
            Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino,dev");
        return new Stamp(
            (Long) unix.get("size"),
            nanos((FileTime) unix.get("lastModifiedTime")),
            nanos((FileTime) unix.get("ctime")),
            unix.get("dev") + ":" + unix.get("ino"));
      } catch (UnsupportedOperationException | IllegalArgumentException e) {
        BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(basic.size(), nanos(basic.lastModifiedTime()), 0, "-");
      }
    } catch (IOException e) {
      throw new NewsGraphException(ErrorId.STORE, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static long nanos(FileTime time) {
    return time.to(TimeUnit.NANOSECONDS);
  }

  private static Map<Path, Entry> readCache(Path cache) {
    Map<Path, Entry> out = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(cache, StandardCharsets.UTF_8)) {
      if (!HEADER.equals(in.readLine())) {
        return Map.of();
      }
      for (String line; (line = in.readLine()) != null; ) {
        String[] f = line.split("\t", 6);
        if (f.length != 6) {
          return Map.of();
        }
        Stamp stamp =
            new Stamp(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]);
        out.put(Path.of(f[5]), new Entry(stamp, f[4]));
      }
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException | RuntimeException e) {
      return Map.of(); // a damaged cache only costs reading the files again
    }
    return out;
  }
}
