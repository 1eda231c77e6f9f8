package org.w3id.newsgraph.query;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shared.PrefixMapping;

/**
 * SELECT results as a table for people: literals as their text, IRIs as prefixed names, in the
 * Markdown pipe-table layout so a result can be pasted into a document as it is.
 */
final class TextTable {
  private TextTable() {}

  static void write(ResultSet rows, PrefixMapping prefixes, OutputStream out) {
    List<String> vars = rows.getResultVars();
    List<String[]> cells = new ArrayList<>();
    while (rows.hasNext()) {
      QuerySolution row = rows.next();
      String[] line = new String[vars.size()];
      for (int i = 0; i < line.length; i++) {
        line[i] = text(row.get(vars.get(i)), prefixes);
      }
      cells.add(line);
    }
    int[] width = new int[vars.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = Math.max(3, vars.get(i).length());
      for (String[] line : cells) {
        width[i] = Math.max(width[i], line[i].length());
      }
    }
    PrintStream p = new PrintStream(out, false, StandardCharsets.UTF_8);
    p.println(line(vars.toArray(String[]::new), width));
    String[] rule = new String[width.length];
    for (int i = 0; i < rule.length; i++) {
      rule[i] = "-".repeat(width[i]);
    }
    p.println(line(rule, width));
    for (String[] line : cells) {
      p.println(line(line, width));
    }
    p.flush();
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      sb.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
    }
    return sb.toString().stripTrailing();
  }

  private static String text(RDFNode value, PrefixMapping prefixes) {
    if (value == null) {
      return "";
    }
    Node n = value.asNode();
    String s;
    if (n.isLiteral()) {
      s = n.getLiteralLexicalForm();
    } else if (n.isURI()) {
      s = prefixes.shortForm(n.getURI());
    } else {
      s = "_:" + n.getBlankNodeLabel();
    }
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
