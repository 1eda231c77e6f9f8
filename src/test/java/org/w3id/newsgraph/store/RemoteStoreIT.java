package org.w3id.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.export.ExportFormat;
import org.w3id.newsgraph.export.Exporter;
import org.w3id.newsgraph.load.LoadException;
import org.w3id.newsgraph.load.LoadListener;
import org.w3id.newsgraph.load.LoadPlan;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.query.QueryLibrary;
import org.w3id.newsgraph.query.QueryRunner;
import org.w3id.newsgraph.query.ResultFormat;

/**
 * Pushes a project into a real, separate {@code jena-fuseki-server} 5.6.0 process with a TDB2
 * dataset (started and stopped here, on a free loopback port), then runs named queries there.
 */
class RemoteStoreIT {
  @TempDir Path tmp;
  private final List<Process> servers = new ArrayList<>();

  /** A valid fact row to add to the second article. */
  private static final String EXTRA_FACT =
      "f999,ttp,negotiatesWith,government-of-pakistan,,claims,ttp,"
          + "\"But the TTP leadership quickly issued a statement rejecting Khan\u2019s claims.\",,,,,";

  private String dataset;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startFuseki() throws Exception {
    dataset = "http://127.0.0.1:" + startTdb2(freePort()) + "/ds";
  }

  /** Starts Fuseki with the TDB2 dataset {@code /ds} in {@code tmp/db} on {@code port}. */
  private int startTdb2(int port) throws Exception {
    Path db = Files.createDirectories(tmp.resolve("db"));
    return start(
        "fuseki",
        port,
        "--tdb2",
        "--loc",
        db.toString(),
        "--update",
        "--set",
        "tdb2:unionDefaultGraph=true",
        "/ds");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts {@code jena-fuseki-server} with {@code args} on {@code port}, returns the port. */
  private int start(String name, int port, String... args) throws Exception {
    Path jar = Path.of(System.getProperty("fuseki.jar", "target/fuseki/jena-fuseki-server.jar"));
    assertTrue(Files.isRegularFile(jar), "the Fuseki jar is copied by the pom: " + jar);
    Path work = Files.createDirectories(tmp.resolve(name));
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toAbsolutePath().toString(),
                "--port",
                Integer.toString(port),
                "--localhost"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("fuseki.log").toFile())
            .start();
    servers.add(process);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (true) {
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/$/ping")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200 || r.statusCode() == 401) { // 401: up, and asks who we are
          break;
        }
      } catch (IOException e) {
        // not up yet
      }
      assertTrue(process.isAlive(), "Fuseki died: " + Files.readString(work.resolve("fuseki.log")));
      assertTrue(System.nanoTime() < deadline, "Fuseki did not start in 120 s");
      Thread.sleep(250);
    }
    return port;
  }

  @AfterEach
  void stopFuseki() throws InterruptedException {
    for (Process process : servers) {
      process.destroy();
      process.waitFor();
    }
  }

  @Test
  void pushesChangedArticlesOnlyAndTheServerAnswersTheNamedQueries() throws Exception {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    p.addCopyOfSeed("second-article");
    RemoteStore store = new RemoteStore(URI.create(dataset));

    assertEquals(
        new GraphStore.Build(2, 0, 0, true), store.push(p.layout(), 10, LoadListener.NONE));
    assertEquals(200, status(Iris.sourceGraph("second-article")));
    assertEquals(200, status(Iris.ENTITIES_GRAPH));
    String leaders = query("leaders");
    assertTrue(leaders.contains("Noor Wali Mehsud"), leaders);

    assertEquals(GraphStore.Build.NONE, store.push(p.layout(), 10, LoadListener.NONE));

    // A marker put into the entities graph behind NewsGraph's back shows whether it is sent again.
    String marker = "<https://example.org/marker> <https://example.org/p> \"not sent again\"";
    update("INSERT DATA { GRAPH <" + Iris.ENTITIES_GRAPH + "> { " + marker + " } }");
    p.appendFact("second-article", EXTRA_FACT);
    assertEquals(
        new GraphStore.Build(1, 1, 0, false), store.push(p.layout(), 10, LoadListener.NONE));
    assertTrue(ask("ASK { GRAPH <" + Iris.ENTITIES_GRAPH + "> { " + marker + " } }"));
    p.editEntities(TestProject.TTP_LABEL, TestProject.TTP_LABEL + " (TTP)");
    store.push(p.layout(), 10, LoadListener.NONE);
    assertFalse(ask("ASK { GRAPH <" + Iris.ENTITIES_GRAPH + "> { " + marker + " } }"));
    p.editEntities(TestProject.TTP_LABEL + " (TTP)", TestProject.TTP_LABEL);
    store.push(p.layout(), 10, LoadListener.NONE);

    p.removeArticle("second-article");
    assertEquals(
        new GraphStore.Build(0, 1, 1, false), store.push(p.layout(), 10, LoadListener.NONE));
    assertEquals(404, status(Iris.sourceGraph("second-article")));
    assertTrue(query("leaders").contains("Noor Wali Mehsud"));

    // Invalid inputs never reach the store.
    p.breakFacts();
    assertThrows(LoadException.class, () -> store.push(p.layout(), 10, LoadListener.NONE));
    assertEquals(200, status(Iris.sourceGraph(TestProject.SEED)));
  }

  @Test
  void graphsSentInManyBatchesAreExactlyTheLoadersGraphs() throws Exception {
    RemoteStore store = new RemoteStore(URI.create(dataset), 1); // one graph per batch
    List<String> progress = pushAndCompare(store, dataset, dataset + "/sparql");
    assertFalse(store.perGraph(), "Fuseki with --update takes batches");
    // Two articles, the entities, the links and the ontology; 0 before the first request, then
    // after each batch (here, each graph).
    assertEquals(List.of("0/5", "1/5", "2/5", "3/5", "4/5", "5/5"), progress);
  }

  @Test
  void aPushCutOffByTheStoreDyingIsCompletedByTheNextEvenIfTheFileWentBack() throws Exception {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    p.addCopyOfSeed("second-article");
    RemoteStore store = new RemoteStore(URI.create(dataset), 1);
    store.push(p.layout(), 10, LoadListener.NONE);

    // The second article changes; the store is killed (kill -9) as soon as its graph is sent, so
    // the record of the push is never written.
    Path facts = p.triples().resolve("facts/second-article.csv");
    String before = Files.readString(facts, StandardCharsets.UTF_8);
    p.appendFact("second-article", EXTRA_FACT);
    Process fuseki = servers.get(0);
    LoadListener killer =
        new LoadListener() {
          @Override
          public void sent(int graphs, int total) {
            if (graphs > 0) {
              fuseki.destroyForcibly();
              assertDoesNotThrow(() -> fuseki.waitFor());
            }
          }
        };
    NewsGraphException cut =
        assertThrows(NewsGraphException.class, () -> store.push(p.layout(), 10, killer));
    assertTrue(cut.getMessage().startsWith("cannot reach the store"), cut.getMessage());

    // The file goes back to what the last complete push sent. The store holds the changed graph,
    // so the next push must send the article again, though the file is as the old record says.
    Files.writeString(facts, before, StandardCharsets.UTF_8);
    startTdb2(URI.create(dataset).getPort());
    assertEquals(
        new GraphStore.Build(1, 1, 0, false),
        new RemoteStore(URI.create(dataset)).push(p.layout(), 10, LoadListener.NONE));
    assertSameGraphs(p, dataset, dataset + "/sparql");
  }

  @Test
  void aStoreWithTheGraphStoreProtocolOnlyGetsOneGraphPerRequest() throws Exception {
    // A real Fuseki whose dataset has only a Graph Store Protocol endpoint and a query endpoint: it
    // refuses SPARQL Update, so the graphs go one PUT each and removed ones one DELETE each.
    Path config = tmp.resolve("gsp-only.ttl");
    Files.writeString(
        config,
        String.join(
            "\n",
            "PREFIX fuseki: <http://jena.apache.org/fuseki#>",
            "PREFIX ja: <http://jena.hpl.hp.com/2005/11/Assembler#>",
            "<#service> a fuseki:Service ; fuseki:name \"gsp\" ; fuseki:dataset <#ds> ;",
            "  fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ; fuseki:name \"data\" ] ;",
            "  fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name \"sparql\" ] .",
            "<#ds> a ja:MemoryDataset ."));
    int port = start("gsp-only", freePort(), "--config", config.toString());
    String base = "http://127.0.0.1:" + port + "/gsp";
    RemoteStore store = new RemoteStore(URI.create(base + "/data"));
    List<String> progress = pushAndCompare(store, base + "/data", base + "/sparql");
    assertEquals(List.of("0/5", "5/5"), progress, "one batch, sent one graph at a time");
    assertTrue(store.perGraph(), "a store that refuses SPARQL Update gets one graph per request");
  }

  /**
   * Pushes a project of two articles, then a fact added, taken out again, and an article removed;
   * after each push the store holds exactly the graphs an N-Quads export of the same inputs holds
   * (plus the ontology and the record).
   *
   * @return the progress the first push reported, as {@code sent/total}
   */
  private List<String> pushAndCompare(RemoteStore store, String data, String sparql)
      throws Exception {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    p.addCopyOfSeed("second-article");
    List<String> progress = new ArrayList<>();
    store.push(
        p.layout(),
        10,
        new LoadListener() {
          @Override
          public void sent(int graphs, int total) {
            progress.add(graphs + "/" + total);
          }
        });
    assertSameGraphs(p, data, sparql);

    Path facts = p.triples().resolve("facts/second-article.csv");
    String before = Files.readString(facts, StandardCharsets.UTF_8);
    p.appendFact("second-article", EXTRA_FACT);
    assertEquals(
        new GraphStore.Build(1, 1, 0, false), store.push(p.layout(), 10, LoadListener.NONE));
    assertSameGraphs(p, data, sparql);
    Files.writeString(facts, before, StandardCharsets.UTF_8); // the fact's triples must go
    store.push(p.layout(), 10, LoadListener.NONE);
    assertSameGraphs(p, data, sparql);

    p.removeArticle("second-article");
    assertEquals(
        new GraphStore.Build(0, 1, 1, false), store.push(p.layout(), 10, LoadListener.NONE));
    assertSameGraphs(p, data, sparql);
    return progress;
  }

  private void assertSameGraphs(TestProject p, String data, String sparql) throws Exception {
    ByteArrayOutputStream quads = new ByteArrayOutputStream();
    Exporter.stream(
        sink -> NewsGraph.stream(p.layout(), 10, LoadPlan.ALL, sink, LoadListener.NONE),
        ExportFormat.NQUADS,
        quads);
    DatasetGraph expected = DatasetGraphFactory.create();
    RDFParser.fromString(quads.toString(StandardCharsets.UTF_8), Lang.NQUADS).parse(expected);

    Set<String> names = new TreeSet<>(List.of(Iris.ONTOLOGY_GRAPH, Iris.STATE_GRAPH));
    expected.listGraphNodes().forEachRemaining(g -> names.add(g.getURI()));
    String listed =
        get(sparql + "?query=", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "text/csv")
            .body();
    Set<String> inStore = new TreeSet<>(listed.lines().skip(1).map(String::strip).toList());
    assertEquals(names, inStore);
    for (Node g : (Iterable<Node>) expected::listGraphNodes) {
      HttpResponse<String> got = get(data + "?graph=", g.getURI(), "application/n-triples");
      assertEquals(200, got.statusCode(), g.getURI());
      Graph graph = GraphFactory.createDefaultGraph();
      RDFParser.fromString(got.body(), Lang.NTRIPLES).parse(graph);
      assertTrue(graph.isIsomorphicWith(expected.getGraph(g)), "the graph " + g + " differs");
    }
  }

  @Test
  void aStoreThatAsksForAPasswordGetsTheOneInTheUrlAndNoMessageShowsIt() throws Exception {
    Path passwd = tmp.resolve("passwd");
    Files.writeString(passwd, "editor: s3cret-word\n");
    Path db = Files.createDirectories(tmp.resolve("db-auth"));
    int port =
        start(
            "auth",
            freePort(),
            "--tdb2",
            "--loc",
            db.toString(),
            "--update",
            "--passwd=" + passwd,
            "--auth=basic",
            "--set",
            "tdb2:unionDefaultGraph=true",
            "/ds");
    String base = "127.0.0.1:" + port + "/ds";
    TestProject p = TestProject.copy(tmp.resolve("p"));

    NewsGraphException anonymous =
        assertThrows(
            NewsGraphException.class,
            () -> new RemoteStore(URI.create("http://" + base)).push(p.layout(), 10, NONE));
    assertTrue(anonymous.getMessage().contains("HTTP 401"), anonymous.getMessage());
    assertTrue(anonymous.getMessage().contains("give a user and password in the URL"));

    NewsGraphException wrong =
        assertThrows(
            NewsGraphException.class,
            () ->
                new RemoteStore(URI.create("http://editor:wrong-word@" + base))
                    .push(p.layout(), 10, NONE));
    assertTrue(wrong.getMessage().contains("did not accept the user and password"));
    assertFalse(wrong.getMessage().contains("wrong-word"), wrong.getMessage());

    RemoteStore store = new RemoteStore(URI.create("http://editor:s3cret-word@" + base));
    assertEquals("http://" + base, store.dataset().toString());
    assertEquals(new GraphStore.Build(1, 0, 0, true), store.push(p.layout(), 10, NONE));
    assertEquals(GraphStore.Build.NONE, store.push(p.layout(), 10, NONE));
    // `newsgraph query --endpoint` (Jena's HTTP client) takes the same form of URL.
    String leaders = query("http://editor:s3cret-word@" + base + "/sparql", "leaders");
    assertTrue(leaders.contains("Noor Wali Mehsud"), leaders);

    // The command line: the user in the URL, the password from the environment; neither printed.
    ProcessBuilder build =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target/newsgraph.jar").toAbsolutePath().toString(),
                "build",
                "--store",
                "http://editor@" + base)
            .directory(p.root().toFile())
            .redirectErrorStream(true);
    build.environment().put("NEWSGRAPH_STORE_PASSWORD", "s3cret-word");
    Process cli = build.start();
    String printed = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, cli.waitFor(), printed);
    assertEquals("http://" + base + " is up to date: nothing changed.", printed.strip());
  }

  private static final LoadListener NONE = LoadListener.NONE;

  @Test
  void aStoreThatRefusesOrIsNotThereIsOneClearError() throws Exception {
    TestProject p = TestProject.copy(tmp.resolve("p"));
    NewsGraphException refused =
        assertThrows(
            NewsGraphException.class,
            () ->
                new RemoteStore(URI.create(dataset.replace("/ds", "/no-such-dataset")))
                    .push(p.layout(), 10, LoadListener.NONE));
    // Fuseki answers 404 for the state graph of an unknown dataset, then 405 to the first PUT.
    assertTrue(refused.getMessage().contains(" refused PUT of the graph <"), refused.getMessage());
    assertTrue(refused.getMessage().contains("HTTP 405"), refused.getMessage());
    assertTrue(refused.getMessage().contains("allows updates"), refused.getMessage());

    int closed = freePort();
    NewsGraphException unreachable =
        assertThrows(
            NewsGraphException.class,
            () ->
                new RemoteStore(URI.create("http://editor:s3cret-word@127.0.0.1:" + closed + "/ds"))
                    .push(p.layout(), 10, LoadListener.NONE));
    assertTrue(
        unreachable
            .getMessage()
            .startsWith("cannot reach the store http://127.0.0.1:" + closed + "/ds (GET"),
        unreachable.getMessage());
  }

  private int status(String graph) throws Exception {
    return get(dataset + "?graph=", graph, "application/n-triples").statusCode();
  }

  /** GET {@code prefix} followed by {@code value}, URL-encoded. */
  private HttpResponse<String> get(String prefix, String value, String accept) throws Exception {
    URI uri = URI.create(prefix + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
    HttpRequest get = HttpRequest.newBuilder(uri).header("Accept", accept).build();
    return http.send(get, HttpResponse.BodyHandlers.ofString());
  }

  private void update(String sparql) throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(dataset + "/update"))
            .header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString(sparql))
            .build();
    int status = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
    assertEquals(2, status / 100, "SPARQL update: HTTP " + status);
  }

  private boolean ask(String sparql) throws Exception {
    String body = get(dataset + "/sparql?query=", sparql, "application/sparql-results+json").body();
    return body.replaceAll("\\s", "").contains("\"boolean\":true");
  }

  private String query(String name) {
    return query(dataset + "/sparql", name);
  }

  private static String query(String endpoint, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    QueryRunner.runRemote(
        endpoint,
        new QueryLibrary(Path.of("queries")).resolve(name),
        Map.of(),
        ResultFormat.CSV,
        Iris.prefixes(),
        out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
