package org.w3id.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.store.GraphStore;

/**
 * The server against an attacker and a careless client (issue 7): queries that used to switch the
 * timeout off for everyone, SERVICE hidden inside expressions, DNS rebinding, malformed requests,
 * and what the server says about itself. Every refusal must be a fast 4xx with one log line.
 */
class HostileRequestsIT {
  /** Three-way cross join of the graph: about 4 × 10^10 rows, never finishes. */
  private static final String CROSS = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i";

  /** The query family that blocked Jena's timeout thread: OFFSET skipping in one loop. */
  private static final List<String> OFFSET_FAMILY =
      List.of(
          "SELECT * WHERE { " + CROSS + " } OFFSET 30000000000 LIMIT 1",
          "SELECT DISTINCT ?c WHERE { " + CROSS + " } LIMIT 1 OFFSET 5000",
          "SELECT * WHERE { { SELECT * WHERE { " + CROSS + " } OFFSET 30000000000 } } LIMIT 1",
          "CONSTRUCT { ?a ?b ?c } WHERE { " + CROSS + " } OFFSET 30000000000 LIMIT 1",
          "ASK { { SELECT * WHERE { " + CROSS + " } OFFSET 30000000000 } }",
          "SELECT (COUNT(*) AS ?n) WHERE { { SELECT * WHERE { " + CROSS + " } OFFSET 5 } }");

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** Generous: a timeout of 2 s must strike well within this, even on a busy machine. */
  private static final long BOUND_MS = 20_000;

  private static GraphStore store;
  private static ServedGraph served;
  private static GraphServer server;
  private static String sparql;
  private ListAppender<ILoggingEvent> log;

  @BeforeAll
  static void start() {
    served =
        ServedGraph.start(
            Layout.of(Path.of(".")),
            false,
            ServerOptions.defaults()
                .withTimeout(TIMEOUT)
                .withAllowedHosts(List.of("kg.example.org")));
    store = served.store();
    server = served.server();
    sparql = server.endpointUrl();
  }

  @AfterAll
  static void stop() {
    if (served != null) {
      served.close();
    }
  }

  @BeforeEach
  void captureLog() {
    log = new ListAppender<>();
    log.start();
    root().addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    root().detachAppender(log);
  }

  // ---- 1. no query runs past the timeout, and none delays another's

  @Test
  void offsetQueriesAreCutAtTheTimeoutAndNeverDelayAnotherClientsTimeout() throws Exception {
    for (String query : OFFSET_FAMILY) {
      long start = System.nanoTime();
      CompletableFuture<HttpResponse<String>> offset =
          CompletableFuture.supplyAsync(() -> Http.query(sparql, query, "text/csv"));
      Thread.sleep(300);
      // A second client's runaway query must still get its 503 on time meanwhile.
      long other = System.nanoTime();
      HttpResponse<String> cross =
          Http.query(
              sparql, "SELECT * WHERE { " + CROSS + " FILTER(?c = ?f && ?f = ?i) }", "text/csv");
      long otherMs = ms(other);
      assertEquals(503, cross.statusCode(), query);
      assertTrue(otherMs < BOUND_MS, query + ": the other client waited " + otherMs + " ms");
      HttpResponse<String> r = offset.get(BOUND_MS, TimeUnit.MILLISECONDS);
      long took = ms(start);
      assertEquals(503, r.statusCode(), query + ": " + r.body());
      assertTrue(r.body().contains("Query timed out"), r.body());
      assertTrue(took < BOUND_MS, query + " ran " + took + " ms");
    }
    // and the server is still well
    assertEquals(200, Http.query(sparql, "ASK { ?s ?p ?o }", "text/csv").statusCode());
  }

  // ---- 2. SERVICE anywhere is refused before it runs

  @Test
  void serviceAnywhereInTheQueryIsRefusedWith422AndOneLogLine() {
    String service = "SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o }";
    List<String> queries =
        List.of(
            "SELECT * WHERE { ?x ?y ?z . ?a ?b ?c FILTER EXISTS { " + service + " } }",
            "SELECT * WHERE { ?x ?y ?z FILTER NOT EXISTS { " + service + " } }",
            "SELECT * WHERE { ?x ?y ?z { SELECT * WHERE { " + service + " } } }",
            "SELECT * WHERE { ?x ?y ?z MINUS { " + service + " } }",
            "SELECT * WHERE { ?x ?y ?z OPTIONAL { " + service + " } }",
            "SELECT * WHERE { ?x ?y ?z BIND(EXISTS { " + service + " } AS ?e) }",
            "ASK { FILTER(NOT EXISTS { { SELECT * { " + service + " } } }) }",
            // SILENT too: Jena would log a warning for every row reaching it
            "SELECT * WHERE { ?x ?y ?z FILTER NOT EXISTS { SERVICE SILENT <http://127.0.0.1:9/x>"
                + " { ?s ?p ?o } } }");
    for (String q : queries) {
      log.list.clear();
      long start = System.nanoTime();
      HttpResponse<String> r = Http.query(sparql, q, "text/csv");
      assertEquals(422, r.statusCode(), q + " -> " + r.body());
      assertTrue(r.body().contains("SERVICE is not allowed"), r.body());
      assertTrue(ms(start) < BOUND_MS);
      assertOneLogLine(q);
    }
  }

  // ---- 3. DNS rebinding

  @Test
  void onlyTheHostNamesTheServerWasBoundForAreAnswered() throws IOException {
    for (String path : List.of("/kg/data?default", "/$/server", "/$/stats", "/", "/kg/sparql")) {
      log.list.clear();
      String r = raw("GET " + path + " HTTP/1.1\r\nHost: evil.example:3030\r\n");
      assertEquals(421, status(r), path + "\n" + r);
      assertFalse(r.contains("@prefix") || r.contains("datasets"), r);
      assertOneLogLine(path);
    }
    int port = server.port();
    for (String host :
        List.of(
            "localhost:" + port,
            "127.0.0.1:" + port,
            "[::1]:" + port,
            "LOCALHOST",
            "kg.example.org",
            "kg.example.org:443")) {
      String r = raw("GET /kg/data?default HTTP/1.1\r\nHost: " + host + "\r\n");
      assertEquals(200, status(r), host + "\n" + r);
    }
    assertEquals(
        421, status(raw("GET /kg/data?default HTTP/1.1\r\nHost: kg.example.org.evil\r\n")));
  }

  // ---- 4. malformed requests, what the server says about itself, common client names

  @Test
  void malformedUtf8OrABadEscapeIsA400WithOneLogLine() throws IOException {
    for (String query : List.of("SELECT%20%FF", "SELECT%2", "SELECT%ZZ", "%C0%AF")) {
      log.list.clear();
      String r = raw("GET /kg/sparql?query=" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      assertEquals(400, status(r), query + "\n" + r);
      assertOneLogLine(query);
      log.list.clear();
      String post =
          raw(
              "POST /kg/sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\n"
                  + "Content-Length: "
                  + ("query=" + query).length()
                  + "\r\n\r\nquery="
                  + query,
              false);
      assertEquals(400, status(post), query + "\n" + post);
      assertOneLogLine(query);
    }
  }

  @Test
  void getWithoutAQueryIsAShort400SayingHowToAsk() throws IOException {
    for (String path : List.of("/kg/sparql", "/kg/query")) {
      String r = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      assertEquals(400, status(r), r);
      assertTrue(r.contains("?query="), r);
    }
  }

  @Test
  void headGivesTheContentLengthOfTheGet() throws IOException {
    HttpResponse<String> get = Http.get(server.pageUrl() + "kg/data?default", "text/turtle");
    assertEquals(200, get.statusCode());
    long length = get.body().getBytes(StandardCharsets.UTF_8).length;
    assertTrue(length > 1000);
    String head =
        raw("HEAD /kg/data?default HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/turtle\r\n");
    assertEquals(200, status(head), head);
    assertEquals(String.valueOf(length), header(head, "Content-Length"), head);
    assertTrue(head.endsWith("\r\n\r\n"), "no body");
  }

  @Test
  void neitherHeadersNorErrorPagesNameAVersion() throws IOException {
    for (String path : List.of("/kg/sparql?query=ASK%7B%7D", "/no-such-page", "/kg/no-such")) {
      String r = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      assertNull(header(r, "Server"), r);
      for (String version : List.of("Jetty", "Fuseki (", "12.1.", "5.6.", "0.1.0")) {
        assertFalse(r.contains(version), version + " in\n" + r);
      }
    }
  }

  @Test
  void theFormatNamesSparqlWrapperSendsAreUnderstood() {
    String construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2";
    for (String[] c :
        new String[][] {
          {"rdf", "application/rdf+xml"},
          {"rdf+xml", "application/rdf+xml"},
          {"RDFXML", "application/rdf+xml"},
          {"n3", "text/turtle"},
          {"turtle", "text/turtle"},
          {"json-ld", "application/ld+json"}
        }) {
      HttpResponse<String> r =
          Http.get(
              sparql + "?query=" + Http.encode(construct) + "&format=" + Http.encode(c[0]), "*/*");
      assertEquals(200, r.statusCode(), c[0] + ": " + r.body());
      assertTrue(
          r.headers().firstValue("Content-Type").orElse("").startsWith(c[1]),
          c[0] + " -> " + r.headers().firstValue("Content-Type"));
    }
  }

  @Test
  void csvResultsNeutraliseSpreadsheetFormulas() {
    HttpResponse<String> r =
        Http.query(sparql, "SELECT ?x WHERE { BIND(\"=1+2\" AS ?x) }", "text/csv");
    assertEquals(200, r.statusCode());
    assertEquals("x\r\n'=1+2\r\n", r.body());
  }

  // ---- helpers

  private void assertOneLogLine(String what) {
    List<ILoggingEvent> events = List.copyOf(log.list);
    assertEquals(1, events.size(), what + ": " + events);
    assertNull(events.get(0).getThrowableProxy(), what + ": no stack trace");
    assertFalse(events.get(0).getFormattedMessage().contains("\n"), what);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static long ms(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** Sends a raw HTTP/1.1 request (headers given, Connection: close added) and reads it all. */
  private static String raw(String head) throws IOException {
    return raw(head, true);
  }

  private static String raw(String request, boolean headOnly) throws IOException {
    String full =
        headOnly
            ? request + "Connection: close\r\n\r\n"
            : request.replaceFirst("\r\n", "\r\nConnection: close\r\n");
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(full.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  private static String header(String response, String name) {
    for (String line : response.split("\r\n")) {
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }
}
