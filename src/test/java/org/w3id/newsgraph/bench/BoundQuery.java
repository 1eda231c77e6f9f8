package org.w3id.newsgraph.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.query.Query;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.query.QueryLibrary;
import org.w3id.newsgraph.query.QueryParams;
import org.w3id.newsgraph.query.QueryRunner;

/**
 * Prints a query file with some of its variables set, as {@code newsgraph query --param} sets them
 * before running it (the value written in place of the variable, also inside subqueries), so that
 * the scale benchmark sends a server the same query over HTTP. A benchmark tool, not a test:
 *
 * <pre>
 * java -cp target/newsgraph.jar:target/test-classes org.w3id.newsgraph.bench.BoundQuery \
 *     queries/quotes.rq src=ngs:synth-000001
 * </pre>
 */
public final class BoundQuery {
  private BoundQuery() {}

  public static void main(String[] args) {
    Map<String, String> raw = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      raw.put(pair[0], pair[1]);
    }
    Query q =
        QueryRunner.parse(
            QueryLibrary.load(Path.of(args[0])),
            Iris.prefixes(),
            QueryParams.parse(raw, Iris.prefixes()));
    // A set variable in ORDER BY is now a constant, which orders nothing, and which Jena writes
    // bare (ORDER BY ngr:x), a syntax error: leave it out of the text.
    if (q.hasOrderBy()) {
      q.getOrderBy().removeIf(c -> c.getExpression().isConstant());
    }
    System.out.print(q.serialize());
  }
}
