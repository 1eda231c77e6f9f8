package org.w3id.newsgraph.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.LinkMethod;
import org.w3id.newsgraph.model.LinkStatus;

/**
 * The linker against a real SPARQL endpoint (embedded Fuseki) holding a Wikidata-shaped fixture
 * with traps: same labels on items of different types, namesakes, aliases, missing labels.
 */
class LinkerTest {
  private static FusekiServer server;

  @TempDir Path dir;
  private Path links;
  private Path cache;

  @BeforeAll
  static void startEndpoint() {
    server = WikidataFixture.start();
  }

  @AfterAll
  static void stopEndpoint() {
    if (server != null) {
      server.stop();
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    WikidataFixture.project(dir);
    links = dir.resolve("triples/wikidata-links.csv");
    cache = dir.resolve("cache");
  }

  private Layout layout() {
    return Layout.of(dir);
  }

  private LinkReport link(LinkOptions options) {
    return Linker.link(NewsGraph.load(layout()), links, options);
  }

  private LinkOptions options() {
    return WikidataFixture.options(WikidataFixture.endpoint(server), cache);
  }

  private Map<String, List<LinkRecord>> rowsByEntity() {
    return LinksFile.read(links).stream().collect(Collectors.groupingBy(LinkRecord::entity));
  }

  private static LinkRecord only(Map<String, List<LinkRecord>> rows, String entity) {
    List<LinkRecord> r = rows.get(entity);
    assertEquals(1, r == null ? 0 : r.size(), entity + ": " + r);
    return r.get(0);
  }

  private static Set<String> qids(Map<String, List<LinkRecord>> rows, String entity) {
    return rows.getOrDefault(entity, List.of()).stream()
        .map(LinkRecord::qid)
        .collect(Collectors.toSet());
  }

  @Test
  void picksTheRightItemAcrossTheTraps() {
    LinkReport report = link(options());
    Map<String, List<LinkRecord>> rows = rowsByEntity();

    // A country and its government share the name Pakistan: each gets its own item.
    assertAuto(only(rows, "pakistan"), "Q843", LinkMethod.LABEL);
    assertAuto(only(rows, "government-of-pakistan"), "Q990000101", LinkMethod.LABEL);
    // A province and a former state: the former state's type is wrong, it is not even proposed.
    assertAuto(only(rows, "balochistan"), "Q163239", LinkMethod.LABEL);
    // A city and its district, both "Quetta": the district is not a city.
    assertAuto(only(rows, "quetta"), "Q990000301", LinkMethod.LABEL);
    // A city, a vehicle (rejected by a person) and a district, all "Tank".
    assertEquals(
        Set.of("Q990000401", "Q990000402"), qids(rows, "tank"), "the rejected row stays too");
    assertTrue(
        rows.get("tank").stream()
            .anyMatch(r -> r.qid().equals("Q990000401") && r.status() == LinkStatus.AUTO));
    // Found by its aliases, typed through two steps of P279, in Pakistan like the graph says.
    LinkRecord ttp = only(rows, "ttp");
    assertAuto(ttp, "Q990000501", LinkMethod.ALIAS);
    assertEquals(90, ttp.score().getAsInt());
    // Two people called Imran Khan: the party the graph gives him decides.
    LinkRecord imran = only(rows, "imran-khan");
    assertAuto(imran, "Q990000701", LinkMethod.LABEL);
    assertEquals(100, imran.score().getAsInt());
    assertEquals("runner-up Q990000702 (80)", imran.note());
    // Two people called Ahmad Khan and nothing to tell them apart: both to review.
    assertEquals(Set.of("Q990000801", "Q990000802"), qids(rows, "ahmad-khan"));
    rows.get("ahmad-khan").forEach(r -> assertEquals(LinkStatus.REVIEW, r.status()));
    // No English label: found by an alias, never sure enough to accept alone.
    LinkRecord mansour = only(rows, "mansour-ahmad-khan");
    assertEquals(LinkStatus.REVIEW, mansour.status());
    assertEquals("", mansour.label());
    assertEquals("Pakistani diplomat", mansour.description());
    // Absent from the fixture, or not linkable (an event): no row.
    assertFalse(rows.containsKey("hafiz-gul-bahadar-faction"));
    assertFalse(rows.containsKey("agency"));
    assertFalse(rows.containsKey("attack-tank"));
    assertFalse(rows.containsKey("serena-hotel"), "only a fuzzy search finds it");

    // Shaped like the real items: a province typed only up to "administrative territorial
    // entity", beside a film of the same name (whose description has a CR).
    LinkRecord kp = only(rows, "khyber-pakhtunkhwa");
    assertAuto(kp, "Q183314", LinkMethod.LABEL);
    assertEquals(100, kp.score().getAsInt(), "label 50 + type 30 + in Pakistan 20");
    // A district and the former tribal agency, both "South Waziristan", both in Pakistan: review.
    assertEquals(Set.of("Q990002201", "Q990002202"), qids(rows, "south-waziristan"));
    rows.get("south-waziristan").forEach(r -> assertEquals(LinkStatus.REVIEW, r.status()));
    // An ethnic group typed as a people.
    assertAuto(only(rows, "pashtuns"), "Q990002301", LinkMethod.LABEL);
    // The army and the armed forces, 70 and 70: a tie goes to review, never to the decoy.
    assertEquals(Set.of("Q990002401", "Q990002402"), qids(rows, "pakistan-army"));
    rows.get("pakistan-army").forEach(r -> assertEquals(LinkStatus.REVIEW, r.status()));
    assertEquals("a tie with Q990002402 (70)", rows.get("pakistan-army").get(0).note());
    // A position.
    assertAuto(only(rows, "prime-minister-of-pakistan"), "Q990002601", LinkMethod.LABEL);
    // Found by name, but only as a film: no row, and the report says why.
    assertFalse(rows.containsKey("tirah"));

    assertEquals(18, report.considered(), "19 linkable entities less PTI, confirmed by a person");
    assertEquals(10, report.auto());
    assertEquals(
        List.of("south-waziristan", "pakistan-army", "ahmad-khan", "mansour-ahmad-khan"),
        report.toReview());
    assertEquals(1, report.byPerson());
    assertTrue(report.requests() > 0);
    assertTrue(report.changed());
  }

  private static void assertAuto(LinkRecord r, String qid, LinkMethod method) {
    assertEquals(qid, r.qid(), r.toString());
    assertEquals(LinkStatus.AUTO, r.status(), r.toString());
    assertEquals(method, r.method(), r.toString());
    assertEquals(WikidataFixture.TODAY, r.checked());
    assertTrue(r.source().endsWith("/wikidata/sparql"), r.source());
  }

  @Test
  void rowsAPersonDecidedAreNeverTouched() throws IOException {
    List<String> before = Files.readAllLines(links, StandardCharsets.UTF_8);
    link(options());
    List<String> after = Files.readAllLines(links, StandardCharsets.UTF_8);
    assertTrue(after.contains(before.get(1)), "the confirmed PTI row, byte for byte");
    assertTrue(after.contains(before.get(2)), "the rejected vehicle row, byte for byte");
    assertEquals(
        1, after.stream().filter(l -> l.startsWith("pti,")).count(), "PTI is not reconciled");
  }

  @Test
  void aSecondRunIsIdempotentAndSendsNoRequest() throws IOException {
    FusekiServer own = WikidataFixture.start();
    URI endpoint = WikidataFixture.endpoint(own);
    LinkReport first;
    try {
      first = link(WikidataFixture.options(endpoint, cache));
    } finally {
      own.stop();
    }
    String written = Files.readString(links);
    assertTrue(first.requests() > 0);
    // The endpoint is gone: any request would fail. Another day, another batch size: every
    // answer comes from the cache, and the file stays byte for byte the same.
    LinkOptions later =
        new LinkOptions(
            endpoint,
            null,
            Set.of(),
            80,
            15,
            false,
            cache,
            WikidataFixture.settings(),
            7,
            WikidataFixture.TODAY.plusDays(3));
    LinkReport second = link(later);
    assertEquals(0, second.requests());
    assertFalse(second.changed());
    assertEquals(written, Files.readString(links));
  }

  @Test
  void offlineWorksFromTheLinksFileAndTheCache() throws IOException {
    link(options());
    String written = Files.readString(links);
    LinkOptions o = options();
    LinkReport r =
        link(
            new LinkOptions(
                o.endpoint(),
                null,
                Set.of(),
                80,
                15,
                true,
                cache,
                o.http(),
                20,
                WikidataFixture.TODAY.plusDays(1)));
    assertEquals(0, r.requests());
    assertEquals(List.of(), r.notCached());
    assertEquals(written, Files.readString(links));
  }

  @Test
  void offlineWithAnEmptyCacheChangesNothing() throws IOException {
    String before = Files.readString(links);
    LinkOptions o = options();
    LinkReport r =
        link(
            new LinkOptions(
                WikidataFixture.deadEndpoint(),
                null,
                Set.of(),
                80,
                15,
                true,
                o.cache(),
                o.http(),
                20,
                WikidataFixture.TODAY));
    assertEquals(0, r.requests());
    assertEquals(18, r.notCached().size());
    assertFalse(r.changed());
    assertEquals(before, Files.readString(links));
  }

  @Test
  void onlyReconcilesTheNamedEntities() {
    LinkOptions o = options();
    link(
        new LinkOptions(
            o.endpoint(),
            null,
            Set.of("tank"),
            80,
            15,
            false,
            o.cache(),
            o.http(),
            20,
            WikidataFixture.TODAY));
    assertEquals(Set.of("pti", "tank"), rowsByEntity().keySet());
  }

  @Test
  void aHigherThresholdSendsPlainLabelMatchesToReview() {
    LinkOptions o = options();
    link(
        new LinkOptions(
            o.endpoint(),
            null,
            Set.of("pakistan", "imran-khan"),
            90,
            15,
            false,
            o.cache(),
            o.http(),
            20,
            WikidataFixture.TODAY));
    Map<String, List<LinkRecord>> rows = rowsByEntity();
    LinkRecord pakistan = only(rows, "pakistan");
    assertEquals(LinkStatus.REVIEW, pakistan.status());
    assertEquals(80, pakistan.score().getAsInt());
    assertEquals("score below 90", pakistan.note());
    assertEquals(LinkStatus.AUTO, only(rows, "imran-khan").status(), "100 with the party");
  }

  @Test
  void linksLoadIntoTheGraphWithTheirProvenanceAndNoReasonerMergesThem() {
    link(options());
    KnowledgeGraph kg = NewsGraph.load(layout());
    Graph g = kg.asserted();
    Node tank = NodeFactory.createURI(Iris.entity("tank"));
    Node city = NodeFactory.createURI("http://www.wikidata.org/entity/Q990000401");
    assertTrue(g.contains(tank, SKOS.exactMatch.asNode(), city));
    Node record = NodeFactory.createURI(Iris.BASE + "link/tank/Q990000401");
    assertTrue(g.contains(record, RDF.type.asNode(), term("WikidataLink")));
    assertTrue(g.contains(record, term("linkStatus"), term("auto")));
    assertTrue(g.contains(record, term("linkScore"), Node.ANY));
    assertTrue(
        g.contains(
            record,
            NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"),
            NodeFactory.createURI(options().endpoint().toString())));
    // The confirmed PTI link is in the graph; review and rejected rows are not.
    Node pti = NodeFactory.createURI(Iris.entity("pti"));
    assertTrue(g.contains(pti, SKOS.exactMatch.asNode(), Node.ANY));
    Node ahmad = NodeFactory.createURI(Iris.entity("ahmad-khan"));
    assertFalse(g.contains(ahmad, SKOS.exactMatch.asNode(), Node.ANY));
    Node vehicle = NodeFactory.createURI("http://www.wikidata.org/entity/Q990000402");
    assertFalse(g.contains(Node.ANY, Node.ANY, vehicle));
    // Nothing is said to be the same individual, and the rules infer nothing about the items.
    assertFalse(g.contains(Node.ANY, OWL2.sameAs.asNode(), Node.ANY));
    assertFalse(kg.inferred().contains(Node.ANY, OWL2.sameAs.asNode(), Node.ANY));
    assertFalse(kg.inferred().contains(city, Node.ANY, Node.ANY));
    assertFalse(kg.inferred().contains(Node.ANY, Node.ANY, city));
  }

  @Test
  void fuzzySearchFindsWhatExactNamesMissButOnlyForReview() throws IOException {
    HttpServer api = WikidataFixture.httpServer();
    api.createContext(
        "/w/api.php",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          String hits =
              query.contains("search=Serena+Hotel")
                  ? """
                  {"id":"Q990001001","title":"Q990001001","pageid":1,\
                  "concepturi":"http://www.wikidata.org/entity/Q990001001",\
                  "label":"Quetta Serena Hotel","description":"hotel in Quetta",\
                  "match":{"type":"label","language":"en","text":"Quetta Serena Hotel"}}"""
                  : "";
          byte[] body =
              ("{\"searchinfo\":{\"search\":\"x\"},\"search\":[" + hits + "],\"success\":1}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    api.start();
    try {
      URI searchApi = URI.create("http://127.0.0.1:" + api.getAddress().getPort() + "/w/api.php");
      LinkOptions o = options();
      link(
          new LinkOptions(
              o.endpoint(),
              searchApi,
              Set.of("quetta", "serena-hotel"),
              80,
              15,
              false,
              o.cache(),
              o.http(),
              20,
              WikidataFixture.TODAY));
    } finally {
      api.stop(0);
    }
    LinkRecord hotel = only(rowsByEntity(), "serena-hotel");
    assertEquals("Q990001001", hotel.qid());
    assertEquals(LinkMethod.SEARCH, hotel.method());
    assertEquals(LinkStatus.REVIEW, hotel.status());
    assertEquals(75, hotel.score().getAsInt(), "search 25 + type 30 + in Quetta 20");
    assertTrue(hotel.source().endsWith("/w/api.php"), hotel.source());
  }

  private static Node term(String local) {
    return NodeFactory.createURI(Iris.term(local));
  }
}
