package org.w3id.newsgraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes Turtle that is the same, byte for byte, for the same graph: only the prefixes used, sorted
 * by name; one block per subject, subjects sorted by their written form; {@code a} first, then
 * predicates and objects sorted; four-space indentation and a blank line between blocks. Blank
 * nodes are named {@code _:b0}, {@code _:b1}... in order of appearance; they are sorted by a key
 * made from their triples, so two blank nodes with identical triples may swap places.
 */
public final class SortedTurtleWriter {
  private static final String INDENT = "    ";

  private SortedTurtleWriter() {}

  /**
   * Writes {@code graph} as UTF-8 Turtle to {@code out}, abbreviating IRIs with {@code prefixes}.
   * Flushes but does not close {@code out}.
   *
   * @throws UncheckedIOException if {@code out} fails
   */
  public static void write(Graph graph, PrefixMapping prefixes, OutputStream out) {
    NodeWriter nodes = new NodeWriter(prefixes);
    nodes.nameBlankNodes(blankNodeKeys(graph, nodes));
    List<Block> blocks = sortedBlocks(graph, nodes);
    nodes.nameBlankNodes(namesInOrder(blocks));
    nodes.forgetUsedPrefixes();
    String body = turtle(blocks, nodes, "");
    writeUtf8(prefixLines(nodes, body), out);
  }

  /**
   * Writes TriG: {@code defaultGraph}'s triples at the top level and, unless {@code named} is null,
   * {@code named}'s triples in a block for {@code graphName}. Blank node names span both graphs.
   */
  static void writeTrig(
      Graph defaultGraph, String graphName, Graph named, PrefixMapping prefixes, OutputStream out) {
    NodeWriter nodes = new NodeWriter(prefixes);
    Graph all = named == null ? defaultGraph : new Union(defaultGraph, named);
    nodes.nameBlankNodes(blankNodeKeys(all, nodes));
    List<Block> defaultBlocks = sortedBlocks(defaultGraph, nodes);
    List<Block> namedBlocks = named == null ? List.of() : sortedBlocks(named, nodes);
    List<Block> allBlocks = new ArrayList<>(defaultBlocks);
    allBlocks.addAll(namedBlocks);
    nodes.nameBlankNodes(namesInOrder(allBlocks));
    nodes.forgetUsedPrefixes();

    StringBuilder body = new StringBuilder(turtle(defaultBlocks, nodes, ""));
    if (named != null) {
      if (body.length() > 0) {
        body.append('\n');
      }
      body.append(nodes.iri(graphName)).append(" {\n");
      body.append(turtle(namedBlocks, nodes, INDENT));
      body.append("}\n");
    }
    writeUtf8(prefixLines(nodes, body.toString()), out);
  }

  /** The graph as N-Triples lines (without line ends), sorted. */
  static List<String> ntriplesLines(Graph graph) {
    NodeWriter nodes = new NodeWriter(null);
    nodes.nameBlankNodes(blankNodeKeys(graph, nodes));
    List<Block> blocks = sortedBlocks(graph, nodes);
    nodes.nameBlankNodes(namesInOrder(blocks));
    List<String> lines = new ArrayList<>();
    for (Block block : blocks) {
      String subject = nodes.format(block.subject());
      for (Row row : block.rows()) {
        String predicate = nodes.format(row.predicate());
        for (Node object : row.objects()) {
          lines.add(subject + " " + predicate + " " + nodes.format(object) + " .");
        }
      }
    }
    lines.sort(null);
    return lines;
  }

  static void writeUtf8(String text, OutputStream out) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One subject and its predicates with their objects, all sorted. */
  private record Block(Node subject, List<Row> rows) {}

  private record Row(Node predicate, List<Node> objects) {}

  private static List<Block> sortedBlocks(Graph graph, NodeWriter nodes) {
    Map<Node, String> forms = new HashMap<>();
    Function<Node, String> form = n -> forms.computeIfAbsent(n, nodes::format);
    Comparator<Node> byForm = Comparator.comparing(form);
    Comparator<Node> typeFirst =
        Comparator.comparing((Node p) -> !p.equals(RDF.Nodes.type)).thenComparing(byForm);

    Map<Node, Map<Node, List<Node>>> bySubject = new HashMap<>();
    graph
        .find()
        .forEachRemaining(
            t ->
                bySubject
                    .computeIfAbsent(t.getSubject(), s -> new HashMap<>())
                    .computeIfAbsent(t.getPredicate(), p -> new ArrayList<>())
                    .add(t.getObject()));

    List<Block> blocks = new ArrayList<>();
    for (Node subject : bySubject.keySet().stream().sorted(byForm).toList()) {
      Map<Node, List<Node>> predicates = bySubject.get(subject);
      List<Row> rows = new ArrayList<>();
      for (Node predicate : predicates.keySet().stream().sorted(typeFirst).toList()) {
        rows.add(new Row(predicate, predicates.get(predicate).stream().sorted(byForm).toList()));
      }
      blocks.add(new Block(subject, rows));
    }
    return blocks;
  }

  private static String turtle(List<Block> blocks, NodeWriter nodes, String indent) {
    StringBuilder sb = new StringBuilder();
    for (Block block : blocks) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(indent).append(nodes.format(block.subject()));
      for (int i = 0; i < block.rows().size(); i++) {
        Row row = block.rows().get(i);
        sb.append(i == 0 ? " " : " ;\n" + indent + INDENT);
        sb.append(row.predicate().equals(RDF.Nodes.type) ? "a" : nodes.format(row.predicate()));
        for (int j = 0; j < row.objects().size(); j++) {
          sb.append(j == 0 ? " " : " ,\n" + indent + INDENT + INDENT);
          sb.append(nodes.format(row.objects().get(j)));
        }
      }
      sb.append(" .\n");
    }
    return sb.toString();
  }

  private static String prefixLines(NodeWriter nodes, String body) {
    StringBuilder sb = new StringBuilder();
    nodes
        .usedPrefixes()
        .forEach(
            (prefix, ns) ->
                sb.append("@prefix ")
                    .append(prefix)
                    .append(": ")
                    .append(NodeFmtLib.strNT(NodeFactory.createURI(ns)))
                    .append(" .\n"));
    if (sb.length() > 0 && !body.isEmpty()) {
      sb.append('\n');
    }
    return sb.append(body).toString();
  }

  /**
   * A sort key for each blank node, from the triples it is in (other blank nodes count as {@code
   * []}). Keys start with {@code _:} so that blank nodes sort together.
   */
  private static Map<Node, String> blankNodeKeys(Graph graph, NodeWriter nodes) {
    Map<Node, List<String>> parts = new HashMap<>();
    graph
        .find()
        .forEachRemaining(
            t -> {
              String s = nodes.format(t.getSubject());
              String p = nodes.format(t.getPredicate());
              String o = nodes.format(t.getObject());
              if (t.getSubject().isBlank()) {
                parts.computeIfAbsent(t.getSubject(), n -> new ArrayList<>()).add(p + " " + o);
              }
              if (t.getObject().isBlank()) {
                parts
                    .computeIfAbsent(t.getObject(), n -> new ArrayList<>())
                    .add("^ " + s + " " + p);
              }
            });
    Map<Node, String> keys = new HashMap<>();
    parts.forEach(
        (node, list) -> {
          list.sort(null);
          keys.put(node, "_:" + String.join(" | ", list));
        });
    return keys;
  }

  /** Names {@code _:b0}, {@code _:b1}... for blank nodes, in order of first appearance. */
  private static Map<Node, String> namesInOrder(List<Block> blocks) {
    Map<Node, String> names = new LinkedHashMap<>();
    for (Block block : blocks) {
      name(block.subject(), names);
      for (Row row : block.rows()) {
        name(row.predicate(), names);
        row.objects().forEach(o -> name(o, names));
      }
    }
    return names;
  }

  private static void name(Node node, Map<Node, String> names) {
    if (node.isBlank()) {
      names.computeIfAbsent(node, n -> "_:b" + names.size());
    } else if (node.isTripleTerm()) {
      Triple t = node.getTriple();
      name(t.getSubject(), names);
      name(t.getPredicate(), names);
      name(t.getObject(), names);
    }
  }
}
