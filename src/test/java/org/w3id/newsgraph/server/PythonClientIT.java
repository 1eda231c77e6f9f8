package org.w3id.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.api.Test;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.store.GraphStore;

/**
 * The endpoint seen by a client that shares no code with Jena: Python's SPARQLWrapper and rdflib
 * from Debian, run by {@code /usr/bin/python3} ({@code
 * src/test/resources/server/sparql_client.py}).
 */
class PythonClientIT {
  @Test
  void sparqlWrapperAndRdflibGetTheSameAnswersAsJena() throws Exception {
    Path python = Tools.requireExecutable("/usr/bin/python3", "python3");
    Process probe =
        new ProcessBuilder(python.toString(), "-c", "import SPARQLWrapper, rdflib").start();
    Tools.require(probe.waitFor() == 0, "python3-sparqlwrapper and python3-rdflib");

    try (GraphStore store = GraphStore.inMemory(Layout.of(Path.of(".")), false, 10);
        GraphServer server =
            new GraphServer(store.dataset(), ServerOptions.defaults().withPort(0)).start()) {
      List<String> attacks = new ArrayList<>();
      String attacksQuery =
          "SELECT ?label WHERE { ?a a <"
              + Iris.term("Attack")
              + "> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label";
      try (QueryExecution exec =
          QueryExecution.dataset(store.dataset()).query(attacksQuery).build()) {
        exec.execSelect().forEachRemaining(r -> attacks.add(r.getLiteral("label").getString()));
      }
      assertTrue(attacks.size() > 1);

      Process p =
          new ProcessBuilder(
                  python.toString(),
                  Path.of("src/test/resources/server/sparql_client.py").toString(),
                  server.endpointUrl())
              .redirectErrorStream(false)
              .start();
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), stderr);
      JsonObject seen = JSON.parse(stdout.strip());

      assertEquals(List.of("Tehrik-e Taliban Pakistan"), strings(seen.get("json_labels")));
      assertEquals(attacks.size(), seen.get("xml_rows").getAsNumber().value().intValue());
      assertEquals(List.of("a", "label"), strings(seen.get("csv_header")));
      assertEquals(attacks, strings(seen.get("csv_labels")));
      assertEquals(true, seen.get("ask").getAsBoolean().value());
      assertEquals(attacks.size(), seen.get("construct_triples").getAsNumber().value().intValue());
      List<String> sorted = new ArrayList<>(attacks);
      sorted.sort(null);
      assertEquals(sorted, strings(seen.get("rdflib_store_labels")));
      assertEquals("QueryBadFormed", seen.getString("bad_query"));
      assertNotEquals("accepted", seen.getString("update"), "the update was refused");
    }
  }

  private static List<String> strings(JsonValue array) {
    List<String> out = new ArrayList<>();
    array.getAsArray().forEach(v -> out.add(v.getAsString().value()));
    return out;
  }
}
