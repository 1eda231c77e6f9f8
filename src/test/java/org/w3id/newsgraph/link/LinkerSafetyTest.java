package org.w3id.newsgraph.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.LinkStatus;

/**
 * No run of the linker, against any endpoint, loses a row or caches a wrong answer; and it says why
 * an entity has no candidate. Real endpoints throughout: Fuseki holding the fixture, Fuseki holding
 * NewsGraph's own graph (what {@code serve} offers), Fuseki holding a smaller Wikidata subset, and
 * small JDK HTTP servers answering what a misconfigured endpoint answers.
 */
class LinkerSafetyTest {
  private static FusekiServer wikidata;

  @TempDir Path dir;
  private Path links;
  private Path cache;

  @BeforeAll
  static void start() {
    wikidata = WikidataFixture.start();
  }

  @AfterAll
  static void stop() {
    if (wikidata != null) {
      wikidata.stop();
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    WikidataFixture.project(dir);
    links = dir.resolve("triples/wikidata-links.csv");
    cache = dir.resolve("cache");
  }

  private KnowledgeGraph kg() {
    return NewsGraph.load(Layout.of(dir));
  }

  private LinkReport link(URI endpoint, Path cacheDir) {
    return Linker.link(kg(), links, WikidataFixture.options(endpoint, cacheDir));
  }

  private long cached(Path cacheDir) throws IOException {
    if (!Files.isDirectory(cacheDir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(cacheDir)) {
      return files.count();
    }
  }

  private static FusekiServer fuseki(Dataset ds) {
    return FusekiServer.create().port(0).loopback(true).add("/ds", ds, false).build().start();
  }

  private static URI sparql(FusekiServer s) {
    return URI.create("http://127.0.0.1:" + s.getPort() + "/ds/sparql");
  }

  @Test
  void anEndpointWithoutWikidataIsAnErrorAndNothingIsLostOrCached() throws IOException {
    link(WikidataFixture.endpoint(wikidata), cache);
    String before = Files.readString(links);
    assertTrue(before.contains(",auto,") && before.contains(",review,"), before);

    // NewsGraph's own graph behind a SPARQL endpoint, as `newsgraph serve` offers it.
    FusekiServer news = fuseki(kg().dataset(true));
    Path otherCache = dir.resolve("other-cache");
    NewsGraphException e;
    try {
      e = assertThrows(NewsGraphException.class, () -> link(sparql(news), otherCache));
    } finally {
      news.stop();
    }
    assertTrue(
        e.getMessage()
            .endsWith(
                " holds no Wikidata item (nothing with wdt:P31), so it is not a Wikidata"
                    + " endpoint; check --endpoint (nothing was written or cached)"),
        e.getMessage());
    assertEquals(before, Files.readString(links), "no row lost");
    assertEquals(0, cached(otherCache), "no answer cached");
  }

  @Test
  void answersOfTheWrongShapeAreRefusedAndNeverCached() throws IOException {
    String before = Files.readString(links);
    for (String[] answer :
        List.of(
            new String[] {
              "application/sparql-results+json",
              "{\"head\":{\"vars\":[\"s\",\"o\"]},\"results\":{\"bindings\":[]}}",
              "answered with the variables ?s, ?o instead of ?name, ?item, ?how, so it is not a"
                  + " SPARQL endpoint answering the linker's queries; check --endpoint (nothing"
                  + " was written or cached)"
            },
            new String[] {
              "text/html",
              "<!DOCTYPE html><html><body>Welcome</body></html>",
              "answered an HTML or XML page instead of SPARQL JSON results; check that"
                  + " --endpoint is a SPARQL endpoint (nothing was written or cached)"
            })) {
      HttpServer server = answering(answer[0], answer[1]);
      URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sparql");
      try {
        NewsGraphException e = assertThrows(NewsGraphException.class, () -> link(endpoint, cache));
        assertEquals(endpoint + " " + answer[2], e.getMessage());
      } finally {
        server.stop(0);
      }
      assertEquals(0, cached(cache));
      assertEquals(before, Files.readString(links));
    }
  }

  private static HttpServer answering(String type, String body) {
    HttpServer server = WikidataFixture.httpServer();
    server.createContext(
        "/sparql",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", type);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return server;
  }

  @Test
  void aLaterRunThatFindsLessKeepsEveryEarlierRow() throws IOException {
    link(WikidataFixture.endpoint(wikidata), cache);
    Map<String, Set<String>> before = pairs();

    // A smaller Wikidata subset: without the city of Quetta, the two Ahmad Khans and the
    // district of South Waziristan.
    Dataset subset = DatasetFactory.createTxnMem();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("link/wikidata.ttl")) {
      RDFDataMgr.read(subset, in, Lang.TURTLE);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    for (String q : List.of("Q990000301", "Q990000801", "Q990000802", "Q990002201")) {
      subset
          .asDatasetGraph()
          .getDefaultGraph()
          .remove(
              NodeFactory.createURI(Iris.WIKIDATA_ENTITY + q),
              org.apache.jena.graph.Node.ANY,
              org.apache.jena.graph.Node.ANY);
    }
    FusekiServer small = fuseki(subset);
    LinkReport r;
    try {
      r = link(sparql(small), dir.resolve("cache-2"));
    } finally {
      small.stop();
    }
    Map<String, Set<String>> after = pairs();
    for (Map.Entry<String, Set<String>> e : before.entrySet()) {
      assertTrue(after.get(e.getKey()).containsAll(e.getValue()), e + " -> " + after);
    }
    List<LinkRecord> rows = LinksFile.read(links);
    LinkRecord quetta =
        rows.stream().filter(x -> x.entity().equals("quetta")).findFirst().orElseThrow();
    assertEquals(LinkStatus.AUTO, quetta.status(), "still linked: nothing contradicts it");
    assertEquals(
        List.of("south-waziristan", "quetta", "ahmad-khan"),
        r.outcomes().stream().filter(o -> !o.kept().isEmpty()).map(Outcome::entity).toList());
    kg(); // the file still loads
  }

  @Test
  void anEarlierAutoLinkNotFoundAgainIsKeptForReviewWhenAnotherIsAccepted() throws IOException {
    Files.writeString(
        links,
        Files.readString(links)
            + "pakistan,Q990009999,Pakistan,old item,80,label,auto,2025-12-01,"
            + "https://example.org/sparql,\n");
    link(WikidataFixture.endpoint(wikidata), cache);
    List<LinkRecord> pakistan =
        LinksFile.read(links).stream().filter(x -> x.entity().equals("pakistan")).toList();
    assertEquals(2, pakistan.size(), pakistan.toString());
    assertEquals("Q843", pakistan.get(0).qid());
    assertEquals(LinkStatus.AUTO, pakistan.get(0).status());
    LinkRecord old = pakistan.get(1);
    assertEquals("Q990009999", old.qid());
    assertEquals(LinkStatus.REVIEW, old.status());
    assertEquals("an earlier run accepted it; not found again, so kept for review", old.note());
    kg(); // one auto link per entity: the file loads
  }

  @Test
  void theReportSaysWhyAnEntityHasNoCandidate() {
    LinkReport r = link(WikidataFixture.endpoint(wikidata), cache);
    Map<Outcome.Kind, List<String>> byKind =
        r.outcomes().stream()
            .collect(
                Collectors.groupingBy(
                    Outcome::kind, Collectors.mapping(Outcome::entity, Collectors.toList())));
    assertEquals(
        List.of("serena-hotel", "agency", "hafiz-gul-bahadar-faction"),
        byKind.get(Outcome.Kind.NO_NAME_MATCH));
    assertEquals(List.of("tirah"), byKind.get(Outcome.Kind.WRONG_TYPE));
    Outcome tirah = r.without(Outcome.Kind.WRONG_TYPE).get(0);
    assertEquals("no item found has a type compatible with Region", tirah.reason());
    Outcome.Found film = tirah.found().get(0);
    assertEquals("Q990002501", film.qid());
    assertEquals(List.of("Q990002004 film"), film.types());
    assertTrue(film.wrongType());
    assertEquals("label 50 - wrong type 50", film.why());
    // For an entity linked or to review, the items dropped for their type are listed too.
    Outcome kp =
        r.outcomes().stream()
            .filter(o -> o.entity().equals("khyber-pakhtunkhwa"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of("Q183314", "Q990002101"), kp.found().stream().map(Outcome.Found::qid).toList());
    assertTrue(kp.found().get(1).wrongType());
    assertEquals(
        "2019 film about the province", kp.found().get(1).description(), "CR LF made one space");
  }

  @Test
  void progressTellsEachBatchAndEachPauseForBackOff() {
    List<String> events = new ArrayList<>();
    LinkProgress listener =
        new LinkProgress() {
          @Override
          public void asked(String what, int done, int total, int requests) {
            events.add(what + " " + done + "/" + total + " " + requests);
          }

          @Override
          public void waiting(String service, int status, Duration wait) {
            events.add("wait " + status + " " + wait.toSeconds());
          }
        };
    HttpServer busy = WikidataFixture.httpServer();
    int[] calls = {0};
    busy.createContext(
        "/sparql",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          calls[0]++;
          exchange.getResponseHeaders().add("Retry-After", "1");
          exchange.sendResponseHeaders(429, -1);
          exchange.close();
        });
    busy.start();
    URI endpoint = URI.create("http://127.0.0.1:" + busy.getAddress().getPort() + "/sparql");
    try {
      LinkOptions o = WikidataFixture.options(endpoint, cache);
      assertThrows(NewsGraphException.class, () -> Linker.link(kg(), links, o, listener));
    } finally {
      busy.stop(0);
    }
    assertEquals("names 0/" + namesAsked() + " 0", events.get(0));
    assertEquals(List.of("wait 429 1", "wait 429 1", "wait 429 1"), events.subList(1, 4));

    events.clear();
    LinkReport r =
        Linker.link(
            kg(),
            links,
            WikidataFixture.options(WikidataFixture.endpoint(wikidata), cache),
            listener);
    assertTrue(
        events.contains("names " + namesAsked() + "/" + namesAsked() + " 2"), events.toString());
    assertTrue(events.stream().anyMatch(x -> x.startsWith("items ")), events.toString());
    assertTrue(events.stream().anyMatch(x -> x.startsWith("classes ")), events.toString());
    assertTrue(r.requests() >= 3);
  }

  private static int namesAsked() {
    // the fixture project's linkable entities' labels and aliases, deduplicated
    return 24;
  }

  private Map<String, Set<String>> pairs() {
    return LinksFile.read(links).stream()
        .collect(
            Collectors.groupingBy(
                LinkRecord::entity, Collectors.mapping(LinkRecord::qid, Collectors.toSet())));
  }

  @Test
  void onlyOnAConfirmedEntityIsReportedAsSkipped() {
    LinkOptions o = WikidataFixture.options(WikidataFixture.endpoint(wikidata), cache);
    LinkReport r =
        Linker.link(
            kg(),
            links,
            new LinkOptions(
                o.endpoint(),
                null,
                Set.of("pti"),
                80,
                15,
                false,
                cache,
                o.http(),
                20,
                WikidataFixture.TODAY));
    assertEquals(0, r.considered());
    assertEquals(List.of("pti"), r.skipped());
    assertFalse(r.changed());
  }
}
