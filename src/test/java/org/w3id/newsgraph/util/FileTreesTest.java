package org.w3id.newsgraph.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
  @TempDir Path tmp;

  @Test
  void deletesAFolderWithAllItHoldsAndNothingBeside() throws IOException {
    Path dir = tmp.resolve("a");
    Files.createDirectories(dir.resolve("b/c"));
    Files.writeString(dir.resolve("b/c/file.txt"), "x");
    Files.writeString(dir.resolve("top.txt"), "y");
    Path beside = Files.writeString(tmp.resolve("a.txt"), "kept");
    FileTrees.delete(dir);
    assertFalse(Files.exists(dir));
    assertTrue(Files.exists(beside));
  }

  @Test
  void copiesAFolderWithAllItHolds() throws IOException {
    Path dir = tmp.resolve("a");
    Files.createDirectories(dir.resolve("b/c"));
    Files.writeString(dir.resolve("b/c/file.txt"), "x");
    Files.createDirectories(dir.resolve("empty"));
    FileTrees.copy(dir, tmp.resolve("copy"));
    assertEquals("x", Files.readString(tmp.resolve("copy/b/c/file.txt")));
    assertTrue(Files.isDirectory(tmp.resolve("copy/empty")));
    assertTrue(Files.exists(dir.resolve("b/c/file.txt")), "the original stays");
    assertThrows(IOException.class, () -> FileTrees.copy(dir, tmp.resolve("copy")));
  }

  @Test
  void aMissingFolderIsNothingToDo() throws IOException {
    FileTrees.delete(tmp.resolve("none"));
    assertTrue(Files.isDirectory(tmp));
  }
}
