package org.w3id.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

class InputDigestTest {
  private static List<Triple> triples(int n) {
    List<Triple> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          Triple.create(
              NodeFactory.createURI("https://example.org/e" + i),
              NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"),
              NodeFactory.createLiteralLang("Entity « " + i + " »", "fr")));
    }
    return out;
  }

  private static Graph graph(List<Triple> triples) {
    Graph g = GraphFactory.createDefaultGraph();
    triples.forEach(g::add);
    return g;
  }

  @Test
  void theGraphDigestIgnoresOrderAndSeesEveryTriple() {
    List<Triple> ts = triples(500);
    String digest = InputDigest.graph(graph(ts));
    List<Triple> shuffled = new ArrayList<>(ts);
    Collections.shuffle(shuffled, new Random(7));
    assertEquals(digest, InputDigest.graph(graph(shuffled)));

    assertNotEquals(digest, InputDigest.graph(graph(ts.subList(1, ts.size()))), "one less");
    List<Triple> changed = new ArrayList<>(ts);
    changed.set(
        250,
        Triple.create(
            ts.get(250).getSubject(),
            ts.get(250).getPredicate(),
            NodeFactory.createLiteralLang("Entity « 250 »", "en")));
    assertNotEquals(digest, InputDigest.graph(graph(changed)), "one language tag");
    assertNotEquals(
        InputDigest.graph(GraphFactory.createDefaultGraph()), digest, "the empty graph");
  }

  @Test
  void theSumIsTheLinesHashesAddedModulo2To256() throws Exception {
    List<Triple> ts = triples(2000);
    BigInteger expected = BigInteger.ZERO;
    for (Triple t : ts) {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(NodeFmtLib.strNT(t).getBytes(StandardCharsets.UTF_8));
      byte[] bigEndian = new byte[h.length];
      for (int i = 0; i < h.length; i++) {
        bigEndian[i] = h[h.length - 1 - i];
      }
      expected = expected.add(new BigInteger(1, bigEndian));
    }
    expected = expected.mod(BigInteger.ONE.shiftLeft(256));
    long[] words = new long[4];
    for (int w = 0; w < 4; w++) {
      words[w] = expected.shiftRight(64 * w).longValue();
    }
    long[] sum = new long[4];
    assertEquals(2000, InputDigest.sum(graph(ts), sum));
    assertArrayEquals(words, sum);
  }
}
