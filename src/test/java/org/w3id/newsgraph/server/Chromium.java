package org.w3id.newsgraph.server;

import java.nio.file.Path;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** Debian's headless chromium through chromedriver, for the browser tests. */
public final class Chromium {
  private Chromium() {}

  /**
   * Starts headless chromium (skipping the test, or failing under CI, if it is not installed) with
   * the browser and network logs on.
   *
   * @param profile an empty folder for the browser profile
   * @param width window width in CSS pixels
   * @param height window height
   * @param javascript whether pages may run scripts
   */
  public static ChromeDriver start(Path profile, int width, int height, boolean javascript) {
    // Selenium logs that it has no DevTools binding for this chromium; it needs none here.
    java.util.logging.Logger.getLogger("org.openqa.selenium.devtools").setLevel(Level.SEVERE);
    Path chromium = Tools.requireExecutable("/usr/bin/chromium", "Debian's chromium");
    Path driverBinary = Tools.requireExecutable("/usr/bin/chromedriver", "chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile.toAbsolutePath());
    if (!javascript) {
      options.addArguments("--blink-settings=scriptEnabled=false");
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile()).build();
    return new ChromeDriver(service, options);
  }
}
