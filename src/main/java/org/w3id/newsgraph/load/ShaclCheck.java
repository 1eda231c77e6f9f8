package org.w3id.newsgraph.load;

import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ShaclPaths;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.util.FmtUtils;
import org.w3id.newsgraph.model.Iris;

/**
 * Runs the SHACL shapes on the ontology plus the data, and reports each violation at the CSV row
 * that made it: the row of the fact for a relation, else the row that declared the focus node.
 */
final class ShaclCheck {
  private static final PrefixMapping PREFIXES = Iris.prefixes();

  private ShaclCheck() {}

  static void validate(
      Graph shapesGraph,
      Graph ontology,
      Graph data,
      Map<Node, Location> origins,
      Map<Triple, Location> tripleOrigins,
      Problems problems) {
    Graph union = GraphFactory.createDefaultGraph();
    ontology.find().forEachRemaining(union::add);
    data.find().forEachRemaining(union::add);
    Shapes shapes = Shapes.parse(shapesGraph);
    ValidationReport report = ShaclValidator.get().validate(shapes, union);
    for (ReportEntry e : report.getEntries()) {
      Node focus = e.focusNode();
      Location where = null;
      if (e.resultPath() instanceof P_Link link && e.value() != null) {
        where = tripleOrigins.get(Triple.create(focus, link.getNode(), e.value()));
        if (where == null) {
          where = tripleOrigins.get(Triple.create(e.value(), link.getNode(), focus));
        }
      }
      if (where == null) {
        where = origins.getOrDefault(focus, Location.of("(graph)"));
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
