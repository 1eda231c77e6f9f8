package org.w3id.newsgraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.junit.jupiter.api.Test;

class PartialDateTest {
  @Test
  void theDatatypeCarriesThePrecision() {
    assertEquals(XSDDatatype.XSDgYear, PartialDate.parse("2014").orElseThrow().getDatatype());
    assertEquals(
        XSDDatatype.XSDgYearMonth, PartialDate.parse("2014-12").orElseThrow().getDatatype());
    assertEquals(XSDDatatype.XSDdate, PartialDate.parse("2014-12-16").orElseThrow().getDatatype());
    assertEquals("2014-12-16", PartialDate.parse("2014-12-16").orElseThrow().getLexicalForm());
  }

  @Test
  void rejectsWhatIsNotADate() {
    for (String bad :
        new String[] {"", "14", "2014-13", "2014-02-30", "2014/12/16", "Dec 2014", "2014-1"}) {
      assertTrue(PartialDate.parse(bad).isEmpty(), bad);
    }
  }
}
