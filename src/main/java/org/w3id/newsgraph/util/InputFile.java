package org.w3id.newsgraph.util;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Why an input file cannot be read, said the way a user can act on it. */
public final class InputFile {
  private InputFile() {}

  /**
   * Empty when {@code file} is a regular file this process may read; else the reason: not found, a
   * folder, not a regular file, permission denied, a symbolic link loop, ...
   */
  public static Optional<String> whyUnreadable(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      return Optional.of(reason(file, e));
    }
    if (attributes.isDirectory()) {
      return Optional.of("is a folder, not a file");
    }
    if (!attributes.isRegularFile()) {
      return Optional.of("is not a regular file (a device, a pipe or a socket?)");
    }
    if (!Files.isReadable(file)) {
      return Optional.of("permission denied: this user may not read it");
    }
    return Optional.empty();
  }

  /** The reason an I/O operation on {@code file} failed, without Java class names. */
  public static String reason(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return Files.isSymbolicLink(file)
          ? "is a symbolic link to a file that does not exist"
          : "file not found";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: this user may not read it";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      String why = fse.getReason();
      return why.contains("symbolic links") ? "is a symbolic link loop (" + why + ")" : why;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
