package org.w3id.newsgraph.load;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ShaclPaths;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.util.FmtUtils;
import org.w3id.newsgraph.model.Iris;

/**
 * Runs the SHACL shapes on a view of the data (a union of the ontology, the entities and one
 * article, never copied into one graph), and reports each violation at the CSV row that made it:
 * the row of the fact for a relation, else the row that declared the focus node.
 */
final class ShaclCheck {
  private static final PrefixMapping PREFIXES = Iris.prefixes();

  private ShaclCheck() {}

  /** Parses the shapes once per load; a shapes graph SHACL cannot read is a problem of its file. */
  static Shapes parse(Graph shapesGraph, String shown, Problems problems) {
    try {
      return Shapes.parse(shapesGraph);
    } catch (RuntimeException e) {
      problems.add(Location.of(shown), null, "not valid SHACL: " + e.getMessage());
      return null;
    }
  }

  /**
   * Validates {@code data}: every node any shape targets when {@code focus} is null, else only the
   * nodes in {@code focus}.
   */
  static void validate(
      Shapes shapes,
      Graph data,
      Collection<Node> focus,
      Function<Node, Location> origins,
      Function<Triple, Location> tripleOrigins,
      Problems problems) {
    if (focus == null) {
      report(ShaclValidator.get().validate(shapes, data), origins, tripleOrigins, problems);
      return;
    }
    for (Node node : focus) {
      if (problems.full()) {
        return;
      }
      ValidationReport report = ShaclValidator.get().validate(shapes, data, node);
      if (!report.conforms()) {
        report(report, origins, tripleOrigins, problems);
      }
    }
  }

  private static void report(
      ValidationReport report,
      Function<Node, Location> origins,
      Function<Triple, Location> tripleOrigins,
      Problems problems) {
    for (ReportEntry e : report.getEntries()) {
      Node focus = e.focusNode();
      Location where = null;
      if (e.resultPath() instanceof P_Link link && e.value() != null) {
        where = tripleOrigins.apply(Triple.create(focus, link.getNode(), e.value()));
        if (where == null) {
          where = tripleOrigins.apply(Triple.create(e.value(), link.getNode(), focus));
        }
      }
      if (where == null) {
        where = origins.apply(focus);
      }
      if (where == null) {
        where = Location.of("(graph)");
      }
      String path = e.resultPath() == null ? null : ShaclPaths.pathToString(e.resultPath());
      String value =
          e.value() == null ? "" : " (value " + FmtUtils.stringForNode(e.value(), PREFIXES) + ")";
      problems.add(
          where,
          path == null ? null : shorten(path),
          "SHACL: " + FmtUtils.stringForNode(focus, PREFIXES) + ": " + e.message() + value);
    }
  }

  private static String shorten(String path) {
    String out = path;
    for (Map.Entry<String, String> p : PREFIXES.getNsPrefixMap().entrySet()) {
      out = out.replace("<" + p.getValue(), p.getKey() + ":");
    }
    return out.replaceAll(":([A-Za-z0-9_-]+)>", ":$1");
  }
}
