package org.w3id.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.newsgraph.NewsGraphException;

class ServerOptionsTest {
  @Test
  void defaultsAreTheSafeOnes() {
    ServerOptions o = ServerOptions.defaults();
    assertEquals("127.0.0.1", o.host());
    assertEquals(3030, o.port());
    assertEquals(Duration.ofSeconds(10), o.timeout());
    assertFalse(o.allowService());
    assertEquals(1024 * 1024, o.maxBodyBytes());
    assertTrue(GraphServer.isLoopback(o.host()));
  }

  @Test
  void durationsTakeAUnit() {
    assertEquals(Duration.ofSeconds(10), ServerOptions.parseDuration("10s"));
    assertEquals(Duration.ofMillis(500), ServerOptions.parseDuration("500ms"));
    assertEquals(Duration.ofMinutes(2), ServerOptions.parseDuration("2m"));
    assertEquals(Duration.ofHours(1), ServerOptions.parseDuration("1H"));
    assertEquals(Duration.ofSeconds(30), ServerOptions.parseDuration("30"), "bare: seconds");
    assertEquals("10s", ServerOptions.format(Duration.ofSeconds(10)));
    assertEquals("500ms", ServerOptions.format(Duration.ofMillis(500)));
    assertEquals("2m", ServerOptions.format(Duration.ofMinutes(2)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10x", "ten seconds", "-1s", "1.5s", "0s", "0"})
  void badDurationsSayWhatIsExpected(String text) {
    NewsGraphException e =
        assertThrows(NewsGraphException.class, () -> ServerOptions.parseDuration(text));
    assertTrue(e.getMessage().contains("10s") || e.getMessage().contains("zero"), e.getMessage());
  }

  @Test
  void sizesTakeKOrM() {
    assertEquals(100, ServerOptions.parseSize("100"));
    assertEquals(64 * 1024, ServerOptions.parseSize("64k"));
    assertEquals(1024 * 1024, ServerOptions.parseSize("1m"));
    assertEquals(2 * 1024 * 1024, ServerOptions.parseSize("2MiB"));
    assertThrows(NewsGraphException.class, () -> ServerOptions.parseSize("1g"));
    assertThrows(NewsGraphException.class, () -> ServerOptions.parseSize("0"));
  }

  @Test
  void outOfRangeValuesAreRefused() {
    ServerOptions o = ServerOptions.defaults();
    assertThrows(NewsGraphException.class, () -> o.withPort(70000));
    assertThrows(NewsGraphException.class, () -> o.withPort(-1));
    assertThrows(NewsGraphException.class, () -> o.withTimeout(Duration.ZERO));
    assertThrows(NewsGraphException.class, () -> o.withMaxBodyBytes(0));
    assertThrows(NewsGraphException.class, () -> o.withMaxRows(0));
    assertThrows(NewsGraphException.class, () -> o.withHost(" "));
  }

  @Test
  void loopbackIsRecognised() {
    assertTrue(GraphServer.isLoopback("127.0.0.1"));
    assertTrue(GraphServer.isLoopback("127.0.0.2"));
    assertTrue(GraphServer.isLoopback("::1"));
    assertTrue(GraphServer.isLoopback("localhost"));
    assertFalse(GraphServer.isLoopback("0.0.0.0"));
    assertFalse(GraphServer.isLoopback("::"));
  }
}
