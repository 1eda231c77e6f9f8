package org.w3id.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.server.Http;
import org.w3id.newsgraph.server.Tools;
import org.w3id.newsgraph.store.TestProject;

/**
 * {@code newsgraph serve} as users run it: the fat jar in its own JVM, queried over HTTP, stopped
 * with SIGTERM, restarted on its TDB2 store, and given bad options.
 */
class ServeIT {
  private static final String LABEL_QUERY =
      "SELECT ?label WHERE { <"
          + Iris.entity("ttp")
          + "> <http://www.w3.org/2000/01/rdf-schema#label> ?label }";
  private static final String TIMELINE_FILE = "queries/attack-timeline.rq";

  @TempDir Path tmp;

  @Test
  void servesSaysWhereTheSampleCurlWorksAndSigtermStopsItCleanly() throws Exception {
    try (ServeProcess p = ServeProcess.start("--port", "0")) {
      String endpoint = p.awaitEndpoint();
      assertNotNull(endpoint, p.errText());
      long firstAnswer = firstAnswerMillis(p, endpoint);
      System.out.printf("serve: JVM start to first answered query: %d ms%n", firstAnswer);

      List<String> out = p.out();
      assertTrue(out.get(0).matches("Serving \\d+ triples in memory\\."), out.get(0));
      assertTrue(endpoint.matches("http://127\\.0\\.0\\.1:\\d+/kg/sparql"), endpoint);
      String page = endpoint.replace("kg/sparql", "");
      assertTrue(out.contains("  Query page:      " + page), out.toString());
      assertTrue(p.outText().contains("queries time out after 10s; SERVICE calls are off"));
      assertEquals("", p.errText(), "no warning on loopback");

      // The sample command it prints works as printed.
      String curl =
          out.stream()
              .filter(l -> l.startsWith("  Try:"))
              .findFirst()
              .orElseThrow()
              .substring("  Try:".length())
              .strip();
      Tools.requireExecutable("/usr/bin/curl", "curl");
      Process c = new ProcessBuilder("bash", "-c", curl + " -sS --fail").start();
      String csv = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, c.waitFor(), new String(c.getErrorStream().readAllBytes()));
      assertTrue(csv.startsWith("s,p,o\r\n"), csv);
      assertEquals(4, csv.lines().count(), csv);

      // A named query from queries/, as a client would send it.
      HttpResponse<String> timeline =
          Http.query(endpoint, Files.readString(Path.of(TIMELINE_FILE)), "text/csv");
      assertEquals(200, timeline.statusCode());
      assertTrue(timeline.body().startsWith("date,attack,"), timeline.body());

      // Only on 127.0.0.1: 127.0.0.2 is this machine too, but nobody listens there.
      int port = URI.create(endpoint).getPort();
      assertFalse(reachable("127.0.0.2", port));

      int code = p.terminate();
      assertEquals(143, code, "ended by SIGTERM");
      assertEquals(List.of("newsgraph: stopped"), p.err(), "a clean stop: no stack traces");
      assertFalse(reachable("127.0.0.1", port), "the port is released");
    }
  }

  @Test
  void aSecondStartOnUnchangedInputsReadsTheCheckedGraphFromTheCache() throws Exception {
    Path cache = tmp.resolve("cache");
    String fresh = "Serving \\d+ triples in memory\\.";
    String cached =
        "Serving \\d+ triples in memory \\(checked at an earlier start; inputs unchanged\\)\\.";
    List<String> lines = new ArrayList<>();
    for (String[] args :
        List.of(
            new String[] {"--port", "0"},
            new String[] {"--port", "0"},
            new String[] {"--port", "0", "--no-cache"})) {
      try (ServeProcess p = ServeProcess.start(null, List.of(), cache, args)) {
        String endpoint = p.awaitEndpoint();
        assertNotNull(endpoint, p.errText());
        HttpResponse<String> r = Http.query(endpoint, LABEL_QUERY, "text/csv");
        assertEquals("label\r\nTehrik-e Taliban Pakistan\r\n", r.body());
        lines.add(p.out().get(0));
        assertEquals(143, p.terminate());
      }
    }
    assertTrue(lines.get(0).matches(fresh), lines.toString());
    assertTrue(lines.get(1).matches(cached), lines.toString());
    assertTrue(lines.get(2).matches(fresh), "--no-cache: " + lines);
    assertEquals(lines.get(0).split(" ")[1], lines.get(1).split(" ")[1], "same triple count");
    try (Stream<Path> entries = Files.walk(cache.resolve("newsgraph"))) {
      assertEquals(1, entries.filter(f -> f.toString().endsWith(".rt")).count());
    }
  }

  @Test
  void anotherHostIsWarnedAboutAndInferenceGoesToItsOwnGraph() throws Exception {
    try (ServeProcess p = ServeProcess.start("--port", "0", "--host", "0.0.0.0", "--inferred")) {
      String endpoint = p.awaitEndpoint();
      assertNotNull(endpoint, p.errText());
      assertTrue(
          p.errText().startsWith("warning: listening on 0.0.0.0, not only on this machine"),
          p.errText());
      assertTrue(p.out().get(0).matches("Serving \\d+ triples and \\d+ inferred in memory\\."));
      int port = URI.create(endpoint).getPort();
      assertTrue(reachable("127.0.0.2", port), "every interface");
      HttpResponse<String> r =
          Http.query(
              endpoint,
              "SELECT (COUNT(*) AS ?n) { GRAPH <" + Iris.INFERRED_GRAPH + "> { ?s ?p ?o } }",
              "text/csv");
      assertEquals(200, r.statusCode());
      assertTrue(Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow()) > 0);
      assertEquals(143, p.terminate());
    }
  }

  @Test
  void aTdb2StoreSurvivesRestartsAndIsRebuiltOnlyWhenTheCsvChanges() throws Exception {
    TestProject project = TestProject.copy(tmp.resolve("project"));
    Path store = tmp.resolve("store");
    String[] args = {
      "--port",
      "0",
      "--store",
      store.toString(),
      "--ontology",
      project.ontology().toString(),
      "--triples",
      project.triples().toString()
    };

    Run first = serve(args);
    assertTrue(first.status().endsWith("(built from the CSV)."), first.status());
    assertEquals(List.of(TestProject.TTP_LABEL), first.labels());

    // Restarted on the unchanged store: opened as it is, same answers. What a changed or broken
    // CSV does to a store is GraphStoreTest's (in process), and the message MainTest's.
    try (ServeProcess running = ServeProcess.start(null, List.of(), args)) {
      String endpoint = running.awaitEndpoint();
      assertNotNull(endpoint, running.errText());
      String status = running.out().get(0);
      assertTrue(status.endsWith("(unchanged since it was built)."), status);
      assertEquals(
          first.labels(),
          Http.query(endpoint, LABEL_QUERY, "text/csv").body().lines().skip(1).sorted().toList());
      assertEquals(
          first.timeline(),
          Http.query(endpoint, Files.readString(Path.of(TIMELINE_FILE)), "text/csv").body(),
          "same answers after a restart");

      // One server per store: a second one is refused while the first runs.
      try (ServeProcess other = ServeProcess.start(null, List.of(), args)) {
        assertNull(other.awaitEndpoint());
        assertEquals(1, other.awaitExit());
        assertEquals(1, other.err().size(), other.errText());
        assertTrue(
            other.errText().startsWith("cannot open the store " + store + ": it is in use by"),
            other.errText());
      }
      assertEquals(143, running.terminate());
    }
    System.out.printf(
        "serve --store: built, JVM start to first answer %d ms%n", first.startMillis());
  }

  @Test
  void badOptionsGiveOneClearLineAndExitOne() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      int port = taken.getLocalPort();
      assertOneLine(
          "port "
              + port
              + " is in use; choose another with --port (0 picks a free one) [port-in-use]",
          "--port",
          "" + port);
    }
    // Conversions and range checks of options: MainTest, in process.
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    String under = file.resolve("store").toString();
    try (ServeProcess p = ServeProcess.start("--port", "0", "--store", under)) {
      assertEquals(1, p.awaitExit());
      assertEquals(1, p.err().size(), p.errText());
      assertTrue(
          p.errText().startsWith("cannot create the store folder " + under + ": "), p.errText());
    }
    assertOneLine(
        "cannot use " + file + " as a store: it is not a folder [store]",
        "--port",
        "0",
        "--store",
        file.toString());
  }

  // ---- helpers

  /** One serve run on a store: its status line, answers and start time; stopped afterwards. */
  record Run(String status, List<String> labels, String timeline, long startMillis) {}

  private static Run serve(String... args) throws Exception {
    try (ServeProcess p = ServeProcess.start(null, List.of(), args)) {
      String endpoint = p.awaitEndpoint();
      assertNotNull(endpoint, p.errText());
      long ms = firstAnswerMillis(p, endpoint);
      HttpResponse<String> labels = Http.query(endpoint, LABEL_QUERY, "text/csv");
      HttpResponse<String> timeline =
          Http.query(endpoint, Files.readString(Path.of(TIMELINE_FILE)), "text/csv");
      assertEquals(200, timeline.statusCode());
      Run run =
          new Run(
              p.out().get(0), labels.body().lines().skip(1).sorted().toList(), timeline.body(), ms);
      assertEquals(143, p.terminate());
      return run;
    }
  }

  /** Polls the endpoint until it answers; the time since the JVM was started. */
  private static long firstAnswerMillis(ServeProcess p, String endpoint) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        if (Http.query(endpoint, "ASK {}", "text/csv").statusCode() == 200) {
          return p.elapsedMillis();
        }
      } catch (RuntimeException e) {
        // not listening yet
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no answer within 30 s");
  }

  private static void assertOneLine(String expected, String... args) throws Exception {
    try (ServeProcess p = ServeProcess.start(args)) {
      assertNull(p.awaitEndpoint());
      assertEquals(1, p.awaitExit(), p.errText());
      assertEquals(List.of(expected), p.err());
      assertEquals(List.of(), p.out());
    }
  }

  private static boolean reachable(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 2000);
      return true;
    } catch (ConnectException e) {
      return false;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
