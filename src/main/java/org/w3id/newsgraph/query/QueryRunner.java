package org.w3id.newsgraph.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.Syntax;
import org.apache.jena.shared.JenaException;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryScopeException;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.export.ExportFormat;
import org.w3id.newsgraph.export.Exporter;
import org.w3id.newsgraph.export.SortedTurtleWriter;
import org.w3id.newsgraph.model.Iris;

/**
 * Runs a {@link NamedQuery} over a dataset and writes the results. Prefixes given by the caller
 * (usually {@link Iris#prefixes()}) are predeclared, so query files may leave out the common {@code
 * PREFIX} lines.
 */
public final class QueryRunner {
  private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

  static {
    SpreadsheetSafeCsv.register();
  }

  private QueryRunner() {}

  /**
   * Parses, runs and writes {@code query}: SELECT results as a table, CSV, TSV or JSON; ASK as
   * yes/no or the standard formats; CONSTRUCT and DESCRIBE as sorted Turtle (table), N-Triples
   * (csv, tsv) or JSON-LD (json). Runs inside a read transaction unless the dataset has no
   * transactions or one is already active. Flushes but does not close {@code out}.
   *
   * @return the number of rows (triples for CONSTRUCT and DESCRIBE, 1 for ASK)
   * @throws NewsGraphException if the query does not parse
   * @throws UncheckedIOException if {@code out} fails
   */
  public static long run(
      Dataset dataset,
      NamedQuery query,
      ResultFormat format,
      PrefixMapping prefixes,
      OutputStream out) {
    return run(dataset, query, Map.of(), format, prefixes, out);
  }

  /**
   * As {@link #run(Dataset, NamedQuery, ResultFormat, PrefixMapping, OutputStream)}, with some
   * variables of the query set to fixed values first (e.g. {@code ?entity} to {@code ngr:ttp}).
   *
   * @throws NewsGraphException if the query does not parse or does not use a variable given
   */
  public static long run(
      Dataset dataset,
      NamedQuery query,
      Map<String, Node> params,
      ResultFormat format,
      PrefixMapping prefixes,
      OutputStream out) {
    Query q = parse(query, prefixes, params);
    return finish(query, out, () -> inRead(dataset, () -> execute(dataset, query, q, format, out)));
  }

  /**
   * The number of rows {@code query} returns (as {@link #run} counts them), writing nothing; the
   * prefixes of {@link Iris#prefixes()} are predeclared.
   *
   * @throws NewsGraphException if the query does not parse
   */
  public static long count(Dataset dataset, NamedQuery query) {
    Query q = parse(query, Iris.prefixes());
    return inRead(
        dataset,
        () -> {
          try (QueryExecution exec = QueryExecution.dataset(dataset).query(q).build()) {
            if (q.isSelectType()) {
              return (long) ResultSetFormatter.consume(exec.execSelect());
            } else if (q.isAskType()) {
              exec.execAsk();
              return 1L;
            } else if (q.isConstructType()) {
              return exec.execConstruct().size();
            } else if (q.isDescribeType()) {
              return exec.execDescribe().size();
            }
            throw unsupported(query);
          }
        });
  }

  /**
   * Parses {@code query} as {@link #parse(NamedQuery, PrefixMapping)} does and sets some of its
   * variables to fixed values, as {@link #run(Dataset, NamedQuery, Map, ResultFormat,
   * PrefixMapping, OutputStream)} runs it.
   *
   * @throws NewsGraphException if the query does not parse or does not use a variable given
   */
  public static Query parse(NamedQuery query, PrefixMapping prefixes, Map<String, Node> params) {
    return bind(query, parse(query, prefixes), params);
  }

  /** Sets variables of a parsed query to fixed values. */
  private static Query bind(NamedQuery query, Query q, Map<String, Node> params) {
    if (params.isEmpty()) {
      return q;
    }
    Collection<Var> used = OpVars.mentionedVars(Algebra.compile(q));
    Map<Var, Node> substitution = new LinkedHashMap<>();
    params.forEach(
        (name, value) -> {
          Var v = Var.alloc(name);
          if (!used.contains(v)) {
            throw new NewsGraphException(
                ErrorId.INVALID_QUERY,
                query.file() + ": the query has no variable ?" + name + " to set");
          }
          substitution.put(v, value);
        });
    try {
      Query bound = QueryTransformOps.syntaxSubstitute(q, substitution);
      if (q.isSelectType() && !q.isQueryResultStar()) {
        // Jena adds each set variable to the projection as (value AS ?var): keep the query's own
        // columns, so that setting a variable narrows the rows and never adds a column.
        substitution.keySet().stream()
            .filter(v -> !q.getProjectVars().contains(v))
            .forEach(v -> bound.getProject().remove(v));
      }
      return bound;
    } catch (QueryScopeException e) {
      throw new NewsGraphException(
          ErrorId.INVALID_QUERY,
          query.file()
              + ": cannot set a variable the query itself assigns ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  /**
   * Parses {@code query} with {@code prefixes} predeclared (the mapping itself is not changed).
   *
   * @throws NewsGraphException with the file, line and column if it does not parse
   */
  public static Query parse(NamedQuery query, PrefixMapping prefixes) {
    Query q = new Query();
    q.setPrefixMapping(PrefixMapping.Factory.create().setNsPrefixes(prefixes));
    try {
      return QueryFactory.parse(q, query.text(), null, Syntax.syntaxARQ);
    } catch (QueryParseException e) {
      String message = e.getMessage() == null ? "syntax error" : e.getMessage().strip();
      message = message.lines().findFirst().orElse(message);
      // getLine/getColumn may point at the last good token; the message names the bad one.
      int line = e.getLine();
      int column = e.getColumn();
      Matcher at = POSITION.matcher(message);
      if (at.find()) {
        line = Integer.parseInt(at.group(1));
        column = Integer.parseInt(at.group(2));
      }
      String where = line > 0 ? ":" + line + ":" + column : "";
      throw new NewsGraphException(ErrorId.INVALID_QUERY, query.file() + where + ": " + message, e);
    } catch (JenaException e) {
      // Parsed, but refused while building it, e.g. a regex pattern that does not compile.
      throw new NewsGraphException(ErrorId.INVALID_QUERY, query.file() + ": " + firstLine(e), e);
    }
  }

  /**
   * As {@link #run(Dataset, NamedQuery, Map, ResultFormat, PrefixMapping, OutputStream)}, against a
   * remote SPARQL endpoint (the SPARQL 1.1 Protocol) instead of a dataset: the endpoint runs the
   * query on its own default graph.
   *
   * @param endpoint the query URL, e.g. {@code http://127.0.0.1:3030/ds/sparql}
   * @throws NewsGraphException if the query does not parse or the endpoint fails
   */
  public static long runRemote(
      String endpoint,
      NamedQuery query,
      Map<String, Node> params,
      ResultFormat format,
      PrefixMapping prefixes,
      OutputStream out) {
    Query q = parse(query, prefixes, params);
    return finish(
        query,
        out,
        () -> execute(QueryExecution.service(endpoint).query(q).build(), query, q, format, out));
  }

  /** Runs {@code execution}, turning Jena's run-time errors into one sentence, then flushes. */
  private static long finish(NamedQuery query, OutputStream out, Supplier<Long> execution) {
    long count;
    try {
      count = execution.get();
    } catch (QueryExceptionHTTP e) {
      String why =
          e.getStatusCode() > 0
              ? "HTTP "
                  + e.getStatusCode()
                  + (e.getStatusLine() == null ? "" : " " + e.getStatusLine())
              : firstLine(e);
      throw new NewsGraphException(
          ErrorId.QUERY_FAILED, query.file() + ": the query failed while running: " + why, e);
    } catch (JenaException e) {
      throw failed(query, e);
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  private static long execute(
      Dataset dataset, NamedQuery query, Query q, ResultFormat format, OutputStream out) {
    return execute(QueryExecution.dataset(dataset).query(q).build(), query, q, format, out);
  }

  private static long execute(
      QueryExecution execution, NamedQuery query, Query q, ResultFormat format, OutputStream out) {
    try (QueryExecution exec = execution) {
      if (q.isSelectType()) {
        ResultSetRewindable rows = exec.execSelect().rewindable();
        long count = rows.size();
        rows.reset();
        writeSelect(rows, q, format, out);
        return count;
      } else if (q.isAskType()) {
        writeAsk(exec.execAsk(), format, out);
        return 1;
      } else if (q.isConstructType() || q.isDescribeType()) {
        Graph graph = (q.isConstructType() ? exec.execConstruct() : exec.execDescribe()).getGraph();
        writeGraph(graph, q.getPrefixMapping(), format, out);
        return graph.size();
      }
      throw unsupported(query);
    }
  }

  private static void writeSelect(ResultSet rows, Query q, ResultFormat format, OutputStream out) {
    switch (format) {
      case TABLE -> TextTable.write(rows, q.getPrefixMapping(), out);
      case CSV -> ResultSetFormatter.outputAsCSV(out, rows);
      case TSV -> ResultSetFormatter.outputAsTSV(out, rows);
      case JSON -> ResultSetFormatter.outputAsJSON(out, rows);
    }
  }

  private static void writeAsk(boolean answer, ResultFormat format, OutputStream out) {
    switch (format) {
      case TABLE -> {
        try {
          out.write((answer ? "yes\n" : "no\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      case CSV -> ResultSetFormatter.outputAsCSV(out, answer);
      case TSV -> ResultSetFormatter.outputAsTSV(out, answer);
      case JSON -> ResultSetFormatter.outputAsJSON(out, answer);
    }
  }

  private static void writeGraph(
      Graph graph, PrefixMapping prefixes, ResultFormat format, OutputStream out) {
    switch (format) {
      case TABLE -> SortedTurtleWriter.write(graph, prefixes, out);
      case CSV, TSV -> Exporter.write(graph, null, prefixes, ExportFormat.NTRIPLES, out);
      case JSON -> Exporter.write(graph, null, prefixes, ExportFormat.JSONLD, out);
    }
  }

  /**
   * A query that parsed but failed while running (a SERVICE endpoint down, an expression Jena
   * refuses at run time): the user's error, in one sentence.
   */
  private static NewsGraphException failed(NamedQuery query, JenaException e) {
    return new NewsGraphException(
        ErrorId.QUERY_FAILED,
        query.file() + ": the query failed while running: " + firstLine(e),
        e);
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.strip().lines().findFirst().orElse(message);
  }

  private static NewsGraphException unsupported(NamedQuery query) {
    return new NewsGraphException(
        ErrorId.INVALID_QUERY,
        query.file() + ": only SELECT, ASK, CONSTRUCT and DESCRIBE queries can be run");
  }

  private static long inRead(Dataset dataset, Supplier<Long> action) {
    if (!dataset.supportsTransactions() || dataset.isInTransaction()) {
      return action.get();
    }
    return Txn.calculateRead(dataset, action);
  }
}
