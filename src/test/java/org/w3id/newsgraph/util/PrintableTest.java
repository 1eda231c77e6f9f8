package org.w3id.newsgraph.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrintableTest {
  @Test
  void controlCharactersAreEscaped() {
    assertEquals("a\\u0000b\\u000Ac\\u2028", Printable.of("a\0b\nc\u2028", 100));
  }

  @Test
  void longTextIsCutSayingHowMuchIsLeft() {
    assertEquals("abc… (2 more characters)", Printable.of("abcde", 3));
    assertEquals("abc", Printable.of("abc", 3));
    assertEquals("", Printable.of(null, 3));
  }
}
