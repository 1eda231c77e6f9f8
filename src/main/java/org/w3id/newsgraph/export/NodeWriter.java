package org.w3id.newsgraph.export;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.IndentedLineBuffer;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.PrefixMapping;

/**
 * Writes single nodes as Turtle or N-Triples terms with Jena's {@link NodeFormatterTTL} or {@link
 * NodeFormatterNT} (escapes, language tags, datatypes, prefixed names where Turtle allows them,
 * {@code true} and {@code 42} for booleans and numbers), and adds what the sorted writers need:
 * blank nodes under the names it is given, and which prefixes it used.
 */
final class NodeWriter {
  private final PrefixMap prefixes;
  private final Set<String> usedPrefixes = new TreeSet<>();
  private final Map<Node, String> blankNames = new HashMap<>();
  private final NodeFormatter formatter;

  /** A writer that abbreviates with {@code prefixes}; with null, it writes N-Triples terms. */
  NodeWriter(PrefixMapping prefixes) {
    if (prefixes == null) {
      this.prefixes = PrefixMapFactory.emptyPrefixMap();
      this.formatter = new NTriples();
    } else {
      this.prefixes = PrefixMapFactory.create(prefixes);
      this.formatter = new Turtle(this.prefixes);
    }
  }

  /** The prefixes used so far, sorted, with their namespaces. */
  Map<String, String> usedPrefixes() {
    Map<String, String> used = new TreeMap<>();
    for (String prefix : usedPrefixes) {
      used.put(prefix, prefixes.get(prefix));
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
    IndentedLineBuffer out = new IndentedLineBuffer();
    formatter.format(out, node);
    return out.asString();
  }

  /** An IRI as written: a prefixed name if one is safe, else {@code <...>}. */
  String iri(String iri) {
    IndentedLineBuffer out = new IndentedLineBuffer();
    formatter.formatURI(out, iri);
    return out.asString();
  }

  private String blank(Node node) {
    return blankNames.getOrDefault(node, "[]");
  }

  /** Jena's Turtle terms, noting each prefix used; the blank nodes by their given names. */
  private final class Turtle extends NodeFormatterTTL {
    Turtle(PrefixMap prefixes) {
      super(null, prefixes);
    }

    @Override
    public void formatURI(AWriter w, String uri) {
      IndentedLineBuffer term = new IndentedLineBuffer();
      super.formatURI(term, uri);
      String text = term.asString();
      if (!text.startsWith("<")) {
        usedPrefixes.add(text.substring(0, text.indexOf(':')));
      }
      w.print(text);
    }

    @Override
    public void formatBNode(AWriter w, Node n) {
      w.print(blank(n));
    }
  }

  /** Jena's N-Triples terms; the blank nodes by their given names. */
  private final class NTriples extends NodeFormatterNT {
    @Override
    public void formatBNode(AWriter w, Node n) {
      w.print(blank(n));
    }
  }
}
