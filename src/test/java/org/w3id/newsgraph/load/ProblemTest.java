package org.w3id.newsgraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemTest {
  @Test
  void formatsWhatIsKnown() {
    assertEquals(
        "a.csv:3:7: [quote] not found",
        new Problem("a.csv", 3, 7, "quote", "not found").toString());
    assertEquals("a.csv:3: wrong", new Problem("a.csv", 3, 0, null, "wrong").toString());
    assertEquals("a.csv: missing", new Problem("a.csv", 0, 0, null, "missing").toString());
  }

  @Test
  void keepsTheFirstProblemsAndCountsTheRest() {
    Problems problems = new Problems(2);
    for (int i = 1; i <= 5; i++) {
      problems.add(new Location("f", i, 0), null, "p" + i);
    }
    assertEquals(5, problems.total());
    assertEquals(2, problems.list().size());
    LoadException e =
        org.junit.jupiter.api.Assertions.assertThrows(LoadException.class, problems::throwIfAny);
    assertEquals(
        "f:1: p1\nf:2: p2\n... and 3 more\n5 problems found; nothing was loaded.", e.getMessage());
  }
}
