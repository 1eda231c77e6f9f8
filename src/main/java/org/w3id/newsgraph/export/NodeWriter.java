package org.w3id.newsgraph.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.jena.atlas.lib.EscapeStr;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes single nodes as Turtle or N-Triples terms: IRIs as prefixed names when that is safe,
 * literals escaped, blank nodes under the names it is given. It remembers which prefixes it used.
 */
final class NodeWriter {
  /** A prefix name (PN_PREFIX), restricted to ASCII. */
  private static final Pattern PREFIX =
      Pattern.compile("([A-Za-z]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?");

  /** A local name (PN_LOCAL), restricted to ASCII and without escapes: when in doubt, no prefix. */
  private static final Pattern LOCAL =
      Pattern.compile("([A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?");

  /** Characters that may not appear as such inside {@code <...>}. */
  private static final String IRI_FORBIDDEN = "<>\"{}|^`\\";

  /** Namespace and prefix pairs, longest namespace first. */
  private final List<Map.Entry<String, String>> namespaces = new ArrayList<>();

  private final Set<String> usedPrefixes = new TreeSet<>();
  private final Map<Node, String> blankNames = new HashMap<>();

  /** A writer that abbreviates with {@code prefixes}; with null, it writes N-Triples terms. */
  NodeWriter(PrefixMapping prefixes) {
    if (prefixes != null) {
      prefixes
          .getNsPrefixMap()
          .forEach(
              (prefix, ns) -> {
                if (PREFIX.matcher(prefix).matches() && !ns.isEmpty() && ns.equals(escapeIri(ns))) {
                  namespaces.add(Map.entry(ns, prefix));
                }
              });
      namespaces.sort(
          Comparator.comparing((Map.Entry<String, String> e) -> -e.getKey().length())
              .thenComparing(Map.Entry::getValue));
    }
  }

  /** The prefixes used so far, sorted, with their namespaces. */
  Map<String, String> usedPrefixes() {
    Map<String, String> used = new TreeMap<>();
    for (Map.Entry<String, String> e : namespaces) {
      if (usedPrefixes.contains(e.getValue())) {
        used.put(e.getValue(), e.getKey());
      }
    }
    return used;
  }

  /** Forgets the prefixes used so far (those used only to sort, for example). */
  void forgetUsedPrefixes() {
    usedPrefixes.clear();
  }

  /** Sets the name (the text written, e.g. {@code _:b0}) of each blank node. */
  void nameBlankNodes(Map<Node, String> names) {
    blankNames.clear();
    blankNames.putAll(names);
  }

  /** The term as written. An unnamed blank node is written {@code []}. */
  String format(Node node) {
    if (node.isURI()) {
      return iri(node.getURI());
    }
    if (node.isLiteral()) {
      return literal(node);
    }
    if (node.isBlank()) {
      return blankNames.getOrDefault(node, "[]");
    }
    if (node.isTripleTerm()) {
      Triple t = node.getTriple();
      return "<<( "
          + format(t.getSubject())
          + " "
          + format(t.getPredicate())
          + " "
          + format(t.getObject())
          + " )>>";
    }
    throw new IllegalArgumentException("cannot write " + node + " in RDF");
  }

  String iri(String iri) {
    for (Map.Entry<String, String> e : namespaces) {
      String ns = e.getKey();
      if (iri.startsWith(ns) && LOCAL.matcher(iri.substring(ns.length())).matches()) {
        usedPrefixes.add(e.getValue());
        return e.getValue() + ":" + iri.substring(ns.length());
      }
    }
    return "<" + escapeIri(iri) + ">";
  }

  private String literal(Node node) {
    String text = '"' + escapeString(node.getLiteralLexicalForm()) + '"';
    String lang = node.getLiteralLanguage();
    if (lang != null && !lang.isEmpty()) {
      text += "@" + lang;
      if (node.getLiteralBaseDirection() != null) {
        text += "--" + node.getLiteralBaseDirection().direction();
      }
      return text;
    }
    String datatype = node.getLiteralDatatypeURI();
    if (datatype == null
        || datatype.equals(XSDDatatype.XSDstring.getURI())
        || datatype.equals(RDF.langString.getURI())) {
      return text;
    }
    return text + "^^" + iri(datatype);
  }

  /**
   * Jena's escapes for quotes, backslashes and line breaks, plus {@code \\u} for other controls.
   */
  static String escapeString(String s) {
    String escaped = EscapeStr.stringEsc(s, '"');
    StringBuilder sb = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String escapeIri(String iri) {
    StringBuilder sb = new StringBuilder(iri.length());
    for (int i = 0; i < iri.length(); i++) {
      char c = iri.charAt(i);
      if (c <= 0x20 || IRI_FORBIDDEN.indexOf(c) >= 0) {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
