package org.w3id.newsgraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
    // The check says what the pattern ID says, for every string of up to 4 characters of these.
    char[] alphabet = {'a', 'z', '0', '9', '-', 'A', '_', ' ', '`', '{', '/', ':'};
    List<String> strings = new ArrayList<>(List.of(""));
    for (int length = 1; length <= 4; length++) {
      List<String> longer = new ArrayList<>();
      for (String s : strings) {
        if (s.length() == length - 1) {
          for (char c : alphabet) {
            longer.add(s + c);
          }
        }
      }
      strings.addAll(longer);
    }
    for (String s : strings) {
      assertEquals(Iris.ID.matcher(s).matches(), Iris.isValidId(s), "'" + s + "'");
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
