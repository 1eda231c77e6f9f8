package org.w3id.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Outside programs the tests use (chromium, Python's SPARQLWrapper, curl). Where one is missing the
 * test is skipped, except under CI: {@code .ci/run} installs them and sets {@code
 * NG_REQUIRE_TOOLS=1}, and then a missing tool fails the test.
 */
public final class Tools {
  private Tools() {}

  /** Whether missing tools fail the tests instead of skipping them. */
  public static boolean required() {
    return "1".equals(System.getenv("NG_REQUIRE_TOOLS"));
  }

  /** Skips (or, under CI, fails) the test unless {@code ok}. */
  public static void require(boolean ok, String what) {
    if (required()) {
      assertTrue(ok, what + " is needed (.ci/run installs it)");
    } else {
      assumeTrue(ok, what + " is not installed; skipped (.ci/run installs it)");
    }
  }

  /** Requires an executable file. */
  public static Path requireExecutable(String path, String what) {
    Path p = Path.of(path);
    require(Files.isExecutable(p), what + " (" + path + ")");
    return p;
  }

  /** The build directory ({@code target/} unless the build says otherwise). */
  public static Path buildDir() {
    return Path.of(System.getProperty("newsgraph.buildDir", "target"));
  }
}
