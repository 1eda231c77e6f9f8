package org.w3id.newsgraph.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinkSourceTest {
  @Test
  void queryServicesAreTheCandidateSearch() {
    assertTrue(LinkSource.isCandidateSearch("https://query.wikidata.org/sparql"));
    assertTrue(LinkSource.isCandidateSearch("https://query.wikidata.org/#SELECT%20%3Fx"));
    assertTrue(LinkSource.isCandidateSearch("https://www.wikidata.org/w/api.php?action=x"));
    assertTrue(LinkSource.isCandidateSearch("http://127.0.0.1:3030/wikidata/sparql/"));
    assertTrue(LinkSource.isCandidateSearch("http://localhost:3030/ds/query"));
  }

  @Test
  void pagesAreNot() {
    assertFalse(LinkSource.isCandidateSearch("https://www.wikidata.org/wiki/Q843"));
    assertFalse(
        LinkSource.isCandidateSearch(
            "https://github.com/tautme/country-levels/blob/2f0af45/docs/iso2_list/PK.md"));
    assertFalse(LinkSource.isCandidateSearch("not a url at all"));
  }
}
