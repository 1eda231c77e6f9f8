package org.w3id.newsgraph.pages;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.Stance;

/** How values of the graph are shown to a person (plain text, escaped later). */
final class Show {
  private Show() {}

  /** The text of variable {@code var} of {@code row}: a literal's lexical form, an IRI, or null. */
  static String text(Binding row, String var) {
    Node n = row.get(var);
    if (n == null) {
      return null;
    }
    return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
  }

  /** The entity id of an entity IRI, or null for any other node. */
  static String entityId(Node n) {
    return idUnder(n, Iris.ENTITY);
  }

  /** The source id of a source IRI, or null for any other node. */
  static String sourceId(Node n) {
    return idUnder(n, Iris.SOURCE);
  }

  private static String idUnder(Node n, String base) {
    if (n == null || !n.isURI() || !n.getURI().startsWith(base)) {
      return null;
    }
    String id = n.getURI().substring(base.length());
    return Iris.isValidId(id) ? id : null;
  }

  /** The local name of an IRI (after the last {@code #} or {@code /}). */
  static String localName(Node n) {
    if (n == null) {
      return "";
    }
    String s = n.isURI() ? n.getURI() : n.toString();
    return s.substring(Math.max(s.lastIndexOf('#'), s.lastIndexOf('/')) + 1);
  }

  /** The label in {@code labelVar}, else the entity's id or local name. */
  static String label(Binding row, String labelVar, String nodeVar) {
    String label = text(row, labelVar);
    return label != null ? label : localName(row.get(nodeVar));
  }

  /**
   * A literal as a person reads it: dates at their precision ("2021", "November 2021", "21 April
   * 2021"), the rest as written.
   */
  static String value(Node n) {
    if (n == null) {
      return "";
    }
    if (!n.isLiteral()) {
      return localName(n);
    }
    String lex = n.getLiteralLexicalForm();
    String dt = n.getLiteralDatatypeURI();
    try {
      if (XSDDatatype.XSDgYearMonth.getURI().equals(dt)) {
        return month(Integer.parseInt(lex.substring(5, 7))) + " " + lex.substring(0, 4);
      }
      if (XSDDatatype.XSDdate.getURI().equals(dt)) {
        LocalDate d = LocalDate.parse(lex.substring(0, 10));
        return d.getDayOfMonth() + " " + month(d.getMonthValue()) + " " + d.getYear();
      }
    } catch (RuntimeException e) {
      return lex;
    }
    return lex;
  }

  private static String month(int m) {
    return Month.of(m).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  /** The name a person reads for a stance individual: "stated", "reported", ... */
  static String stanceVerb(Node stance) {
    return switch (localName(stance)) {
      case "states" -> "stated by";
      case "reports" -> "reported by";
      case "claims" -> "claimed by";
      case "denies" -> "denied by";
      case "unaware" -> "not known to";
      default -> localName(stance) + " by";
    };
  }

  /** Whether a claim with this stance is asserted in the graph (stated or reported). */
  static boolean asserted(Node stance) {
    return asserted(localName(stance));
  }

  /** Whether a claim with this stance ({@code states}, ...) is asserted in the graph. */
  static boolean asserted(String token) {
    return Stance.fromToken(token).map(Stance::asserted).orElse(false);
  }
}
