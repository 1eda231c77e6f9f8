package org.w3id.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.params.StoreParamsCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.load.LoadException;
import org.w3id.newsgraph.load.LoadListener;
import org.w3id.newsgraph.load.LoadResult;
import org.w3id.newsgraph.model.Iris;

/** The served dataset: in memory and in TDB2, rebuilt only when its inputs change. */
class GraphStoreTest {
  private static final Node TTP = uri(Iris.entity("ttp"));
  private static final Node GOVERNMENT = uri(Iris.entity("government-of-pakistan"));
  private static final Node NEGOTIATES = uri(Iris.term("negotiatesWith"));
  private static final Node INFERRED = uri(Iris.INFERRED_GRAPH);
  private static final String TTP_LABEL_QUERY =
      "SELECT ?l { <" + Iris.entity("ttp") + "> <http://www.w3.org/2000/01/rdf-schema#label> ?l }";

  private static KnowledgeGraph kg;

  @TempDir Path tmp;

  @BeforeAll
  static void load() {
    kg = NewsGraph.load(Layout.of(Path.of(".")));
  }

  @Test
  void inMemoryHoldsOntologyAndAssertedDataInTheDefaultGraphOnly() {
    try (GraphStore store = GraphStore.inMemory(Layout.of(Path.of(".")), false, 10)) {
      assertEquals(GraphStore.Origin.MEMORY, store.origin());
      assertTrue(store.folder().isEmpty());
      GraphStore.Counts counts = store.counts();
      Txn.executeRead(
          store.dataset(),
          () -> {
            Graph dflt = store.dataset().asDatasetGraph().getDefaultGraph();
            Graph expected = GraphFactory.createDefaultGraph();
            GraphUtil.addInto(expected, kg.ontology());
            GraphUtil.addInto(expected, kg.asserted());
            assertTrue(dflt.isIsomorphicWith(expected), "ontology + asserted data, nothing else");
            assertFalse(dflt.contains(TTP, NEGOTIATES, GOVERNMENT), "inferred, not asserted");
          });
      assertEquals(0, counts.inferred());
      assertEquals(kg.ontology().size() + kg.asserted().size(), counts.asserted());
    }
  }

  @Test
  void inferredTriplesAreInTheDefaultGraphAndAloneInTheirNamedGraphAsQueryHasThem() {
    try (GraphStore plain = GraphStore.inMemory(Layout.of(Path.of(".")), false, 10);
        GraphStore store = GraphStore.inMemory(Layout.of(Path.of(".")), true, 10)) {
      assertEquals(plain.counts().asserted(), store.counts().asserted());
      Txn.executeRead(
          store.dataset(),
          () -> {
            var dsg = store.dataset().asDatasetGraph();
            assertTrue(dsg.getGraph(INFERRED).isIsomorphicWith(kg.inferred()));
            assertTrue(dsg.getGraph(INFERRED).contains(TTP, NEGOTIATES, GOVERNMENT));
            assertTrue(dsg.getDefaultGraph().contains(TTP, NEGOTIATES, GOVERNMENT));
            // the same dataset query --inferred runs on
            DatasetGraph q = kg.dataset(true).asDatasetGraph();
            Txn.executeRead(q, () -> assertTrue(IsoMatcher.isomorphic(q, dsg)));
          });
      assertEquals(kg.inferred().size(), store.counts().inferred());
    }
  }

  @Test
  void invalidDataIsNeverLoaded() throws IOException {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    p.breakFacts();
    LoadException e =
        assertThrows(LoadException.class, () -> GraphStore.inMemory(p.layout(), false, 10));
    assertTrue(e.getMessage().contains("ttp-typo"), e.getMessage());
  }

  @Test
  void tdb2IsBuiltOnceThenReusedUntilTheCsvChanges() throws IOException {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    Path dir = tmp.resolve("store");
    GraphStore.Counts first;
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(GraphStore.Origin.BUILT, store.origin());
      assertEquals(dir, store.folder().orElseThrow());
      first = store.counts();
      assertEquals(List.of(TestProject.TTP_LABEL), labels(store.dataset()));
    }
    assertTrue(Files.isRegularFile(dir.resolve(GraphStore.RECORD_FILE)));
    assertTrue(Files.isDirectory(dir.resolve(GraphStore.DATABASE_DIR)));
    // Built with a small node cache; served with Jena's own parameters.
    assertTrue(
        GraphStore.bulkParams().getNodeId2NodeCacheSize()
            < StoreParams.getDftStoreParams().getNodeId2NodeCacheSize());
    assertTrue(
        StoreParams.sameValues(
            StoreParams.getDftStoreParams(),
            StoreParamsCodec.read(Location.create(dir.resolve(GraphStore.DATABASE_DIR)))));

    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(GraphStore.Origin.REUSED, store.origin(), "nothing changed: no rebuild");
      assertEquals(first, store.counts());
      assertEquals(List.of(TestProject.TTP_LABEL), labels(store.dataset()));
    }
    assertEquals(
        GraphStore.Build.NONE, GraphStore.update(dir, p.layout(), false, 10, LoadListener.NONE));

    p.editEntities(TestProject.TTP_LABEL, "Tehreek-e-Taliban Pakistan");
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(GraphStore.Origin.BUILT, store.origin(), "a changed CSV: rebuilt");
      assertEquals(List.of("Tehreek-e-Taliban Pakistan"), labels(store.dataset()));
      assertEquals(first, store.counts(), "same size, old label gone");
    }

    // update: the same, and the store released
    p.editEntities("Tehreek-e-Taliban Pakistan", TestProject.TTP_LABEL);
    assertEquals(
        new GraphStore.Build(0, 1, 0, false),
        GraphStore.update(dir, p.layout(), false, 10, LoadListener.NONE));
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(GraphStore.Origin.REUSED, store.origin());
      assertEquals(List.of(TestProject.TTP_LABEL), labels(store.dataset()));
    }
  }

  @Test
  void aRebuildThatFailsValidationLeavesThePreviousStoreIntact() throws IOException {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    Path dir = tmp.resolve("store");
    GraphStore.Counts before;
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      before = store.counts();
    }
    String record = Files.readString(dir.resolve(GraphStore.RECORD_FILE));
    Path facts;
    try (Stream<Path> files = Files.list(p.triples().resolve("facts"))) {
      facts = files.sorted().findFirst().orElseThrow();
    }
    byte[] good = Files.readAllBytes(facts);

    p.breakFacts();
    LoadException e =
        assertThrows(LoadException.class, () -> GraphStore.tdb2(dir, p.layout(), false, 10));
    assertTrue(e.getMessage().contains("ttp-typo"), e.getMessage());
    assertEquals(record, Files.readString(dir.resolve(GraphStore.RECORD_FILE)));

    // Back to the inputs it was built from: the old store is found whole and reused as it is.
    Files.write(facts, good);
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(GraphStore.Origin.REUSED, store.origin());
      assertEquals(before, store.counts());
      assertEquals(List.of(TestProject.TTP_LABEL), labels(store.dataset()));
    }
  }

  @Test
  void askingForInferenceRebuildsWithTheInferredGraph() throws IOException {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    Path dir = tmp.resolve("store");
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(0, store.counts().inferred());
    }
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), true, 10)) {
      assertEquals(GraphStore.Origin.BUILT, store.origin());
      assertEquals(kg.inferred().size(), store.counts().inferred());
    }
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), true, 10)) {
      assertEquals(GraphStore.Origin.REUSED, store.origin());
    }
  }

  @Test
  void aFolderThatIsNotAStoreIsRefused() throws IOException {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    Path busy = Files.createDirectories(tmp.resolve("busy"));
    Files.writeString(busy.resolve("notes.txt"), "mine");
    NewsGraphException e =
        assertThrows(NewsGraphException.class, () -> GraphStore.tdb2(busy, p.layout(), false, 10));
    assertTrue(e.getMessage().contains("not empty and is not a NewsGraph store"), e.getMessage());
    assertEquals("mine", Files.readString(busy.resolve("notes.txt")));

    Path file = Files.writeString(tmp.resolve("file"), "x");
    e = assertThrows(NewsGraphException.class, () -> GraphStore.tdb2(file, p.layout(), false, 10));
    assertTrue(e.getMessage().contains("not a folder"), e.getMessage());

    Path under = file.resolve("store");
    e = assertThrows(NewsGraphException.class, () -> GraphStore.tdb2(under, p.layout(), false, 10));
    assertTrue(e.getMessage().startsWith("cannot create the store folder"), e.getMessage());
  }

  @Test
  void theDigestCoversEveryInputAndNotWhereTheProjectIs() throws IOException {
    TestProject a = TestProject.copy(tmp.resolve("a"));
    TestProject b = TestProject.copy(tmp.resolve("b"));
    String digest = InputDigest.of(a.layout(), "x");
    assertEquals(digest, InputDigest.of(b.layout(), "x"), "same inputs elsewhere: same digest");
    assertNotEquals(digest, InputDigest.of(a.layout(), "y"), "settings count");

    Files.writeString(b.triples().resolve("wikidata-links.csv"), "id\n");
    String withLinks = InputDigest.of(b.layout(), "x");
    assertNotEquals(digest, withLinks, "a new file under triples/");

    Files.writeString(
        b.ontology().resolve("shapes.ttl"),
        Files.readString(b.ontology().resolve("shapes.ttl")) + "\n");
    assertNotEquals(withLinks, InputDigest.of(b.layout(), "x"), "the shapes");
  }

  @Test
  void theSharedDigestCoversEveryInputButTheArticlesOwn() throws IOException {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    String shared = InputDigest.shared(p.layout(), FileDigests.inMemory(), "settings");
    assertEquals(shared, InputDigest.shared(p.layout(), FileDigests.inMemory(), "settings"));
    assertNotEquals(
        shared, InputDigest.shared(p.layout(), FileDigests.inMemory(), "other settings"));

    // An article's own files are not the shared graphs' inputs.
    addFactToSecondArticle(twoArticlesIn(p));
    String twoArticles = InputDigest.shared(p.layout(), FileDigests.inMemory(), "settings");
    assertNotEquals(shared, twoArticles, "sources.csv has a new row");
    p.appendFact("second-article", "f998,ttp,negotiatesWith,government-of-pakistan,,,,,,,,,");
    Files.writeString(p.triples().resolve("sources/second-article.txt"), "changed");
    assertEquals(twoArticles, InputDigest.shared(p.layout(), FileDigests.inMemory(), "settings"));

    // Everything else is.
    p.editEntities(TestProject.TTP_LABEL, "Tehreek-e-Taliban Pakistan");
    String edited = InputDigest.shared(p.layout(), FileDigests.inMemory(), "settings");
    assertNotEquals(twoArticles, edited, "entities.csv");
    Files.writeString(p.triples().resolve("wikidata-links.csv"), "id\n");
    String linked = InputDigest.shared(p.layout(), FileDigests.inMemory(), "settings");
    assertNotEquals(edited, linked, "the links");
    Files.createDirectories(p.triples().resolve("more"));
    Files.writeString(p.triples().resolve("more/anything.csv"), "id\n");
    assertNotEquals(linked, InputDigest.shared(p.layout(), FileDigests.inMemory(), "settings"));
  }

  @Test
  void changedEntitiesAreValidatedWithShaclOnAnIncrementalBuild() throws IOException {
    TestProject p = twoArticles();
    addShape(p, "sh:targetClass ng:Agent", "rdfs:label", "sh:pattern \"^[^#]*$\"", NO_HASH);
    Path dir = built(p);
    String shared = StoreState.read(dir).shared();
    assertFalse(shared.isEmpty(), "the record says which inputs the shared graphs passed");

    // One article changes: the entities are those validated before, and recorded as such.
    addFactToSecondArticle(p);
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(new GraphStore.Build(1, 1, 0, false), store.build());
    }
    assertEquals(shared, StoreState.read(dir).shared());

    // An entity now breaks the shape: the rebuild validates the entities and refuses them.
    String record = Files.readString(dir.resolve(GraphStore.RECORD_FILE));
    p.editEntities(TestProject.TTP_LABEL, "Tehrik-e Taliban # Pakistan");
    LoadException e =
        assertThrows(LoadException.class, () -> GraphStore.tdb2(dir, p.layout(), false, 10));
    assertTrue(
        e.problems().stream()
            .anyMatch(
                x ->
                    x.message().startsWith("SHACL")
                        && x.message().contains(NO_HASH)
                        && x.toString().contains("entities.csv")),
        e.problems().toString());
    assertEquals(record, Files.readString(dir.resolve(GraphStore.RECORD_FILE)));
  }

  @Test
  void aChangedShapesFileIsRunOnTheSharedGraphs() throws IOException {
    TestProject p = twoArticles();
    Path dir = built(p);
    String record = Files.readString(dir.resolve(GraphStore.RECORD_FILE));
    // A new shape that an entity of the store, unchanged, breaks.
    addShape(p, "sh:targetNode ng-entity:ttp", "rdfs:comment", "sh:maxLength 5", SHORT_COMMENT);
    LoadException e =
        assertThrows(LoadException.class, () -> GraphStore.tdb2(dir, p.layout(), false, 10));
    assertTrue(
        e.problems().stream().anyMatch(x -> x.message().contains(SHORT_COMMENT)),
        e.problems().toString());
    assertEquals(record, Files.readString(dir.resolve(GraphStore.RECORD_FILE)));
  }

  private static final String NO_HASH = "No # in the label of an agent.";
  private static final String SHORT_COMMENT = "The comment of the TTP is short.";

  /** Appends a node shape of {@code target} with one property shape to the project's shapes. */
  private static void addShape(
      TestProject p, String target, String path, String constraint, String message)
      throws IOException {
    Path shapes = p.ontology().resolve("shapes.ttl");
    Files.writeString(
        shapes,
        Files.readString(shapes)
            + "\n@prefix ng-entity: <"
            + Iris.ENTITY
            + "> .\n[] a sh:NodeShape ; "
            + target
            + " ; sh:property [ sh:path "
            + path
            + " ; "
            + constraint
            + " ; sh:message \""
            + message
            + "\" ] .\n");
  }

  private static List<String> labels(Dataset ds) {
    return Txn.calculateRead(
        ds,
        () -> {
          try (QueryExecution exec = QueryExecution.dataset(ds).query(TTP_LABEL_QUERY).build()) {
            List<String> out = new ArrayList<>();
            exec.execSelect()
                .forEachRemaining(row -> out.add(row.getLiteral("l").getLexicalForm()));
            out.sort(null);
            return out;
          }
        });
  }

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  @Test
  void eachArticleIsANamedGraphAndOnlyChangedArticlesAreLoadedAgain() throws IOException {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    p.addCopyOfSeed("second-article");
    Path dir = tmp.resolve("store");
    Node seedGraph = uri(Iris.sourceGraph(TestProject.SEED));
    Node secondGraph = uri(Iris.sourceGraph("second-article"));
    long seedSize;
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(new GraphStore.Build(2, 0, 0, true), store.build());
      seedSize =
          Txn.calculateRead(
              store.dataset(),
              () -> {
                var dsg = store.dataset().asDatasetGraph();
                assertTrue(dsg.containsGraph(uri(Iris.ENTITIES_GRAPH)));
                assertTrue(dsg.containsGraph(uri(Iris.ONTOLOGY_GRAPH)));
                assertTrue(dsg.containsGraph(secondGraph));
                assertTrue(dsg.getGraph(seedGraph).contains(GOVERNMENT, NEGOTIATES, TTP));
                return dsg.getGraph(seedGraph).size();
              });
      // The default graph is the union: queries see entities and facts together.
      assertEquals(List.of(TestProject.TTP_LABEL), labels(store.dataset()));
    }

    // One article changes: only it is loaded again; the other keeps its graph as it was.
    addFactToSecondArticle(p);
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(new GraphStore.Build(1, 1, 0, false), store.build());
      Txn.executeRead(
          store.dataset(),
          () -> {
            var dsg = store.dataset().asDatasetGraph();
            assertEquals(seedSize, dsg.getGraph(seedGraph).size());
            assertTrue(
                dsg.getGraph(secondGraph)
                    .contains(uri(Iris.fact("second-article", "f999")), Node.ANY, Node.ANY));
          });
    }

    // The article is removed: its graph goes, the shared entities stay.
    p.removeArticle("second-article");
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(new GraphStore.Build(0, 1, 1, false), store.build());
      Txn.executeRead(
          store.dataset(),
          () -> {
            var dsg = store.dataset().asDatasetGraph();
            assertFalse(dsg.containsGraph(secondGraph));
            assertEquals(seedSize, dsg.getGraph(seedGraph).size());
          });
      assertEquals(List.of(TestProject.TTP_LABEL), labels(store.dataset()));
    }
  }

  @Test
  void anIncrementalLoadThatFailsLeavesTheStoreAsItWas() throws IOException {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    p.addCopyOfSeed("second-article");
    Path dir = tmp.resolve("store");
    GraphStore.Counts before;
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      before = store.counts();
    }
    String record = Files.readString(dir.resolve(GraphStore.RECORD_FILE));
    p.removeArticle("second-article");
    p.breakFacts(); // the seed's facts now name an unknown entity
    assertThrows(LoadException.class, () -> GraphStore.tdb2(dir, p.layout(), false, 10));
    assertEquals(record, Files.readString(dir.resolve(GraphStore.RECORD_FILE)));
    Path facts = p.triples().resolve("facts/" + TestProject.SEED + ".csv");
    Files.writeString(facts, Files.readString(facts).replace(",ttp-typo,", ",ttp,"));
    p.addCopyOfSeed("second-article");
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(before, store.counts(), "the aborted transaction left nothing behind");
    }
  }

  @Test
  void sharedGraphsAreWrittenOnlyWhenTheyChangeAndTheRecordSaysWhatTheyHold() throws IOException {
    TestProject p = twoArticles();
    Path dir = built(p);
    StoreState built = StoreState.read(dir);
    String entities = built.graphs().get(Iris.ENTITIES_GRAPH);
    assertEquals(2, built.graphs().size(), built.graphs().toString());

    // One article changes: the entities are as stored, and recorded with the same digest.
    addFactToSecondArticle(p);
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(new GraphStore.Build(1, 1, 0, false), store.build());
      assertEquals(
          entities,
          Txn.calculateRead(
              store.dataset(),
              () ->
                  InputDigest.graph(
                      store.dataset().asDatasetGraph().getGraph(uri(Iris.ENTITIES_GRAPH)))),
          "the stored entities graph is the one recorded");
    }
    assertEquals(entities, StoreState.read(dir).graphs().get(Iris.ENTITIES_GRAPH));

    // An entity's label changes: only the difference is written; the store holds the new label.
    p.editEntities(TestProject.TTP_LABEL, "Tehreek-e-Taliban Pakistan");
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(new GraphStore.Build(0, 2, 0, false), store.build());
      assertEquals(List.of("Tehreek-e-Taliban Pakistan"), labels(store.dataset()));
    }
    assertNotEquals(entities, StoreState.read(dir).graphs().get(Iris.ENTITIES_GRAPH));
  }

  @Test
  void aKillBetweenCommitAndRecordLeavesARecordThatClaimsNothingUncertain() throws IOException {
    TestProject p = twoArticles();
    Path dir = built(p);
    StoreState before = StoreState.read(dir);
    // A build changes a label and is killed after its commit, before its record is written: the
    // record is then the one written just before the commit.
    p.editEntities(TestProject.TTP_LABEL, "Tehreek-e-Taliban Pakistan");
    LoadResult changed;
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(new GraphStore.Build(0, 2, 0, false), store.build());
      // what a build that also loaded second-article would have recorded before its commit
      changed =
          new LoadResult(
              GraphFactory.createDefaultGraph(),
              List.of(TestProject.SEED, "second-article"),
              java.util.Map.of("second-article", java.util.Set.of()),
              before.entities(),
              0);
    }
    StoreState pending = before.pending(changed);
    assertEquals("", pending.digest(), "never taken for an up-to-date store");
    assertTrue(pending.graphs().isEmpty(), "the shared graphs may hold either version");
    assertEquals("", pending.shared(), "nor are they known to be those of the old inputs");
    assertEquals(java.util.Set.of(TestProject.SEED), pending.articles().keySet());
    pending.write(dir);

    // The inputs go back to what the old record described: the next build must not trust it.
    p.editEntities("Tehreek-e-Taliban Pakistan", TestProject.TTP_LABEL);
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(GraphStore.Origin.BUILT, store.origin());
      assertEquals(List.of(TestProject.TTP_LABEL), labels(store.dataset()));
    }
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(GraphStore.Origin.REUSED, store.origin());
    }
  }

  /** A copy of the project with a second article. */
  private TestProject twoArticles() throws IOException {
    return twoArticlesIn(TestProject.copy(tmp.resolve("p")));
  }

  /** {@code p} with a second article. */
  private static TestProject twoArticlesIn(TestProject p) throws IOException {
    p.addCopyOfSeed("second-article");
    return p;
  }

  /** A store of {@code p}, built with both its articles. */
  private Path built(TestProject p) {
    Path dir = tmp.resolve("store");
    try (GraphStore store = GraphStore.tdb2(dir, p.layout(), false, 10)) {
      assertEquals(2, store.build().loaded());
    }
    return dir;
  }

  /** Adds a valid fact (f999) to the article "second-article". */
  private static void addFactToSecondArticle(TestProject p) throws IOException {
    p.appendFact(
        "second-article",
        "f999,ttp,negotiatesWith,government-of-pakistan,,claims,ttp,"
            + "\"But the TTP leadership quickly issued a statement rejecting Khan\u2019s claims.\",,,,,");
  }
}
