package org.w3id.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.load.LoadException;

/** The cache of checked graphs behind an in-memory {@code serve}. */
class GraphCacheTest {
  @TempDir Path tmp;

  @Test
  void aSecondStartReadsTheCheckedGraphBackUnchanged() throws IOException {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    GraphCache cache = GraphCache.in(tmp.resolve("cache"), "jar-1");
    try (GraphStore first = GraphStore.inMemory(p.layout(), true, 10, cache);
        GraphStore second = GraphStore.inMemory(p.layout(), true, 10, cache);
        GraphStore plain = GraphStore.inMemory(p.layout(), true, 10)) {
      assertEquals(GraphStore.Origin.MEMORY, first.origin());
      assertEquals(GraphStore.Origin.CACHED, second.origin());
      assertEquals(1, entries(cache).size());
      DatasetGraph fresh = plain.dataset().asDatasetGraph();
      DatasetGraph cached = second.dataset().asDatasetGraph();
      Txn.executeRead(
          fresh,
          () ->
              Txn.executeRead(
                  cached, () -> assertTrue(IsoMatcher.isomorphic(fresh, cached), "same quads")));
      assertEquals(plain.counts(), second.counts());
    }
  }

  @Test
  void aChangedInputSettingOrJarNeverMeetsAnOldEntry() throws IOException {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    Path folder = tmp.resolve("cache");
    GraphCache cache = GraphCache.in(folder, "jar-1");
    GraphStore.inMemory(p.layout(), false, 10, cache).close();
    String before = cache.key(p.layout(), "format=2", "inferred=false");
    assertNotEquals(before, cache.key(p.layout(), "format=2", "inferred=true"));
    assertNotEquals(
        before, GraphCache.in(folder, "jar-2").key(p.layout(), "format=2", "inferred=false"));
    try (GraphStore other =
        GraphStore.inMemory(p.layout(), false, 10, GraphCache.in(folder, "jar-2"))) {
      assertEquals(GraphStore.Origin.MEMORY, other.origin(), "another jar");
    }

    p.editEntities(TestProject.TTP_LABEL, "Tehreek-e-Taliban Pakistan");
    assertNotEquals(before, cache.key(p.layout(), "format=2", "inferred=false"));
    try (GraphStore edited = GraphStore.inMemory(p.layout(), false, 10, cache)) {
      assertEquals(GraphStore.Origin.MEMORY, edited.origin(), "an edited input is loaded again");
    }
  }

  @Test
  void aBrokenInputIsRefusedEvenIfAnEarlierVersionWasCached() throws IOException {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    GraphCache cache = GraphCache.in(tmp.resolve("cache"), "jar-1");
    GraphStore.inMemory(p.layout(), false, 10, cache).close();
    p.breakFacts();
    assertThrows(LoadException.class, () -> GraphStore.inMemory(p.layout(), false, 10, cache));
    assertEquals(1, entries(cache).size(), "nothing cached for the broken inputs");
  }

  @Test
  void anEntryThatCannotBeReadIsIgnoredAndReplaced() throws IOException {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    GraphCache cache = GraphCache.in(tmp.resolve("cache"), "jar-1");
    GraphStore.inMemory(p.layout(), false, 10, cache).close();
    Path entry = entries(cache).get(0);
    byte[] whole = Files.readAllBytes(entry);
    Files.write(entry, java.util.Arrays.copyOf(whole, whole.length / 2)); // cut short
    try (GraphStore store = GraphStore.inMemory(p.layout(), false, 10, cache)) {
      assertEquals(GraphStore.Origin.MEMORY, store.origin(), "loaded from the CSV instead");
    }
    assertEquals(whole.length, Files.size(entry), "written again whole");
    try (GraphStore store = GraphStore.inMemory(p.layout(), false, 10, cache)) {
      assertEquals(GraphStore.Origin.CACHED, store.origin());
    }
    byte[] flipped = whole.clone();
    flipped[whole.length / 2] ^= 0x01; // same length, one bit changed
    Files.write(entry, flipped);
    try (GraphStore store = GraphStore.inMemory(p.layout(), false, 10, cache)) {
      assertEquals(GraphStore.Origin.MEMORY, store.origin(), "the checksum catches a changed bit");
    }
  }

  @Test
  void onlyTheMostRecentlyUsedEntriesAreKept() throws IOException {
    GraphCache cache = GraphCache.in(tmp.resolve("cache"), "jar-1");
    DatasetGraph small = DatasetGraphFactory.createTxnMem();
    Txn.executeWrite(
        small,
        () ->
            small.add(
                Quad.defaultGraphIRI,
                NodeFactory.createURI("urn:s"),
                NodeFactory.createURI("urn:p"),
                NodeFactory.createLiteralString("o")));
    int n = GraphCache.KEEP + 3;
    for (int i = 0; i < n; i++) {
      cache.write("k" + i, small);
      // distinct times, oldest first, whatever the file system's clock resolution
      Files.setLastModifiedTime(
          cache.folder().resolve("k" + i + ".rt"), FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    // written one more time after the others: the prune keeps the KEEP newest
    cache.write("k" + (n - 1), small);
    assertEquals(GraphCache.KEEP, entries(cache).size());
    assertTrue(cache.read("k" + (n - 1)).isPresent());
    assertTrue(cache.read("k" + (n - GraphCache.KEEP)).isPresent());
    assertTrue(cache.read("k0").isEmpty(), "pruned");
  }

  @Test
  void aCacheThatCannotBeWrittenDoesNotStopTheStart() throws IOException {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    Path notAFolder = Files.writeString(tmp.resolve("file"), "x");
    try (GraphStore store =
        GraphStore.inMemory(p.layout(), false, 10, GraphCache.in(notAFolder, "jar-1"))) {
      assertEquals(GraphStore.Origin.MEMORY, store.origin());
      assertTrue(store.counts().asserted() > 0);
    }
  }

  private static List<Path> entries(GraphCache cache) throws IOException {
    if (!Files.isDirectory(cache.folder())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache.folder())) {
      return files.filter(f -> f.toString().endsWith(".rt")).toList();
    }
  }
}
