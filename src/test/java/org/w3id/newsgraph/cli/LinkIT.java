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
      r = run(link(endpoint.toString(), "--contact", "newsgraph-tests@example.org", "--progress"));
    } finally {
      proxy.stop(0);
    }
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .startsWith(
                "reconciled 18 entities: 10 linked (auto), 4 to review, 4 without a candidate;"
                    + " 1 linked by a person, kept\n"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "to review: south-waziristan, pakistan-army, ahmad-khan, mansour-ahmad-khan (see"
                    + " them with: newsgraph link --review)\n"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "without a candidate, no item has the name: serena-hotel, agency,"
                    + " hafiz-gul-bahadar-faction\n"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "without a candidate, items found but none of a compatible type (dropped): tirah"
                    + " (Q990002501 (Q990002004 film))\n"),
        r.out());
    // --progress: the pause for the 429 and how far each kind of question got, on stderr
    assertTrue(r.err().contains("answered HTTP 429: waiting 1.0 s before trying again"), r.err());
    assertTrue(r.err().contains("asking names: 24 of 24 done"), r.err());
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
    assertTrue(
        r.err().contains(": connection refused (nothing answers at that address and port);"),
        r.err());
    assertFalse(r.err().contains("java.net"), r.err());
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
                    + " has no answer for any of the 18 entities, so every row was left as it"
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

  @Test
  void aPersonReviewsConfirmsAndRejectsFromTheCommandLine() throws IOException {
    String endpoint = "http://127.0.0.1:" + fuseki.getPort() + "/wikidata/sparql";
    assertEquals(0, run(link(endpoint)).code());
    Path links = dir.resolve("triples/wikidata-links.csv");
    String linked = Files.readString(links);

    Run review = run(link(endpoint, "--review"));
    assertEquals(0, review.code(), review.err());
    String out = review.out();
    assertTrue(
        out.contains(
            "pakistan-army \"Pakistani Army\" (ArmedForce; compatible Wikidata classes: Q176799,"
                + " Q37726, Q43229, Q8473)\n"
                + "  to review: a tie with Q990002402 (70)\n"
                + "          Q990002401  Pakistan Army - land service branch of the Pakistan Armed"
                + " Forces\n"
                + "          type Q37726 army; score 70 = alias 40 + type 30\n"
                + "          Q990002402  Pakistan Armed Forces - military forces of Pakistan\n"
                + "          type Q8473 military; score 70 = alias 40 + type 30\n"
                + "  decide: newsgraph link --confirm pakistan-army=QID --source"
                + " URL-OF-THE-PAGE-YOU-CHECKED | --reject pakistan-army=QID\n"),
        out);
    assertTrue(
        out.contains(
            "tirah \"Tirah\" (Region; compatible Wikidata classes: Q10864048, Q56061, Q82794)\n"
                + "  none: no item found has a type compatible with Region\n"
                + "  dropped Q990002501  Tirah - made-up film\n"
                + "          type Q990002004 film; score 0 = label 50 - wrong type 50\n"),
        out);
    assertTrue(out.contains("hafiz-gul-bahadar-faction \"Hafiz Gul Bahadar faction\""), out);
    assertEquals(linked, Files.readString(links), "--review writes nothing");

    // A confirm needs a source, and not the candidate search itself.
    Run noSource = run(link(endpoint, "--confirm", "pakistan-army=Q990002401"));
    assertEquals(1, noSource.code());
    assertTrue(
        noSource
            .err()
            .startsWith(
                "--confirm needs --source URL: the page you checked that shows Q990002401 for"
                    + " pakistan-army, e.g. https://www.wikidata.org/wiki/Q990002401 ["),
        noSource.err());
    Run search = run(link(endpoint, "--confirm", "pakistan-army=Q990002401", "--source", endpoint));
    assertEquals(1, search.code());
    assertTrue(search.err().contains("is the candidate search, not a page"), search.err());
    assertEquals(linked, Files.readString(links));

    Run confirm =
        run(
            link(
                endpoint,
                "--confirm",
                "pakistan-army=Q990002401",
                "--source",
                "https://example.org/pakistan-army-page",
                "--reject",
                "ahmad-khan=Q990000801"));
    assertEquals(0, confirm.code(), confirm.err());
    assertEquals(
        "rejected ahmad-khan=Q990000801 (Ahmad Khan)\n"
            + "confirmed pakistan-army=Q990002401 (Pakistan Army)\n"
            + "wrote "
            + links
            + "\n",
        confirm.out());
    String after = Files.readString(links);
    String today = java.time.LocalDate.now().toString();
    assertTrue(
        after.contains(
            "\npakistan-army,Q990002401,Pakistan Army,land service branch of the Pakistan Armed"
                + " Forces,,manual,confirmed,"
                + today
                + ",https://example.org/pakistan-army-page,confirmed by a person; proposed by the"
                + " linker with score 70 (a tie with Q990002402 (70))\n"),
        after);
    assertFalse(after.contains("pakistan-army,Q990002402"), "the other proposal is settled");
    assertTrue(
        after.contains(",label,rejected," + today + "," + endpoint + ",rejected by a person\n"),
        after);

    // validate accepts the file; a later run keeps both decisions and proposes the rest.
    Run validate =
        run(
            "validate",
            "--ontology",
            dir.resolve("ontology").toString(),
            "--triples",
            dir.resolve("triples").toString());
    assertEquals(0, validate.code(), validate.err());
    Run again = run(link(endpoint, "--only", "pakistan-army,ahmad-khan"));
    assertEquals(0, again.code(), again.err());
    assertTrue(
        again.out().startsWith("reconciled 1 entity: 1 linked (auto), 0 to review"), again.out());
    assertTrue(
        again.out().contains("skipped, already confirmed by a person: pakistan-army"), again.out());
    String last = Files.readString(links);
    assertTrue(last.contains("pakistan-army,Q990002401,") && last.contains(",rejected,"), last);
    assertTrue(last.contains("\nahmad-khan,Q990000802,Ahmad Khan,poet,80,label,auto,"), last);
    assertFalse(last.contains("ahmad-khan,Q990000801,Ahmad Khan,footballer,50,label,review"));
  }

  @Test
  void messagesSayWhatHappenedAndWhatToDo() {
    HttpServer html = WikidataFixture.httpServer();
    html.createContext(
        "/sparql",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = "<html><body>Not here</body></html>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(body);
          }
        });
    html.start();
    String url = "http://127.0.0.1:" + html.getAddress().getPort() + "/sparql";
    Run r;
    try {
      r = run(link(url));
    } finally {
      html.stop(0);
    }
    assertEquals(1, r.code());
    assertTrue(
        r.err()
            .startsWith(
                url
                    + " answered an HTML or XML page instead of SPARQL JSON results; check that"
                    + " --endpoint is a SPARQL endpoint (nothing was written or cached) ["),
        r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(r.err().contains("setStrictness"), r.err());

    Run confirmed = run(link(url, "--offline", "--only", "pti"));
    assertEquals(0, confirmed.code(), confirmed.err());
    assertTrue(
        confirmed
            .out()
            .startsWith(
                "nothing to reconcile: pti is already confirmed by a person (to reconcile one"
                    + " again, --reject its link first)\n"),
        confirmed.out());
  }
}
