package org.w3id.newsgraph.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that it is never half written: the content goes to a temporary file beside the
 * target, is forced to disk, and is then moved into place (atomically where the file system can).
 * On any failure the temporary file is removed and an existing target is left as it was.
 */
public final class AtomicFile {
  /** What writes the content. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content to {@code out} (which the caller closes). */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Writes {@code target} with what {@code content} writes. The target's directory must exist.
   *
   * @throws IOException if the file cannot be written; any exception {@code content} throws is
   *     passed on as it is
   */
  public static void write(Path target, Content content) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel =
              FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
        content.writeTo(out);
        out.flush();
        channel.force(true); // on disk before it replaces the old file
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }
}
