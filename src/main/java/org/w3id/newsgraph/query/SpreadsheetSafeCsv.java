package org.w3id.newsgraph.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sys.JenaSystem;
import org.w3id.newsgraph.util.SpreadsheetCell;

/**
 * SPARQL 1.1 CSV results (as Jena writes them: CRLF line ends, RFC 4180 quoting) with every cell
 * passed through {@link SpreadsheetCell#encode}, so that a label such as {@code =HYPERLINK(...)}
 * opens in a spreadsheet as text, not as a formula (OWASP, "CSV injection"). The values in RDF are
 * never changed; only the CSV text is. {@link #register()} makes it Jena's CSV results writer, for
 * {@code newsgraph query --format csv} and for the server's {@code text/csv} answers alike.
 */
public final class SpreadsheetSafeCsv implements RowSetWriter {
  private static final String NL = "\r\n";

  private SpreadsheetSafeCsv() {}

  /** Makes this Jena's writer for SPARQL CSV results in this JVM. Idempotent. */
  public static synchronized void register() {
    JenaSystem.init();
    RowSetWriterRegistry.register(ResultSetLang.RS_CSV, lang -> new SpreadsheetSafeCsv());
  }

  @Override
  public void write(OutputStream out, RowSet rows, Context context) {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    write(w, rows, context);
  }

  @Override
  public void write(Writer out, RowSet rows, Context context) {
    try {
      List<Var> vars = rows.getResultVars();
      for (int i = 0; i < vars.size(); i++) {
        out.write(i == 0 ? "" : ",");
        out.write(cell(vars.get(i).getVarName()));
      }
      out.write(NL);
      while (rows.hasNext()) {
        Binding row = rows.next();
        for (int i = 0; i < vars.size(); i++) {
          out.write(i == 0 ? "" : ",");
          Node n = row.get(vars.get(i));
          if (n != null) {
            out.write(cell(text(n)));
          }
        }
        out.write(NL);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void write(OutputStream out, boolean answer, Context context) {
    try {
      out.write(("_askResult" + NL + answer + NL).getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Node n) {
    if (n.isURI()) {
      return n.getURI();
    }
    if (n.isLiteral()) {
      return n.getLiteralLexicalForm();
    }
    if (n.isBlank()) {
      return "_:" + n.getBlankNodeLabel();
    }
    return n.toString();
  }

  /** Neutralised as a spreadsheet formula, then quoted as RFC 4180 asks. */
  private static String cell(String value) {
    String safe = SpreadsheetCell.encode(value);
    if (safe.indexOf('"') >= 0
        || safe.indexOf(',') >= 0
        || safe.indexOf('\n') >= 0
        || safe.indexOf('\r') >= 0) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }
}
