package org.w3id.newsgraph.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void replacesTheFileAndLeavesNothingElse() throws IOException {
    Path file = dir.resolve("a.txt");
    Files.writeString(file, "old");
    AtomicFile.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertEquals("new", Files.readString(file));
    assertEquals(List.of(file), list());
  }

  @Test
  void aFailureHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("a.txt");
    Files.writeString(file, "old");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                AtomicFile.write(
                    file,
                    out -> {
                      out.write("half of it".getBytes(StandardCharsets.UTF_8));
                      throw new IllegalStateException("broken");
                    }));
    assertEquals("broken", e.getMessage());
    assertEquals("old", Files.readString(file));
    assertEquals(List.of(file), list());
  }

  private List<Path> list() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }
}
