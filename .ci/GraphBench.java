import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.newsgraph.server.Chromium;

/**
 * Opens the network view (args[0], e.g. http://127.0.0.1:PORT/graph) in headless chromium and
 * prints how long the first drawing took (script start to laid out), the frame times of 60 frames
 * of zooming and panning, and the time to redraw after a filter change. Run by
 * .ci/bench-pages.sh with the test class path (it uses the tests' Chromium helper).
 */
public class GraphBench {
  public static void main(String[] args) throws Exception {
    Path profile = Files.createTempDirectory("graph-bench");
    ChromeDriver driver = Chromium.start(profile, 1280, 900, true);
    try {
      long t0 = System.nanoTime();
      driver.get(args[0]);
      new WebDriverWait(driver, Duration.ofSeconds(600))
          .until(d -> d.findElement(By.id("network")).getAttribute("data-layout-ms") != null);
      long loaded = (System.nanoTime() - t0) / 1_000_000;
      String nodes = driver.findElement(By.id("network")).getAttribute("data-nodes");
      String edges = driver.findElement(By.id("network")).getAttribute("data-edges");
      String layout = driver.findElement(By.id("network")).getAttribute("data-layout-ms");
      @SuppressWarnings("unchecked")
      List<Number> frames =
          (List<Number>)
              ((JavascriptExecutor) driver)
                  .executeAsyncScript(
                      "var done = arguments[arguments.length - 1];"
                          + " var cy = window.NEWSGRAPH_CY; var times = []; var i = 0;"
                          + " var last = performance.now();"
                          + " function step() { var now = performance.now();"
                          + "   if (i > 0) { times.push(now - last); } last = now;"
                          + "   if (i++ < 60) { cy.zoom({ level: cy.zoom() * (i % 2 ? 1.08 : 0.93),"
                          + "     renderedPosition: { x: 600, y: 400 } }); cy.panBy({ x: 4, y: 3 });"
                          + "     requestAnimationFrame(step); } else { done(times); } }"
                          + " requestAnimationFrame(step);");
      List<Double> ms = new ArrayList<>();
      frames.forEach(f -> ms.add(f.doubleValue()));
      Collections.sort(ms);
      long f0 = System.nanoTime();
      new Select(driver.findElement(By.id("f-property"))).selectByValue("core");
      String redraw = driver.findElement(By.id("network")).getAttribute("data-layout-ms");
      long filter = (System.nanoTime() - f0) / 1_000_000;
      System.out.printf(
          "nodes=%s edges=%s page-to-drawn=%d ms layout=%s ms frames: median=%.1f ms p95=%.1f ms"
              + " max=%.1f ms; filter change redraw=%s ms (%d ms round trip)%n",
          nodes,
          edges,
          loaded,
          layout,
          ms.get(ms.size() / 2),
          ms.get((int) (ms.size() * 0.95)),
          ms.get(ms.size() - 1),
          redraw,
          filter);
    } finally {
      driver.quit();
    }
  }
}
