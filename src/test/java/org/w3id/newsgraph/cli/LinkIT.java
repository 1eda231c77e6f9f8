package org.w3id.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.link.WikidataFixture;

/**
 * {@code newsgraph link} run in process against a real SPARQL endpoint (embedded Fuseki with the
 * Wikidata-shaped fixture), reached through a small proxy that first answers HTTP 429.
 */
class LinkIT {
  private static FusekiServer fuseki;

  @TempDir Path dir;
  private HttpServer proxy;
  private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
  private final List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
  private final List<String> agents = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void startEndpoint() {
    fuseki = WikidataFixture.start();
  }

  @AfterAll
  static void stopEndpoint() {
    if (fuseki != null) {
      fuseki.stop();
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    WikidataFixture.project(dir);
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, out, err);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String[] link(String endpoint, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "link",
                "--endpoint",
                endpoint,
                "--ontology",
                dir.resolve("ontology").toString(),
                "--triples",
                dir.resolve("triples").toString(),
                "--cache",
                dir.resolve("cache").toString(),
                "--delay",
                "0"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** A proxy to Fuseki that answers the first request with 429 and Retry-After: 1. */
  private URI startProxy() throws IOException {
    HttpClient client = HttpClient.newHttpClient();
    URI target = URI.create("http://127.0.0.1:" + fuseki.getPort() + "/wikidata/sparql");
    proxy = WikidataFixture.httpServer();
    proxy.createContext(
        "/sparql",
        exchange -> {
          arrivals.add(System.nanoTime());
          agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
          byte[] request = exchange.getRequestBody().readAllBytes();
          int status;
          byte[] body;
          String type;
          if (arrivals.size() == 1) {
            status = 429;
            type = "text/plain";
            body = "Too Many Requests".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "1");
          } else {
            try {
              HttpResponse<byte[]> r =
                  client.send(
                      HttpRequest.newBuilder(target)
                          .header(
                              "Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
                          .header("Accept", exchange.getRequestHeaders().getFirst("Accept"))
                          .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                          .build(),
                      HttpResponse.BodyHandlers.ofByteArray());
              status = r.statusCode();
              body = r.body();
              type = r.headers().firstValue("Content-Type").orElse("application/octet-stream");
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IOException(e);
            }
          }
          statuses.add(status);
          exchange.getResponseHeaders().add("Content-Type", type);
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    proxy.start();
    return URI.create("http://127.0.0.1:" + proxy.getAddress().getPort() + "/sparql");
  }

  @Test
  void linksThroughA429AndTheLinksAreQueryableAndExported() throws IOException {
    URI endpoint = startProxy();
    Run r;
    try {
      r = run(link(endpoint.toString(), "--contact", "newsgraph-tests@example.org"));
    } finally {
      proxy.stop(0);
    }
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("7 linked (auto), 2 to review"), r.out());
    assertTrue(r.out().contains("to review: ahmad-khan, mansour-ahmad-khan"), r.out());
    assertTrue(r.out().contains("wrote "), r.out());
    // The 429 was honoured: one second later the same request again, then the rest.
    assertEquals(429, statuses.get(0));
    assertEquals(200, statuses.get(1));
    assertTrue((arrivals.get(1) - arrivals.get(0)) / 1_000_000 >= 950);
    for (String agent : agents) {
      assertTrue(
          agent.matches("NewsGraph/\\S+ \\(newsgraph-tests@example.org\\) Java/\\d+"), agent);
    }
    String links = Files.readString(dir.resolve("triples/wikidata-links.csv"));
    assertTrue(links.contains("\nimran-khan,Q990000701,Imran Khan,"), links);

    Run query =
        run(
            "query",
            "wikidata-links",
            "--format",
            "csv",
            "--ontology",
            dir.resolve("ontology").toString(),
            "--triples",
            dir.resolve("triples").toString());
    assertEquals(0, query.code(), query.err());
    assertTrue(query.out().contains("Q843"), query.out());
    assertTrue(query.out().contains("confirmed"), query.out());
    assertFalse(query.out().contains("Q990000801"), "review rows are not in the graph");

    Run export =
        run(
            "export",
            "--ontology",
            dir.resolve("ontology").toString(),
            "--triples",
            dir.resolve("triples").toString());
    assertEquals(0, export.code(), export.err());
    assertTrue(export.out().contains("skos:exactMatch"), "export includes the links");
    assertTrue(export.out().contains("ng:WikidataLink"));
  }

  @Test
  void aSecondRunFromTheCacheNeedsNoEndpoint() {
    String endpoint = "http://127.0.0.1:" + fuseki.getPort() + "/wikidata/sparql";
    assertEquals(0, run(link(endpoint)).code());
    Run offline = run(link(endpoint, "--offline"));
    assertEquals(0, offline.code(), offline.err());
    assertTrue(offline.out().contains("offline: no request sent"), offline.out());
    assertTrue(offline.out().contains("unchanged: "), offline.out());
  }

  @Test
  void anUnreachableEndpointIsAOneLineUserError() {
    Run r = run(link(WikidataFixture.deadEndpoint().toString()));
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("cannot reach http://127.0.0.1:"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void offlineWithoutACacheLeavesEverythingAsItWas() throws IOException {
    Path links = dir.resolve("triples/wikidata-links.csv");
    String before = Files.readString(links);
    Run r = run(link("https://query.wikidata.org/sparql", "--offline"));
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .startsWith(
                "nothing reconciled: offline, and the cache "
                    + dir.resolve("cache")
                    + " has no answer for any of the 12 entities, so every row was left as it"
                    + " was; run without --offline to ask https://query.wikidata.org/sparql\n"),
        r.out());
    assertEquals(before, Files.readString(links));
  }

  @Test
  void badOptionsAreUserErrors() {
    Run score = run(link("https://query.wikidata.org/sparql", "--min-score", "101"));
    assertEquals(1, score.code());
    assertTrue(score.err().contains("--min-score must be from 0 to 100"), score.err());
    Run only = run(link("https://query.wikidata.org/sparql", "--offline", "--only", "attack-tank"));
    assertEquals(1, only.code());
    assertTrue(only.err().contains("'attack-tank' is of class Attack"), only.err());
    Run unknown = run(link("https://query.wikidata.org/sparql", "--offline", "--only", "nobody"));
    assertEquals(1, unknown.code());
    assertTrue(unknown.err().contains("unknown entity id 'nobody'"), unknown.err());
  }
}
