package org.w3id.newsgraph.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitor;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitor;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.web.HttpSC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fuseki's SPARQL query operation, with three changes.
 *
 * <ul>
 *   <li>SELECT (and ARQ's JSON) results are computed in full before the first byte is sent. Fuseki
 *       streams them, so a query that times out half way used to answer 200 with a truncated body;
 *       here the timeout strikes while nothing has been sent, and the client gets 503. CONSTRUCT,
 *       DESCRIBE and ASK are already computed in full by Fuseki.
 *   <li>Every query runs under a {@link QueryWatchdog} of its own, so that no query runs past the
 *       timeout and no query can delay another's timeout (Jena's own timeouts share one thread,
 *       which one query with a large OFFSET blocks: see {@code src/doc/jena-timeout-note.md}).
 *   <li>Unless SERVICE is allowed, a query that calls SERVICE anywhere (also inside FILTER EXISTS,
 *       NOT EXISTS, MINUS or a subquery, SILENT or not) is refused with 422 before it runs.
 * </ul>
 */
final class BufferedQuery extends SPARQL_QueryDataset {
  private static final Logger LOG = LoggerFactory.getLogger(BufferedQuery.class);

  private final long maxRows;
  private final long timeoutMillis;
  private final boolean allowService;

  BufferedQuery(long maxRows, long timeoutMillis, boolean allowService) {
    this.maxRows = maxRows;
    this.timeoutMillis = timeoutMillis;
    this.allowService = allowService;
  }

  @Override
  protected void validateQuery(HttpAction action, Query query) {
    super.validateQuery(action, query);
    if (!allowService && callsService(Algebra.compile(query))) {
      LOG.warn(
          "422 {} from {}: SERVICE refused",
          RequestGuard.printable(action.getRequest().getRequestURI()),
          action.getRequest().getRemoteAddr());
      ServletOps.error(
          HttpSC.UNPROCESSABLE_ENTITY_422,
          "SERVICE is not allowed on this server (it would let a client make the server call any"
              + " URL); start it with --allow-service to allow it");
    }
  }

  /**
   * Whether {@code op} calls SERVICE anywhere, also inside expressions (EXISTS, NOT EXISTS), SILENT
   * or not (with SERVICE off, Jena would log a warning for every row that reaches a SERVICE
   * SILENT).
   */
  static boolean callsService(Op op) {
    boolean[] found = {false};
    OpVisitor ops =
        new OpVisitorBase() {
          @Override
          public void visit(OpService service) {
            found[0] = true;
          }
        };
    ExprVisitor exprs =
        new ExprVisitorBase() {
          @Override
          public void visit(ExprFunctionOp function) {
            if (function.getGraphPattern() != null && callsService(function.getGraphPattern())) {
              found[0] = true;
            }
          }
        };
    Walker.walk(op, ops, exprs);
    return found[0];
  }

  @Override
  protected QueryExecResult executeQuery(
      HttpAction action, QueryExec exec, Query requestQuery, String queryStringLog) {
    QueryWatchdog.Watch watch = QueryWatchdog.watch(exec, limit(action));
    try {
      return buffered(action, exec, requestQuery, queryStringLog);
    } finally {
      watch.close();
    }
  }

  /** The server's timeout, or the client's {@code timeout=} (seconds) when that is shorter. */
  private long limit(HttpAction action) {
    String asked = action.getRequest().getParameter("timeout");
    if (asked != null) {
      try {
        double seconds = Double.parseDouble(asked.strip());
        if (seconds > 0 && seconds * 1000 < timeoutMillis) {
          return Math.max(1, (long) (seconds * 1000));
        }
      } catch (NumberFormatException e) {
        // Fuseki answers a malformed timeout itself
      }
    }
    return timeoutMillis;
  }

  private QueryExecResult buffered(
      HttpAction action, QueryExec exec, Query requestQuery, String queryStringLog) {
    if (requestQuery.isSelectType()) {
      RowSet rows = exec.select();
      List<Binding> buffer = new ArrayList<>();
      while (rows.hasNext()) {
        if (buffer.size() >= maxRows) {
          throw tooLarge("rows");
        }
        buffer.add(rows.next());
      }
      return new QueryExecResult(RowSetStream.create(rows.getResultVars(), buffer.iterator()));
    }
    if (requestQuery.isJsonType()) {
      Iterator<JsonObject> items = exec.execJsonItems();
      List<JsonObject> buffer = new ArrayList<>();
      while (items.hasNext()) {
        if (buffer.size() >= maxRows) {
          throw tooLarge("items");
        }
        buffer.add(items.next());
      }
      return new QueryExecResult(buffer.iterator());
    }
    return super.executeQuery(action, exec, requestQuery, queryStringLog);
  }

  private RuntimeException tooLarge(String what) {
    ServletOps.error(
        HttpSC.SERVICE_UNAVAILABLE_503,
        "Query result too large: more than " + maxRows + " " + what + "; add a LIMIT");
    return new IllegalStateException("not reached: ServletOps.error throws");
  }
}
