package org.w3id.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The warm-up of {@code serve}; {@code LauncherIT} and {@code ServeIT} start the jar with it. */
class WarmupTest {
  @Test
  void bothWaitsReturnAndTheThreadHasEndedAfterTheSecond() {
    // Preemptive only so that a deadlock fails the test instead of hanging the build.
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          Warmup.start();
          Warmup.start(); // once only
          Warmup.awaitJena();
          Warmup.await();
        });
    assertFalse(Warmup.running());
  }
}
