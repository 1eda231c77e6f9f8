package org.w3id.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.shared.PrefixMapping;
import org.junit.jupiter.api.Test;
import org.w3id.newsgraph.model.Iris;

/**
 * The Fuseki UI from the pom, as NewsGraph's query page starts it: its entry files, and what the
 * page's script relies on in it (a newer UI release that changes these fails here).
 */
class FusekiUiTest {
  private final FusekiUi ui = new FusekiUi();

  @Test
  void theEntryFilesOfTheUiInThePomAreOnTheClassPath() {
    assertTrue(ui.base().orElseThrow().endsWith("webapp/"), ui.base().orElseThrow());
    FusekiUi.Entry entry = ui.entry();
    assertTrue(entry.script().matches("\\./static/index-[A-Za-z0-9_-]+\\.js"), entry.script());
    assertFalse(entry.stylesheets().isEmpty());
    for (String file : concat(entry.script(), entry.stylesheets())) {
      assertNotNull(ui.read(file.substring(2)), file);
    }
  }

  @Test
  void theUiStillHasWhatThePageScriptReliesOn() {
    String index = text(ui.entry().script().substring(2));
    assertTrue(index.contains(".__vue_app__="), "Vue marks the element it mounts on");
    Matcher view = Pattern.compile("(Query-[A-Za-z0-9_-]+\\.js)").matcher(index);
    assertTrue(view.find(), "the entry script names the query view");
    String query = text("static/" + view.group(1));
    assertTrue(query.contains("name:\"DatasetQuery\""), "the query view's component name");
    assertTrue(query.contains("queries:[{value:"), "its examples are data");
    assertTrue(query.contains("prefixes:[{uri:"), "its prefix menu is data");
    // the two services newsgraph.js answers locally, called with fetch()
    assertTrue(query.contains("\"prefix.cc/popular/all.file.json\""));
    assertTrue(query.contains("fetch(Be.config.prefixCcApi)"));
    assertTrue(query.contains("\"lov.linkeddata.es/dataset/lov/api/v2/autocomplete/terms?\""));
    assertTrue(query.contains("return fetch(lt)"));
  }

  @Test
  void thePageLoadsNothingFromElsewhereAndNoInlineScript() throws IOException {
    String html;
    try (InputStream in = GraphServer.class.getResourceAsStream("page/index.html")) {
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> external = new ArrayList<>();
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      if (!m.group(1).startsWith("./")) {
        external.add(m.group(1));
      }
    }
    assertEquals(List.of(), external);
    assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find(), html);
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

  private String text(String name) {
    byte[] bytes = ui.read(name);
    assertNotNull(bytes, name);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(rest);
    all.add(0, first);
    return all;
  }
}
