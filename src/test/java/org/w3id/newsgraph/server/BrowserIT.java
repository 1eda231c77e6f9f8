package org.w3id.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.query.NamedQuery;
import org.w3id.newsgraph.query.QueryLibrary;
import org.w3id.newsgraph.store.GraphStore;

/**
 * The query page in a real browser (Debian's headless chromium): open {@code /}, pick a named
 * query, run it, see its rows; every request the page makes goes to this server. Saves a screenshot
 * to {@code target/screenshots/query-page.png}.
 */
class BrowserIT {
  private static GraphStore store;
  private static ServedGraph served;
  private static GraphServer server;
  private static List<String> attacks;

  @TempDir static Path profile;

  @BeforeAll
  static void start() {
    List<NamedQuery> queries = new QueryLibrary(Path.of("queries")).list();
    served =
        ServedGraph.start(
            Layout.of(Path.of(".")), false, ServerOptions.defaults().withQueries(queries));
    store = served.store();
    store.dataset().getContext().set(ARQ.httpServiceAllowed, false);
    server = served.server();
    NamedQuery timeline =
        queries.stream().filter(q -> q.name().equals("attack-timeline")).findFirst().orElseThrow();
    attacks = new ArrayList<>();
    try (QueryExecution exec =
        QueryExecution.dataset(store.dataset()).query(timeline.text()).build()) {
      exec.execSelect().forEachRemaining(row -> attacks.add(row.getLiteral("attack").getString()));
    }
    assertTrue(!attacks.isEmpty());
  }

  @AfterAll
  static void stop() {
    if (served != null) {
      served.close();
    }
  }

  @Test
  void openThePagePickANamedQueryRunItAndSeeTheRows() throws IOException {
    ChromeDriver driver = Chromium.start(profile, 1400, 2000, true);
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
      driver.get(server.pageUrl());

      // "/" opens the query view of /kg, with the named queries as its examples
      wait.until(ExpectedConditions.urlContains("#/dataset/kg/query"));
      By timeline = By.xpath("//span[contains(@class,'badge') and text()='Attacks as a timeline']");
      WebElement example = wait.until(ExpectedConditions.elementToBeClickable(timeline));
      wait.until(d -> editorText(d).contains("SELECT")); // the editor is ready
      example.click();
      wait.until(d -> editorText(d).contains("ng:Attack"));

      assertEquals("NewsGraph: SPARQL query", driver.getTitle());
      // NewsGraph's prefixes in the prefix menu, the links to the pages for people
      By ng = By.xpath("//span[contains(@class,'badge') and normalize-space(text())='ng']");
      assertEquals(1, driver.findElements(ng).size(), "the ng prefix in the menu");
      assertEquals(3, driver.findElements(By.cssSelector("nav.newsgraph-pages a")).size());

      driver.findElement(By.cssSelector(".yasqe_queryButton")).click();
      By rows = By.cssSelector(".yasr table tbody tr");
      wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(rows, 0));
      wait.until(d -> d.findElement(By.cssSelector(".yasr")).getText().contains(attacks.get(0)));
      String table = driver.findElement(By.cssSelector(".yasr")).getText();
      for (String attack : attacks.subList(0, Math.min(attacks.size(), 5))) {
        assertTrue(table.contains(attack), attack + " is shown");
      }
      assertEquals(
          Math.min(attacks.size(), 50), driver.findElements(rows).size(), "one row per attack");

      // The editor's calls to prefix.cc and Linked Open Vocabularies (the URLs the UI builds, as
      // JavaScript) are answered by this server.
      Map<String, String> answers =
          Map.of(
              "(location.protocol.indexOf('http')===0?'//':'http://')"
                  + "+'prefix.cc/popular/all.file.json'",
              "\"ng\"",
              "'https://lov.linkeddata.es/dataset/lov/api/v2/autocomplete/terms?"
                  + "q=negot&page_size=50&type=property'",
              "negotiatesWith");
      answers.forEach(
          (url, expected) -> {
            String answer = fetch(driver, url);
            assertTrue(answer.contains(expected), url + ": " + answer);
          });

      Path shots = Files.createDirectories(Tools.buildDir().resolve("screenshots"));
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      Files.write(shots.resolve("query-page.png"), png);

      // Everything the page loaded or called came from this server.
      String origin = server.pageUrl().substring(0, server.pageUrl().length() - 1);
      List<String> elsewhere = new ArrayList<>();
      int requests = 0;
      for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
        JsonObject message = JSON.parse(entry.getMessage()).get("message").getAsObject();
        if (!"Network.requestWillBeSent".equals(message.getString("method"))) {
          continue;
        }
        JsonValue url = message.get("params").getAsObject().get("request").getAsObject().get("url");
        String u = url.getAsString().value();
        requests++;
        boolean network = u.matches("(?i)(https?|wss?|ftp)://.*");
        if (network && !u.startsWith(origin + "/")) {
          elsewhere.add(u);
        }
      }
      assertTrue(requests > 5, "saw the page's requests");
      assertEquals(List.of(), elsewhere, "nothing loaded from anywhere else");
      List<String> blocked = new ArrayList<>();
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        if (entry.getMessage().contains("Content Security Policy")) {
          blocked.add(entry.getMessage());
        }
      }
      assertEquals(List.of(), blocked, "the page never tried anything its policy forbids");
    } finally {
      driver.quit();
    }
  }

  /**
   * What the page's fetch() answers for the URL that the JavaScript expression {@code url} gives.
   */
  private static String fetch(ChromeDriver driver, String url) {
    Object text =
        driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + " fetch("
                + url
                + ").then(function (r) { return r.text(); })"
                + ".then(done, function (e) { done('failed: ' + e); });");
    return String.valueOf(text);
  }

  private static String editorText(org.openqa.selenium.WebDriver d) {
    Object text =
        ((JavascriptExecutor) d)
            .executeScript(
                "var cm = document.querySelector('.CodeMirror');"
                    + " return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : '';");
    return text == null ? "" : text.toString();
  }
}
