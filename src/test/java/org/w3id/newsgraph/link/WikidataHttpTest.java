package org.w3id.newsgraph.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3id.newsgraph.NewsGraphException;

/** The HTTP side, against a small local server that misbehaves on purpose. */
class WikidataHttpTest {
  /** A real answer in the SPARQL 1.1 Query Results JSON Format. */
  static final String RESULTS =
      """
      { "head": { "vars": [ "item" ] },
        "results": { "bindings": [
          { "item": { "type": "uri", "value": "http://www.wikidata.org/entity/Q843" } } ] } }
      """;

  private HttpServer server;
  private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
  private final List<String> agents = Collections.synchronizedList(new ArrayList<>());
  private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Serves {@code /sparql}: the first {@code failures} requests get {@code status}. */
  private URI serve(int failures, int status, String retryAfter) {
    server = WikidataFixture.httpServer();
    server.createContext(
        "/sparql",
        exchange -> {
          arrivals.add(System.nanoTime());
          agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          if (arrivals.size() <= failures) {
            if (retryAfter != null) {
              exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            answer(exchange, status, "text/plain", "Too many requests. Please slow down.");
          } else {
            answer(exchange, 200, "application/sparql-results+json", RESULTS);
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sparql");
  }

  private static void answer(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** The pauses a client took, recorded instead of waited out. */
  private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());

  private WikidataHttp recordingPauses() {
    return new WikidataHttp(WikidataFixture.settings(), pauses::add);
  }

  @Test
  void on429ItWaitsWhatRetryAfterSaysThenRetriesWithItsUserAgent() {
    URI endpoint = serve(1, 429, "1");
    WikidataHttp http = recordingPauses();
    String body = http.sparql(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 1");
    assertEquals(RESULTS, body);
    assertEquals(2, http.requests());
    assertEquals(2, arrivals.size());
    assertEquals(List.of(Duration.ofSeconds(1)), pauses, "Retry-After: 1");
    for (String agent : agents) {
      assertTrue(agent.startsWith("NewsGraph/"), agent);
      assertTrue(agent.contains("(https://w3id.org/newsgraph)"), agent);
    }
    assertTrue(bodies.get(1).startsWith("query=SELECT"), "an HTML-form POST: " + bodies.get(1));
    assertEquals(bodies.get(0), bodies.get(1), "the same query again");
  }

  @Test
  void on503WithoutRetryAfterItBacksOff() {
    URI endpoint = serve(2, 503, null);
    WikidataHttp http = recordingPauses();
    assertEquals(RESULTS, http.sparql(endpoint, "ASK {}"));
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), pauses, "1 s, then 2 s");
  }

  @Test
  void itGivesUpAfterItsRetries() {
    URI endpoint = serve(100, 429, "0");
    WikidataHttp http = recordingPauses();
    NewsGraphException e =
        assertThrows(NewsGraphException.class, () -> http.sparql(endpoint, "ASK {}"));
    assertTrue(e.getMessage().contains("HTTP 429"), e.getMessage());
    assertTrue(e.getMessage().contains("after 4 tries"), e.getMessage());
    assertEquals(4, arrivals.size(), "1 try and 3 retries");
  }

  @Test
  void aRetryAfterBeyondTheLongestPauseIsAnError() {
    URI endpoint = serve(1, 429, "3600");
    WikidataHttp http = recordingPauses();
    NewsGraphException e =
        assertThrows(NewsGraphException.class, () -> http.sparql(endpoint, "ASK {}"));
    assertTrue(e.getMessage().contains("asks to wait 3600 s"), e.getMessage());
    assertEquals(1, arrivals.size());
    assertEquals(List.of(), pauses, "no pause before giving up");
  }

  @Test
  void anErrorStatusIsReportedWithTheFirstLineOfTheAnswer() {
    URI endpoint = serve(1, 400, null);
    WikidataHttp http = new WikidataHttp(WikidataFixture.settings());
    NewsGraphException e =
        assertThrows(NewsGraphException.class, () -> http.sparql(endpoint, "ASK {}"));
    assertTrue(e.getMessage().endsWith("answered HTTP 400: Too many requests. Please slow down."));
  }

  @Test
  void anUnreachableEndpointIsAOneLineError() {
    URI endpoint = WikidataFixture.deadEndpoint();
    WikidataHttp http = new WikidataHttp(WikidataFixture.settings());
    NewsGraphException e =
        assertThrows(NewsGraphException.class, () -> http.sparql(endpoint, "ASK {}"));
    assertTrue(e.getMessage().startsWith("cannot reach " + endpoint + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("--offline"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void requestsArePaced() {
    URI endpoint = serve(0, 200, null);
    WikidataHttp.Settings s = WikidataFixture.settings();
    WikidataHttp http =
        new WikidataHttp(
            new WikidataHttp.Settings(
                s.userAgent(), s.timeout(), Duration.ofMillis(300), 3, s.maxWait()));
    http.sparql(endpoint, "ASK {}");
    http.sparql(endpoint, "ASK {}");
    long gapMs = (arrivals.get(1) - arrivals.get(0)) / 1_000_000;
    // Measured where they arrive; the first one's connection set-up eats into the gap.
    assertTrue(gapMs >= 200, "about the interval apart: " + gapMs);
  }
}
