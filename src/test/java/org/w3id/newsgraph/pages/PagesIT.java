package org.w3id.newsgraph.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.server.GraphServer;
import org.w3id.newsgraph.server.Http;
import org.w3id.newsgraph.server.ServedGraph;
import org.w3id.newsgraph.server.ServerOptions;
import org.w3id.newsgraph.store.GraphStore;
import org.w3id.newsgraph.store.TestProject;

/**
 * The pages over HTTP on a copy of the real project in which one entity (Radio Mashaal) is called
 * {@code <script>alert(1)</script>}: every entity and source has a page, the entity IRIs
 * dereference as Turtle and JSON-LD, values are escaped, the static site has no broken link.
 */
class PagesIT {
  static final String XSS = "<script>alert(1)</script>";
  static final String XSS_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

  @TempDir static Path dir;
  private static TestProject project;
  private static GraphStore store;
  private static ServedGraph served;
  private static GraphServer server;

  @BeforeAll
  static void start() throws IOException {
    project = TestProject.copy(dir.resolve("project"));
    project.editEntities(
        "radio-mashaal,MediaOrganization,Radio Mashaal,",
        "radio-mashaal,MediaOrganization," + XSS + ",");
    served = ServedGraph.start(project.layout(), false, ServerOptions.defaults());
    store = served.store();
    server = served.server();
  }

  @AfterAll
  static void stop() {
    if (served != null) {
      served.close();
    }
  }

  private static HttpResponse<String> get(String path, String accept) {
    return Http.get(server.pageUrl() + path.substring(1), accept);
  }

  /** The ids of things under {@code base} that have a type, asked of the dataset directly. */
  private static List<String> ids(String base) {
    List<String> out = new ArrayList<>();
    String q =
        "SELECT DISTINCT ?x { ?x a ?c FILTER STRSTARTS(STR(?x), \"" + base + "\") } ORDER BY ?x";
    try (QueryExecution exec = QueryExecution.dataset(store.dataset()).query(q).build()) {
      exec.execSelect()
          .forEachRemaining(row -> out.add(row.getResource("x").getURI().substring(base.length())));
    }
    return out;
  }

  @Test
  void everyEntityAndEverySourceHasAPage() {
    List<String> entities = ids(Iris.ENTITY);
    List<String> sources = ids(Iris.SOURCE);
    assertTrue(entities.size() > 70, "the seed's entities: " + entities.size());
    assertEquals(1, sources.size());
    for (String id : entities) {
      HttpResponse<String> r = get("/id/" + id, "text/html");
      assertEquals(200, r.statusCode(), id);
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), id);
    }
    for (String id : sources) {
      HttpResponse<String> r = get("/source/" + id, "text/html");
      assertEquals(200, r.statusCode(), id);
      assertTrue(r.body().contains("Published by"), id);
      assertTrue(r.body().contains("Radio Free Europe/Radio Liberty"), "the publisher is named");
    }
    for (String path : List.of("/entities", "/graph", "/timeline", "/entities?q=haqqani")) {
      HttpResponse<String> r = get(path, "text/html");
      assertEquals(200, r.statusCode(), path);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self'"), path + ": " + csp);
      assertFalse(csp.contains("unsafe-inline"), path + ": " + csp);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    }
    assertEquals(404, get("/id/no-such-entity", "text/html").statusCode());
    assertEquals(404, get("/id/Not_An_Id", "text/html").statusCode());
    assertEquals(404, get("/source/no-such-source", "text/turtle").statusCode());
    assertEquals(404, get("/pages/no-such-file.js", "*/*").statusCode());
  }

  @Test
  void searchFindsEntitiesByLabelAndOtherName() {
    String byLabel = get("/entities?q=sirajuddin", "text/html").body();
    assertTrue(byLabel.contains("href=\"./id/sirajuddin-haqqani\""), byLabel);
    String byAltName = get("/entities?q=Pakistani%20Taliban", "text/html").body();
    assertTrue(byAltName.contains("href=\"./id/ttp\""), "TTP by its other name");
    assertFalse(byAltName.contains("href=\"./id/sirajuddin-haqqani\""));
  }

  @Test
  void entityIrisDereferenceAsTurtleAndJsonLd() {
    String id = "sirajuddin-haqqani";
    Node entity = NodeFactory.createURI(Iris.entity(id));
    HttpResponse<String> ttl = get("/id/" + id, "text/turtle");
    assertEquals(200, ttl.statusCode());
    assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    assertTrue(ttl.headers().allValues("Vary").toString().contains("Accept"));
    Graph fromTurtle = parse(ttl.body(), Lang.TURTLE);
    HttpResponse<String> jsonld = get("/id/" + id, "application/ld+json");
    assertEquals(200, jsonld.statusCode());
    assertTrue(
        jsonld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
    Graph fromJsonLd = parse(jsonld.body(), Lang.JSONLD);
    assertTrue(
        fromTurtle.contains(
            entity,
            RDFS.label.asNode(),
            NodeFactory.createLiteralLang("Sirajuddin Haqqani", "en")));
    Node mediates = NodeFactory.createURI(Iris.term("mediates"));
    assertTrue(fromTurtle.contains(entity, mediates, Node.ANY));
    assertTrue(
        fromTurtle.contains(Node.ANY, NodeFactory.createURI(Iris.term("claimSubject")), entity),
        "the claim records about it come along");
    assertTrue(fromTurtle.isIsomorphicWith(fromJsonLd), "Turtle and JSON-LD say the same");
    // A browser still gets the page; ?format= picks a form without Accept.
    String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    assertTrue(get("/id/" + id, browser).body().startsWith("<!DOCTYPE html>"));
    assertTrue(get("/id/" + id, "*/*").body().startsWith("<!DOCTYPE html>"));
    assertTrue(
        parse(get("/id/" + id + "?format=ttl", browser).body(), Lang.TURTLE)
            .isIsomorphicWith(fromTurtle));
    Graph source =
        parse(get("/source/rferl-2021-11-ttp-secret-talks", "text/turtle").body(), Lang.TURTLE);
    assertTrue(source.size() > 1000, "the article and its claim records: " + source.size());
  }

  private static Graph parse(String text, Lang lang) {
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(text, lang).parse(g);
    assertTrue(g.size() > 10, lang + " has triples");
    return g;
  }

  @Test
  void aLabelWithMarkupIsShownAsText() {
    List<String> paths =
        List.of(
            "/id/radio-mashaal",
            "/id/rferl",
            "/entities",
            "/entities?q=alert",
            "/source/rferl-2021-11-ttp-secret-talks",
            "/graph");
    for (String path : paths) {
      String body = get(path, "text/html").body();
      assertTrue(body.contains(XSS_ESCAPED), path + " shows the label as text");
      assertFalse(body.contains(XSS), path + " has no script from the data");
    }
    String search = get("/entities?q=%3Cscript%3Ealert(1)%3C/script%3E", "text/html").body();
    assertTrue(search.contains(XSS_ESCAPED), "the search text too");
    assertFalse(search.contains(XSS));
    String data = get("/pages/data/graph.js", "*/*").body();
    assertFalse(data.contains("<script"), "the network data cannot close a script element");
    assertTrue(data.contains("\\u003cscript>alert(1)"), "the label is in it");
  }

  @Test
  void theStaticSiteHasNoBrokenLinks() throws IOException {
    Path site = dir.resolve("site");
    Pages pages = new Pages(store.dataset().asDatasetGraph(), SourceTexts.of(project.layout()));
    SiteWriter.Summary summary = new SiteWriter(pages).write(site);
    assertEquals(ids(Iris.ENTITY).size(), summary.entities());
    assertEquals(1, summary.sources());
    List<Path> html;
    try (Stream<Path> files = Files.walk(site)) {
      html = files.filter(p -> p.toString().endsWith(".html")).toList();
    }
    assertEquals(summary.entities() + summary.sources() + 4, html.size());
    Pattern ref = Pattern.compile("(?:href|src|action)=\"([^\"]*)\"");
    int checked = 0;
    List<String> broken = new ArrayList<>();
    for (Path page : html) {
      String text = Files.readString(page);
      assertFalse(text.contains(XSS), page + " has no script from the data");
      Matcher m = ref.matcher(text);
      while (m.find()) {
        String link = m.group(1).replace("&amp;", "&").replace("&#39;", "'");
        if (link.matches("(?i)(https?|mailto):.*")) {
          continue;
        }
        checked++;
        String target = link.replaceAll("[?#].*$", "");
        String fragment = link.contains("#") ? link.substring(link.indexOf('#') + 1) : "";
        Path file =
            target.isEmpty()
                ? page
                : page.getParent().resolve(URLDecoder.decode(target, StandardCharsets.UTF_8));
        if (!Files.isRegularFile(file)) {
          broken.add(site.relativize(page) + " -> " + link);
          continue;
        }
        if (!fragment.isEmpty() && !Files.readString(file).contains("id=\"" + fragment + "\"")) {
          broken.add(site.relativize(page) + " -> " + link + " (no such anchor)");
        }
      }
    }
    assertTrue(checked > 2000, "links checked: " + checked);
    assertEquals(List.of(), broken);
    // The RDF files parse, and a second run replaces the site.
    parse(Files.readString(site.resolve("id/ttp.ttl")), Lang.TURTLE);
    parse(Files.readString(site.resolve("id/ttp.jsonld")), Lang.JSONLD);
    assertEquals(summary, new SiteWriter(pages).write(site));
    Path foreign = Files.createDirectories(dir.resolve("foreign"));
    Files.writeString(foreign.resolve("keep.txt"), "not a site");
    NewsGraphException e =
        assertThrows(NewsGraphException.class, () -> new SiteWriter(pages).write(foreign));
    assertTrue(e.getMessage().contains("not a site written by newsgraph"), e.getMessage());
    assertTrue(Files.exists(foreign.resolve("keep.txt")));
  }

  @Test
  void onlyReadMethods() throws Exception {
    HttpResponse<String> r =
        Http.client()
            .send(
                HttpRequest.newBuilder(URI.create(server.pageUrl() + "id/ttp"))
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("x"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(405, r.statusCode());
  }
}
