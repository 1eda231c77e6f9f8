package org.w3id.newsgraph.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.web.HttpSC;

/**
 * Fuseki's SPARQL query operation, except that SELECT (and ARQ's JSON) results are computed in full
 * before the first byte is sent. Fuseki streams them, so a query that times out half way used to
 * answer 200 with a truncated body; here the timeout strikes while nothing has been sent, and the
 * client gets 503. CONSTRUCT, DESCRIBE and ASK are already computed in full by Fuseki.
 */
final class BufferedQuery extends SPARQL_QueryDataset {
  private final long maxRows;

  BufferedQuery(long maxRows) {
    this.maxRows = maxRows;
  }

  @Override
  protected QueryExecResult executeQuery(
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
