package org.w3id.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.NewsGraphException;

class FileDigestsTest {
  @TempDir Path dir;

  private static String sha(String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return bytes.length
        + ":"
        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void digestIsSizeAndSha256OfTheContentAndEachFileIsReadOnceInARun() throws Exception {
    Path f = Files.writeString(dir.resolve("a.csv"), "id,label\nx,Ex\n");
    FileDigests digests = FileDigests.inMemory();
    assertEquals(sha("id,label\nx,Ex\n"), digests.of(f));
    assertEquals(sha("id,label\nx,Ex\n"), digests.of(dir.resolve("./a.csv")));
    assertEquals(1, digests.read());
  }

  @Test
  void aSettledFileIsNotReadAgainInTheNextRun() throws Exception {
    Path cache = dir.resolve(FileDigests.CACHE_FILE);
    Path f = Files.writeString(dir.resolve("a.csv"), "one");
    FileDigests first = FileDigests.cachedIn(cache, Duration.ZERO);
    String digest = first.of(f);
    first.save();
    assertTrue(Files.isRegularFile(cache));

    FileDigests second = FileDigests.cachedIn(cache, Duration.ZERO);
    assertEquals(digest, second.of(f));
    assertEquals(0, second.read(), "the recorded digest is used");
  }

  @Test
  void aFileChangedSinceItWasRecordedIsReadAgain() throws Exception {
    Path cache = dir.resolve(FileDigests.CACHE_FILE);
    Path f = Files.writeString(dir.resolve("a.csv"), "one");
    FileDigests first = FileDigests.cachedIn(cache, Duration.ZERO);
    first.of(f);
    first.save();

    // The same size, and the modification time set back to the recorded one: only the change
    // time (and the content) differ.
    FileTime modified = Files.getLastModifiedTime(f);
    Thread.sleep(20);
    Files.writeString(f, "two");
    Files.setLastModifiedTime(f, modified);

    FileDigests second = FileDigests.cachedIn(cache, Duration.ZERO);
    assertEquals(sha("two"), second.of(f));
    assertEquals(1, second.read());
  }

  @Test
  void aFileChangedJustBeforeItWasReadIsNotRecorded() throws Exception {
    Path cache = dir.resolve(FileDigests.CACHE_FILE);
    Path f = Files.writeString(dir.resolve("a.csv"), "one");
    FileDigests first = FileDigests.cachedIn(cache, Duration.ofHours(1));
    first.of(f);
    first.save();
    assertFalse(Files.exists(cache), "nothing settled, nothing to record");

    FileDigests second = FileDigests.cachedIn(cache, Duration.ofHours(1));
    second.of(f);
    assertEquals(1, second.read());
  }

  @Test
  void aDamagedCacheIsIgnored() throws Exception {
    Path cache = Files.writeString(dir.resolve(FileDigests.CACHE_FILE), "not a cache\n1\t2\n");
    Path f = Files.writeString(dir.resolve("a.csv"), "one");
    FileDigests digests = FileDigests.cachedIn(cache, Duration.ZERO);
    assertEquals(sha("one"), digests.of(f));
    assertEquals(1, digests.read());
    digests.save();
    assertNotEquals("not a cache", Files.readAllLines(cache).get(0), "rewritten");
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    Path missing = dir.resolve("gone.csv");
    NewsGraphException e =
        assertThrows(NewsGraphException.class, () -> FileDigests.inMemory().of(missing));
    assertTrue(e.getMessage().contains("gone.csv"), e.getMessage());
  }
}
