package org.w3id.newsgraph.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.util.AtomicFile;

/**
 * Answers already fetched, one file per key in a folder: {@code <sha-256 of the key>.json}. The key
 * names the service and what was asked (one name, one item, one class), so a later run finds every
 * answer it needs whatever the batches it would send, and sends nothing.
 */
final class ResponseCache {
  private final Path dir;

  ResponseCache(Path dir) {
    this.dir = dir;
  }

  /** The folder. */
  Path dir() {
    return dir;
  }

  /** The answer stored for {@code key}, if any. */
  Optional<String> get(String key) {
    Path file = file(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NewsGraphException("cannot read the cache file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Stores {@code value} for {@code key}, replacing what was there. */
  void put(String key, String value) {
    Path file = file(key);
    try {
      Files.createDirectories(dir);
      AtomicFile.write(file, out -> out.write(value.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new NewsGraphException("cannot write the cache in " + dir + ": " + e.getMessage(), e);
    }
  }

  private Path file(String key) {
    return dir.resolve(sha256(key) + ".json");
  }

  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
