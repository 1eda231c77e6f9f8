package org.w3id.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.jena.shared.PrefixMapping;
import org.junit.jupiter.api.Test;
import org.w3id.newsgraph.model.Iris;

/** The Fuseki UI from the pom, patched into NewsGraph's query page. */
class UiAssetsTest {
  private final UiAssets assets = new UiAssets();

  @Test
  void everyPatchAppliesToTheUiInThePom() {
    assertTrue(assets.available(), "jena-fuseki-ui is on the class path");
    assertEquals(List.of(), assets.check(), "a newer UI release needs the patches updated");
  }

  @Test
  void thePageLoadsTheNamedQueriesBeforeTheApp() {
    String html = text(assets.get("index.html").orElseThrow());
    int ours = html.indexOf("<script src=\"./newsgraph.js\"></script>");
    int app = html.indexOf("<script type=\"module\"");
    assertTrue(ours > 0 && ours < app, html);
    assertTrue(html.contains("<title>NewsGraph: SPARQL query</title>"));
  }

  @Test
  void theQueryViewTakesItsExamplesAndCompletionsFromThisServer() {
    String name = assets.queryViewName();
    assertTrue(name.matches("static/Query-[A-Za-z0-9_-]+\\.js"), name);
    String js = text(assets.get(name).orElseThrow());
    assertTrue(js.contains("queries:((window.NEWSGRAPH||{}).queries||[]).concat("));
    assertTrue(js.contains("prefixes:((window.NEWSGRAPH||{}).prefixes||["));
    assertTrue(js.contains("\"./prefixes.json\""));
    assertTrue(js.contains("\"./terms?\""));
    assertFalse(js.contains("prefix.cc/popular"), "no prefix.cc");
    assertFalse(js.contains("lov.linkeddata.es"), "no Linked Open Vocabularies");
  }

  @Test
  void noPageOrScriptLoadsAnythingFromElsewhere() {
    List<String> external = new ArrayList<>();
    String html = text(assets.get("index.html").orElseThrow());
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      if (!m.group(1).startsWith("./")) {
        external.add(m.group(1));
      }
    }
    assertEquals(List.of(), external);
    // fetch() calls with a literal http(s) URL in the query view: none after patching
    String js = text(assets.get(assets.queryViewName()).orElseThrow());
    assertFalse(Pattern.compile("fetch\\(\"https?://").matcher(js).find());
  }

  @Test
  void assetsAreServedGzippedAndOnlyFromTheUiFolder() throws IOException {
    UiAssets.Asset css =
        assets
            .get("static/" + firstCss(text(assets.get("index.html").orElseThrow())))
            .orElseThrow();
    assertEquals("text/css; charset=utf-8", css.contentType());
    assertTrue(css.immutable());
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(css.gzipped()))) {
      assertTrue(java.util.Arrays.equals(css.bytes(), in.readAllBytes()));
    }
    assertTrue(assets.get("static/../index.html").isEmpty());
    assertTrue(assets.get("../pom.xml").isEmpty());
    assertTrue(assets.get("static/nothing-here.js").isEmpty());
  }

  @Test
  void namedQueriesGetEveryPrefixTheyDoNotDeclare() {
    PrefixMapping pm = Iris.prefixes();
    StringBuilder all = new StringBuilder();
    StringBuilder allButNg = new StringBuilder();
    new TreeMap<>(pm.getNsPrefixMap())
        .forEach(
            (p, uri) -> {
              String line = "PREFIX " + p + ": <" + uri + ">\n";
              all.append(line);
              if (!p.equals("ng")) {
                allButNg.append(line);
              }
            });
    String declared =
        "# Title: x\nPREFIX ng: <" + Iris.ONTOLOGY + ">\nSELECT * { ?s a ng:Attack }\n";
    assertEquals(
        "# Title: x\n"
            + allButNg
            + "PREFIX ng: <"
            + Iris.ONTOLOGY
            + ">\nSELECT * { ?s a ng:Attack }\n",
        QueryPage.withPrefixes(declared, pm));
    String bare = "# Title: x\n# Question: y\nSELECT * { ?s a ng:Attack ; rdfs:label ?l }\n";
    assertEquals(
        "# Title: x\n# Question: y\n" + all + "SELECT * { ?s a ng:Attack ; rdfs:label ?l }\n",
        QueryPage.withPrefixes(bare, pm));
    String complete = all + "SELECT * { ?s ?p ?o }\n";
    assertEquals(complete, QueryPage.withPrefixes(complete, pm), "nothing missing");
  }

  private static String firstCss(String html) {
    Matcher m = Pattern.compile("href=\"\\./static/([^\"]+\\.css)\"").matcher(html);
    assertTrue(m.find(), html);
    return m.group(1);
  }

  private static String text(UiAssets.Asset a) {
    return new String(a.bytes(), StandardCharsets.UTF_8);
  }
}
