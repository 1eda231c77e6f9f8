package org.w3id.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.model.Iris;

class QueryParamsTest {
  @Test
  void readsIdsPrefixedNamesIrisAndStrings() {
    var p = Iris.prefixes();
    assertEquals(
        NodeFactory.createURI(Iris.entity("imran-khan")), QueryParams.node("imran-khan", p));
    assertEquals(NodeFactory.createURI(Iris.term("Attack")), QueryParams.node("ng:Attack", p));
    assertEquals(NodeFactory.createURI("http://x/y"), QueryParams.node("<http://x/y>", p));
    assertEquals(NodeFactory.createLiteralString("Imran Khan"), QueryParams.node("Imran Khan", p));
    assertEquals(NodeFactory.createLiteralString("zz:top"), QueryParams.node("zz:top", p));
  }

  @Test
  void variableNamesMayCarryTheQuestionMark() {
    assertEquals(
        Map.of("entity", NodeFactory.createURI(Iris.entity("ttp"))),
        QueryParams.parse(Map.of("?entity", "ttp"), Iris.prefixes()));
    assertThrows(
        NewsGraphException.class, () -> QueryParams.parse(Map.of("a b", "ttp"), Iris.prefixes()));
  }
}
