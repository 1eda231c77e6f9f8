package org.w3id.newsgraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StanceTest {
  @Test
  void onlyStatedAndReportedFactsAreAsserted() {
    assertTrue(Stance.STATES.asserted());
    assertTrue(Stance.REPORTS.asserted());
    assertFalse(Stance.CLAIMS.asserted());
    assertFalse(Stance.DENIES.asserted());
    assertFalse(Stance.UNAWARE.asserted());
  }

  @Test
  void tokensRoundTrip() {
    for (Stance s : Stance.values()) {
      assertEquals(s, Stance.fromToken(s.token()).orElseThrow());
      assertEquals(NG.NS + s.token(), s.resource().getURI());
    }
    assertTrue(Stance.fromToken("DENIES").isEmpty());
  }
}
