package org.w3id.newsgraph.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.server.Chromium;
import org.w3id.newsgraph.server.GraphServer;
import org.w3id.newsgraph.server.ServedGraph;
import org.w3id.newsgraph.server.ServerOptions;
import org.w3id.newsgraph.server.Tools;
import org.w3id.newsgraph.store.GraphStore;

/**
 * The pages in a real browser (Debian's headless chromium) on the seed project: what a person sees
 * on an entity page, the network view, the timeline and an article page; clicking a node opens its
 * page; phone width, keyboard, no script. Screenshots go to {@code target/screenshots/}.
 */
class PagesBrowserIT {
  private static GraphStore store;
  private static ServedGraph served;
  private static GraphServer server;

  @TempDir static Path profile;
  @TempDir static Path profileNoJs;
  @TempDir static Path profilePhone;

  @BeforeAll
  static void start() {
    served = ServedGraph.start(Layout.of(Path.of(".")), false, ServerOptions.defaults());
    store = served.store();
    server = served.server();
  }

  @AfterAll
  static void stop() {
    if (served != null) {
      served.close();
    }
  }

  private static String url(String path) {
    return server.pageUrl() + path;
  }

  private static void shot(WebDriver driver, String name) throws IOException {
    Path shots = Files.createDirectories(Tools.buildDir().resolve("screenshots"));
    Files.write(shots.resolve(name), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
  }

  private static Object js(WebDriver d, String script, Object... args) {
    return ((JavascriptExecutor) d).executeScript(script, args);
  }

  @Test
  void entityNetworkTimelineAndArticleAsAPersonSeesThem() throws IOException {
    ChromeDriver driver = Chromium.start(profile, 1280, 1600, true);
    try {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));

      // The query page links to the pages.
      driver.get(url(""));
      WebElement pagesLink =
          wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector("nav.newsgraph-pages a[href='/entities']")));
      pagesLink.click();
      wait.until(ExpectedConditions.urlContains("/entities"));

      // Search by another name, then open Sirajuddin Haqqani's page.
      WebElement box = driver.findElement(By.id("q"));
      box.sendKeys("Haqqani", Keys.ENTER);
      wait.until(ExpectedConditions.urlContains("q=Haqqani"));
      driver.findElement(By.linkText("Sirajuddin Haqqani")).click();
      wait.until(ExpectedConditions.urlContains("/id/sirajuddin-haqqani"));
      assertEquals("Sirajuddin Haqqani", driver.findElement(By.tagName("h1")).getText());
      String page = driver.findElement(By.tagName("main")).getText();
      assertTrue(
          page.contains(
              "The talks have been mediated by the Taliban\u2019s Interior Minister Sirajuddin"
                  + " Haqqani, the head of the notorious Haqqani network, the lethal arm of the"
                  + " Taliban, the sources added."),
          "the sentence behind the fact");
      WebElement mediates =
          driver.findElement(
              By.xpath("//li[contains(@class,'relation')][.//p[contains(.,'mediates')]]"));
      String m = mediates.getText();
      String between = mediates.findElement(By.cssSelector(".between")).getText();
      assertTrue(between.contains("Government of Pakistan"), between);
      assertTrue(between.contains("Tehrik-e Taliban Pakistan"), between);
      assertTrue(m.contains("reported by"), "the stance, in words: " + m);
      assertTrue(m.contains("Exclusive: Pakistan, Tehrik-e Taliban Hold Secret Talks"), m);
      wait.until(d -> d.findElement(By.id("network")).getAttribute("data-nodes") != null);
      int neighbours =
          Integer.parseInt(driver.findElement(By.id("network")).getAttribute("data-nodes"));
      assertTrue(neighbours >= 5, "his neighbourhood is drawn: " + neighbours);
      shot(driver, "entity-page.png");

      // A disputed fact shows both sides: the talks page has reported, claimed and denied claims.
      driver.get(url("id/ttp"));
      String ttp = driver.findElement(By.tagName("main")).getText();
      assertTrue(ttp.contains("DISPUTED") || ttp.contains("disputed"), "a dispute is marked");
      assertTrue(ttp.contains("denied by"), "a denial is worded as such");
      assertTrue(ttp.contains("claimed by"), "a claim is worded as such");

      // The network view: nodes and edges, and a click on a node opens its page.
      driver.get(url("graph"));
      wait.until(d -> d.findElement(By.id("network")).getAttribute("data-nodes") != null);
      long nodes = (Long) js(driver, "return window.NEWSGRAPH_CY.nodes().length;");
      long edges = (Long) js(driver, "return window.NEWSGRAPH_CY.edges().length;");
      assertTrue(nodes > 40 && edges > 40, nodes + " nodes, " + edges + " edges");
      assertEquals(
          Boolean.TRUE,
          js(
              driver,
              "var e = window.NEWSGRAPH_CY.edges().filter(function (x) {"
                  + " return x.source().id() === 'sirajuddin-haqqani'"
                  + " && x.data('label') === 'mediates'; }); return e.length === 1;"),
          "Haqqani's mediates edge is drawn");
      shot(driver, "network.png");
      // claims and denials appear when asked for
      new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-stance")))
          .selectByValue("all");
      wait.until(d -> (Long) js(d, "return window.NEWSGRAPH_CY.edges().length;") > edges);
      @SuppressWarnings("unchecked")
      Map<String, Object> at =
          (Map<String, Object>)
              js(
                  driver,
                  "var n = window.NEWSGRAPH_CY.getElementById('ttp');"
                      + " var p = n.renderedPosition(); return {x: p.x, y: p.y};");
      WebElement canvas = driver.findElement(By.id("network"));
      int x = (int) Math.round(((Number) at.get("x")).doubleValue() - canvas.getSize().width / 2.0);
      int y =
          (int) Math.round(((Number) at.get("y")).doubleValue() - canvas.getSize().height / 2.0);
      new Actions(driver).moveToElement(canvas, x, y).click().perform();
      wait.until(ExpectedConditions.urlContains("/id/ttp"));
      assertEquals("Tehrik-e Taliban Pakistan", driver.findElement(By.tagName("h1")).getText());

      // The timeline: events in date order, each with its page.
      driver.get(url("timeline"));
      List<WebElement> events = driver.findElements(By.cssSelector("li.event"));
      assertTrue(events.size() >= 8, "dated events: " + events.size());
      List<String> firsts = new ArrayList<>();
      for (WebElement e : events) {
        firsts.add(e.getAttribute("data-first"));
      }
      List<String> sorted = new ArrayList<>(firsts);
      sorted.sort(null);
      assertEquals(sorted, firsts, "earliest first");
      String timeline = driver.findElement(By.tagName("main")).getText();
      assertTrue(timeline.contains("Attack on the Serena Hotel in Quetta"), timeline);
      assertTrue(timeline.contains("21 April 2021"), "a day-precise date");
      assertTrue(
          driver.findElements(By.cssSelector("svg rect.span")).size() == events.size(),
          "one bar per event");
      shot(driver, "timeline.png");

      // The article: attribution with the text, marked sentences, each linked to its facts.
      driver.get(url("source/rferl-2021-11-ttp-secret-talks"));
      String byline = driver.findElement(By.cssSelector(".byline")).getText();
      assertTrue(byline.contains("Published by Radio Free Europe/Radio Liberty"), byline);
      assertTrue(byline.contains("November 2021"), "month precision: " + byline);
      List<WebElement> marks = driver.findElements(By.cssSelector("mark.sentence"));
      assertTrue(marks.size() > 30, "sentences that back facts: " + marks.size());
      assertFalse(
          driver.findElement(By.tagName("main")).getText().contains("Accessibility links"),
          "page furniture is left out");
      shot(driver, "article.png");
      driver.get(url("source/rferl-2021-11-ttp-secret-talks#f025"));
      String fact = driver.findElement(By.id("f025")).getText();
      assertTrue(fact.contains("Sirajuddin Haqqani mediates"), fact);

      // Nothing the pages did broke their Content-Security-Policy.
      List<String> blocked = new ArrayList<>();
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        if (entry.getMessage().contains("Content Security Policy")) {
          blocked.add(entry.getMessage());
        }
      }
      assertEquals(List.of(), blocked);
    } finally {
      driver.quit();
    }
  }

  @Test
  void atPhoneWidthAndByKeyboard() throws IOException {
    ChromeDriver driver = Chromium.start(profilePhone, 390, 844, true);
    try {
      for (String path :
          List.of(
              "id/sirajuddin-haqqani",
              "source/rferl-2021-11-ttp-secret-talks",
              "timeline",
              "graph")) {
        driver.get(url(path));
        long overflow =
            (Long) js(driver, "return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(overflow <= 0, path + " scrolls sideways by " + overflow + " px");
      }
      driver.get(url("id/sirajuddin-haqqani"));
      shot(driver, "entity-page-phone.png");
      // The first Tab reaches the skip link; Enter moves to the content.
      driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
      WebElement focused = driver.switchTo().activeElement();
      assertEquals("Skip to the content", focused.getText());
      focused.sendKeys(Keys.ENTER);
      new WebDriverWait(driver, Duration.ofSeconds(10))
          .until(d -> "main".equals(d.switchTo().activeElement().getAttribute("id")));
    } finally {
      driver.quit();
    }
  }

  @Test
  void entityAndArticlePagesWorkWithoutJavaScript() {
    ChromeDriver driver = Chromium.start(profileNoJs, 1280, 1200, false);
    try {
      driver.get(url("id/sirajuddin-haqqani"));
      String text = driver.findElement(By.tagName("main")).getText();
      assertTrue(text.contains("reported by"), text);
      assertTrue(text.contains("The drawing needs JavaScript"), "says why there is no drawing");
      driver.findElement(By.partialLinkText("Exclusive: Pakistan")).click();
      new WebDriverWait(driver, Duration.ofSeconds(10))
          .until(ExpectedConditions.urlContains("/source/"));
      assertTrue(driver.findElements(By.cssSelector("mark.sentence")).size() > 30);
      // the search works without script too (the server filters)
      driver.findElement(By.id("q")).sendKeys("Pakistani Taliban", Keys.ENTER);
      new WebDriverWait(driver, Duration.ofSeconds(10))
          .until(ExpectedConditions.urlContains("/entities?q="));
      assertTrue(
          driver.findElement(By.tagName("main")).getText().contains("Tehrik-e Taliban Pakistan"));
    } finally {
      driver.quit();
    }
  }
}
