// Minimal reproduction for src/doc/jena-timeout-note.md (Apache Jena 5.6.0, ARQ only).
// Run: java -cp target/newsgraph.jar src/doc/JenaOffsetTimeout.java
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;

public class JenaOffsetTimeout {
  public static void main(String[] args) throws Exception {
    Dataset ds = DatasetFactory.create();
    for (int i = 0; i < 2000; i++) {
      ds.asDatasetGraph().getDefaultGraph().add(Triple.create(
          NodeFactory.createURI("http://x/s" + i), NodeFactory.createURI("http://x/p"),
          NodeFactory.createLiteralString("o" + i)));
    }
    String cross = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i";
    Thread offset = new Thread(() -> run(ds, "OFFSET query",
        "SELECT * { " + cross + " } OFFSET 30000000000 LIMIT 1"));
    offset.setDaemon(true);
    offset.start();
    Thread.sleep(3000); // the OFFSET query's own 1 s alarm has fired and waits for its lock
    Thread other = new Thread(() -> run(ds, "other query",
        "SELECT * { " + cross + " FILTER(?c = ?f && ?f = ?i) }"));
    other.setDaemon(true);
    other.start();
    other.join(15_000);
    System.out.println(other.isAlive()
        ? "BUG: the other query, with a 1 s timeout, still runs after 15 s (alarm-clock blocked)"
        : "the other query ended");
    System.exit(0);
  }

  static void run(Dataset ds, String name, String query) {
    long start = System.nanoTime();
    try (QueryExecution qe = QueryExecution.dataset(ds).query(query)
        .timeout(1, TimeUnit.SECONDS).build()) {
      ResultSetFormatter.consume(qe.execSelect());
      System.out.println(name + ": finished");
    } catch (RuntimeException e) {
      System.out.println(name + ": " + e.getClass().getSimpleName() + " after "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
    }
  }
}
