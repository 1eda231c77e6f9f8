package org.w3id.newsgraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IrisTest {
  @Test
  void iriDependsOnlyOnIds() {
    assertEquals("https://w3id.org/newsgraph/id/imran-khan", Iris.entity("imran-khan"));
    assertEquals("https://w3id.org/newsgraph/source/a-1", Iris.source("a-1"));
    assertEquals("https://w3id.org/newsgraph/fact/a-1/f001", Iris.fact("a-1", "f001"));
    assertEquals("https://w3id.org/newsgraph/ontology#leads", Iris.term("leads"));
  }

  @Test
  void idsThatWouldBreakAnIriAreRefused() {
    for (String bad :
        new String[] {"", "Imran", "imran khan", "a/b", "a#b", "-a", "a-", "a--b", "ä"}) {
      assertFalse(Iris.isValidId(bad), bad);
      assertThrows(IllegalArgumentException.class, () -> Iris.entity(bad), bad);
    }
    assertTrue(Iris.isValidId("attack-2014-12-peshawar-school"));
  }

  @Test
  void isValidIdAgreesWithThePatternOnEveryShortString() {
    char[] alphabet = {'a', 'z', '0', '9', '-', 'A', ' ', '\u00e4', '_'};
    java.util.List<String> strings = new java.util.ArrayList<>(java.util.List.of(""));
    for (int length = 1, from = 0; length <= 4; length++) {
      int to = strings.size();
      for (int i = from; i < to; i++) {
        for (char c : alphabet) {
          strings.add(strings.get(i) + c);
        }
      }
      from = to;
    }
    assertEquals(1 + 9 + 81 + 729 + 6561, strings.size());
    for (String id : strings) {
      assertEquals(Iris.ID.matcher(id).matches(), Iris.isValidId(id), "'" + id + "'");
    }
  }

  @Test
  void wikidataItemIdsAreReadInOnePlace() {
    assertTrue(Iris.isWikidataItem("Q843"));
    assertFalse(Iris.isWikidataItem("Q0843"), "no leading zero");
    assertFalse(Iris.isWikidataItem("P31"));
    assertFalse(Iris.isWikidataItem(null));
    assertEquals(
        java.util.Optional.of("Q843"), Iris.wikidataItem("http://www.wikidata.org/entity/Q843"));
    assertEquals(
        java.util.Optional.empty(), Iris.wikidataItem("http://www.wikidata.org/entity/P31"));
    assertEquals(
        java.util.Optional.empty(), Iris.wikidataItem("https://www.wikidata.org/wiki/Q843"));
  }
}
