package org.w3id.newsgraph.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders as a whole. */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Copies the folder {@code from} with everything in it to {@code to} (created; files already
   * there are not overwritten: the copy fails).
   *
   * @throws IOException if something cannot be read or written
   */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }

  /**
   * Deletes {@code dir} with everything in it, deepest first; nothing if it does not exist.
   *
   * @throws IOException if something in it cannot be deleted (what was deleted stays deleted)
   */
  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
