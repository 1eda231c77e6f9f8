package org.w3id.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void showsArticlesRateAndEta() {
    ProgressLine line = new ProgressLine(System.err, "building");
    assertEquals(
        "building: 120/1000 articles, 24000 facts, 12000 facts/s, ETA 0:15",
        line.line(120, 1000, 24_000, 2_000_000_000L));
    assertEquals(
        "building: 1000/1000 articles, 200000 facts, 20000 facts/s",
        line.line(1000, 1000, 200_000, 10_000_000_000L));
  }

  @Test
  void showsGraphsSentWithEtaAndEndsTheLineWhenAllAreSent() {
    ProgressLine line = new ProgressLine(System.err, "building");
    assertEquals("sending: 1000/5000 graphs, ETA 2:00", line.sendLine(1000, 5000, 30_000_000_000L));
    assertEquals("sending: 5000/5000 graphs", line.sendLine(5000, 5000, 150_000_000_000L));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressLine shown =
        new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), "x");
    shown.sent(0, 2);
    shown.sent(1, 2);
    assertEquals("", bytes.toString(StandardCharsets.UTF_8), "too soon for a line");
    shown.sent(2, 2);
    assertEquals("\rsending: 2/2 graphs\n", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void writesOnlyWhenTimeHasPassedAndEndsTheLine() throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ProgressLine line = new ProgressLine(err, "validating");
    line.started(3);
    line.articleDone("a", 10);
    assertEquals("", bytes.toString(StandardCharsets.UTF_8), "too soon for a line");
    Thread.sleep(250);
    line.articleDone("b", 10);
    line.articleDone("c", 10);
    line.finished();
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("\rvalidating: 2/3 articles, 20 facts"), out);
    assertTrue(out.contains("\rvalidating: 3/3 articles, 30 facts"), out);
    assertTrue(out.endsWith("\n"), out);
  }
}
