package org.w3id.newsgraph.load;

import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
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
import org.w3id.newsgraph.model.NG;

/**
 * Runs the SHACL shapes on a view of the data (a union of the ontology, the entities and one
 * article, never copied into one graph), and reports each violation at the CSV row that made it:
 * the row of the fact for a relation, else the row that declared the focus node.
 */
final class ShaclCheck {
  private static final PrefixMapping PREFIXES = Iris.prefixes();
  private static final String SHACL = "http://www.w3.org/ns/shacl#";

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
   * The shapes to run on each article: all of them, but without the class targets of anything other
   * than claims and sources. Entities and links are validated once, with all the shapes, before the
   * articles; an article's claims, its source and the subjects and objects of its facts are what
   * these shapes still target (through their class or the properties of the facts), so each
   * article's validation costs what the article holds, not what the entities do.
   */
  static Shapes forArticles(Graph shapesGraph) {
    Graph copy = GraphFactory.createDefaultGraph();
    Node targetClass = NodeFactory.createURI(SHACL + "targetClass");
    shapesGraph
        .find()
        .forEachRemaining(
            t -> {
              if (!t.getPredicate().equals(targetClass)
                  || t.getObject().equals(NG.Claim.asNode())
                  || t.getObject().equals(NG.Source.asNode())) {
                copy.add(t);
              }
            });
    copy.getPrefixMapping().setNsPrefixes(shapesGraph.getPrefixMapping());
    return Shapes.parse(copy);
  }

  /** Validates {@code data} against {@code shapes}: every node a shape targets. */
  static void validate(
      Shapes shapes,
      Graph data,
      Function<Node, Location> origins,
      Function<Triple, Location> tripleOrigins,
      Problems problems) {
    ValidationReport report = ShaclValidator.get().validate(shapes, data);
    if (!report.conforms()) {
      report(report, origins, tripleOrigins, problems);
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
