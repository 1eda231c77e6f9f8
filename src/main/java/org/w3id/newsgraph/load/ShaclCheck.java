package org.w3id.newsgraph.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.engine.constraint.SparqlConstraint;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.NodeShape;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathFactory;
import org.apache.jena.sparql.path.PathWriter;
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
  private static final Prologue PROLOGUE = new Prologue(PREFIXES);

  private ShaclCheck() {}

  /**
   * Shapes ready to validate many graphs: Jena's shapes, with the SPARQL constraints that can run
   * once per graph set apart from the rest.
   *
   * <p>Jena runs a SPARQL constraint once per focus node, planning the query each time (on a corpus
   * that is one query plan per claim, most of the time of a load). A constraint whose query is a
   * plain SELECT of {@code $this} (a basic graph pattern that binds {@code $this}, filters, a
   * projection) gives, run once with {@code $this} free, exactly the rows it gives for each focus
   * node with {@code $this} pre-bound: those rows are kept for the shape's focus nodes and reported
   * as Jena reports them. Any other SPARQL constraint is left to Jena. Some constraints are made
   * cheaper ({@link LeanShapes}).
   */
  static final class Compiled {
    private final Shapes shapes;
    private final List<Run> runs = new ArrayList<>();

    /**
     * A shape with a target: what Jena validates per focus node, and the SPARQL constraints run
     * once per graph.
     */
    private record Run(Shape shape, Shape perNode, List<SparqlConstraint> once) {}

    private Compiled(Shapes shapes) {
      this.shapes = shapes;
      for (Shape shape : shapes.getTargetShapes()) {
        List<SparqlConstraint> once = new ArrayList<>();
        for (Constraint c : shape.getConstraints()) {
          if (shape instanceof NodeShape && c instanceof SparqlConstraint sc && runsOnce(sc)) {
            once.add(sc);
          }
        }
        runs.add(new Run(shape, LeanShapes.of(shape, once), List.copyOf(once)));
      }
    }

    /**
     * Validates {@code data}: every node a shape targets.
     *
     * @return what does not conform; empty when all does (then no report is built: building one, an
     *     RDF graph, cost as much as a tenth of a load)
     */
    List<ReportEntry> validate(Graph data) {
      ValidationContext context = ValidationContext.create(shapes, data);
      for (Run run : runs) {
        if (run.shape().deactivated()) {
          continue;
        }
        Collection<Node> focusNodes = VLib.focusNodes(data, run.shape());
        if (focusNodes.isEmpty()) {
          continue;
        }
        for (Node focus : focusNodes) {
          VLib.validateShape(context, data, run.perNode(), focus);
        }
        for (SparqlConstraint constraint : run.once()) {
          selectOnce(context, data, run.shape(), new HashSet<>(focusNodes), constraint);
        }
      }
      if (!context.hasViolation()) {
        return List.of();
      }
      return List.copyOf(context.generateReport().getEntries());
    }
  }

  private static final Var THIS = Var.alloc("this");
  private static final Var VALUE = Var.alloc("value");
  private static final Var PATH = Var.alloc("path");

  /**
   * Whether a SPARQL constraint's rows do not depend on {@code $this} being pre-bound: a SELECT
   * that projects {@code $this}, whose pattern is one basic graph pattern binding {@code $this}
   * under filters (each evaluated on a row where {@code $this} is bound, pre-bound or not), and
   * that does not use the other pre-bound variables.
   */
  static boolean runsOnce(SparqlConstraint constraint) {
    Query query = constraint.getQuery();
    String text = query.toString() + constraint.getMessage();
    if (!query.isSelectType()
        || !query.getProjectVars().contains(THIS)
        || query.hasValues()
        || text.contains("currentShape")
        || text.contains("shapesGraph")
        || text.contains("PATH")) {
      return false;
    }
    Op op = Algebra.compile(query);
    while (op instanceof OpProject || op instanceof OpDistinct || op instanceof OpReduced) {
      op = ((Op1) op).getSubOp();
    }
    while (op instanceof OpFilter filter) {
      op = filter.getSubOp(); // evaluated on each row, which binds $this either way
    }
    return op instanceof OpBGP bgp
        && bgp.getPattern().getList().stream()
            .anyMatch(t -> THIS.equals(t.getSubject()) || THIS.equals(t.getObject()));
  }

  /**
   * Runs a SPARQL constraint once over {@code data} and reports each row whose {@code $this} is a
   * focus node, with the message, value and path Jena gives it when it runs the query per node.
   */
  private static void selectOnce(
      ValidationContext context,
      Graph data,
      Shape shape,
      Set<Node> focusNodes,
      SparqlConstraint constraint) {
    try (QueryExecution exec =
        QueryExecution.create()
            .query(constraint.getQuery())
            .dataset(DatasetFactory.wrap(DatasetGraphFactory.wrap(data)))
            .build()) {
      ResultSet rows = exec.execSelect();
      while (rows.hasNext()) {
        Binding row = rows.nextBinding();
        Node focus = row.get(THIS);
        if (focus == null || !focusNodes.contains(focus)) {
          continue;
        }
        Node value = row.contains(VALUE) ? row.get(VALUE) : focus;
        String template = constraint.getMessage();
        String message =
            template == null
                ? "SPARQL SELECT constraint for "
                    + ShLib.displayStr(focus)
                    + " returns "
                    + ShLib.displayStr(value)
                : substitute(template, row);
        Path path = row.contains(PATH) ? PathFactory.pathLink(row.get(PATH)) : null;
        context.reportEntry(message, shape, focus, path, value, constraint);
      }
    }
  }

  /** Fills {@code {?var}} and {@code {$var}} in a message from a row, as Jena does. */
  private static String substitute(String template, Binding row) {
    String out = template;
    for (Iterator<Var> vars = row.vars(); vars.hasNext(); ) {
      Var var = vars.next();
      Node node = row.get(var);
      String shown = node.isLiteral() ? node.getLiteralLexicalForm() : ShLib.displayStr(node);
      out =
          out.replaceAll(
              "\\{[?$]" + Pattern.quote(var.getVarName()) + "\\}", Matcher.quoteReplacement(shown));
    }
    return out;
  }

  /** Parses the shapes once per load; a shapes graph SHACL cannot read is a problem of its file. */
  static Compiled parse(Graph shapesGraph, String shown, Problems problems) {
    try {
      return new Compiled(Shapes.parse(shapesGraph));
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
  static Compiled forArticles(Graph shapesGraph) {
    Graph copy = GraphFactory.createDefaultGraph();
    Node targetClass = SHACL.targetClass;
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
    return new Compiled(Shapes.parse(copy));
  }

  /** Reports each entry SHACL found at the CSV row that made it (see the class comment). */
  static void report(
      List<ReportEntry> entries,
      Function<Node, Location> origins,
      Function<Triple, Location> tripleOrigins,
      Problems problems) {
    for (ReportEntry e : entries) {
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
      String path = e.resultPath() == null ? null : PathWriter.asString(e.resultPath(), PROLOGUE);
      String value =
          e.value() == null ? "" : " (value " + FmtUtils.stringForNode(e.value(), PREFIXES) + ")";
      problems.add(
          where,
          path,
          "SHACL: " + FmtUtils.stringForNode(focus, PREFIXES) + ": " + e.message() + value);
    }
  }
}
