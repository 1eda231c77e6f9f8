package org.w3id.newsgraph.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.engine.constraint.ClassConstraint;
import org.apache.jena.shacl.engine.constraint.ShAnd;
import org.apache.jena.shacl.engine.constraint.ShNode;
import org.apache.jena.shacl.engine.constraint.ShNot;
import org.apache.jena.shacl.engine.constraint.ShOr;
import org.apache.jena.shacl.engine.constraint.ShXone;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.NodeShape;
import org.apache.jena.shacl.parser.PropertyShape;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportItem;
import org.apache.jena.shacl.validation.ValidationProc;

/**
 * Jena's shapes with two kinds of constraint made cheaper on the views the loader validates, doing
 * exactly what Jena's do and giving the same messages; everything else (targets, paths, the other
 * constraints, severities) is Jena's own. {@code ShaclCheckTest} compares their reports with
 * Jena's.
 *
 * <ul>
 *   <li>The logical constraints ({@code sh:or}, {@code sh:xone}, {@code sh:and}, {@code sh:not},
 *       {@code sh:node}) ask whether a node conforms to a shape without building a validation
 *       report. Jena 5.6's validate each alternative in a context of its own and then call {@code
 *       generateReport().conforms()}: that builds an RDF graph of the report only to ask whether it
 *       has entries. On a corpus that was a quarter of the time SHACL took ({@code
 *       ngsh:ClaimShape}'s {@code sh:xone}, once per claim). A context knows the same without a
 *       report: {@link ValidationContext#hasViolation()} is true as soon as it records any entry,
 *       of any severity, which is when {@code conforms()} is false.
 *   <li>{@code sh:class} on a {@link UnionView} whose classes are the ontology's follows {@code
 *       rdfs:subClassOf} in the {@link OntologyIndex}, computed once per class, instead of walking
 *       the union for every focus node (a quarter of what was left).
 * </ul>
 */
final class LeanShapes {
  private final Map<Shape, Shape> rewritten = new IdentityHashMap<>();

  private LeanShapes() {}

  /**
   * {@code shape} without the constraints {@code dropped} (of its own, not of its property shapes),
   * and with every constraint in it that can be, at any depth, made cheaper.
   */
  static Shape of(Shape shape, Collection<? extends Constraint> dropped) {
    return new LeanShapes().rewrite(shape, dropped);
  }

  private Shape rewrite(Shape shape) {
    Shape done = rewritten.get(shape);
    if (done == null) {
      done = rewrite(shape, List.of());
      rewritten.put(shape, done);
    }
    return done;
  }

  private Shape rewrite(Shape shape, Collection<? extends Constraint> dropped) {
    List<Constraint> constraints = new ArrayList<>();
    for (Constraint c : shape.getConstraints()) {
      if (dropped.stream().noneMatch(d -> d == c)) {
        constraints.add(rewrite(c));
      }
    }
    List<PropertyShape> properties = new ArrayList<>();
    shape.getPropertyShapes().forEach(p -> properties.add((PropertyShape) rewrite(p)));
    return shape instanceof PropertyShape p
        ? new PropertyShape(
            p.getShapeGraph(),
            p.getShapeNode(),
            p.deactivated(),
            p.getSeverity(),
            p.getMessages(),
            p.getTargets(),
            p.getPath(),
            constraints,
            properties)
        : new NodeShape(
            shape.getShapeGraph(),
            shape.getShapeNode(),
            shape.deactivated(),
            shape.getSeverity(),
            shape.getMessages(),
            shape.getTargets(),
            constraints,
            properties);
  }

  private Constraint rewrite(Constraint c) {
    if (c instanceof ClassConstraint cls) {
      return new ClassOf(cls.getExpectedClass());
    } else if (c instanceof ShOr or) {
      return new Or(rewrite(or.getOthers()));
    } else if (c instanceof ShXone xone) {
      return new Xone(rewrite(xone.getOthers()));
    } else if (c instanceof ShAnd and) {
      return new And(rewrite(and.getOthers()));
    } else if (c instanceof ShNot not) {
      return new Not(rewrite(not.getOther()));
    } else if (c instanceof ShNode node) {
      return new NodeRef(rewrite(node.getOther()));
    }
    return c;
  }

  private List<Shape> rewrite(List<Shape> shapes) {
    return shapes.stream().map(this::rewrite).toList();
  }

  /** Whether {@code node} conforms to {@code shape}, as Jena's logical constraints decide it. */
  private static boolean conforms(ValidationContext context, Graph data, Shape shape, Node node) {
    ValidationContext inner = ValidationContext.create(context);
    ValidationProc.execValidateShape(inner, data, shape, node);
    return !inner.hasViolation();
  }

  private static String at(Node node) {
    return " at focusNode " + ShLib.displayStr(node);
  }

  private static final class ClassOf extends ClassConstraint {
    /**
     * The start of every message, the same for each node: made once (a node of the wrong class is
     * common inside {@code sh:or} and {@code sh:xone}, where the message is then dropped).
     */
    private final String messageStart;

    ClassOf(Node expectedClass) {
      super(expectedClass);
      messageStart = this + ": Expected class :" + ShLib.displayStr(expectedClass) + " for ";
    }

    @Override
    public ReportItem validate(ValidationContext context, Graph data, Node node) {
      if (node.isLiteral() || !(data instanceof UnionView view) || !view.knowsClasses()) {
        return super.validate(context, data, node);
      }
      if (view.hasClass(node, getExpectedClass())) {
        return null;
      }
      return new ReportItem(messageStart + ShLib.displayStr(node), node);
    }
  }

  private static final class Or extends ShOr {
    Or(List<Shape> others) {
      super(others);
    }

    @Override
    public ReportItem validate(ValidationContext context, Graph data, Node node) {
      for (Shape shape : others) {
        if (conforms(context, data, shape, node)) {
          return null;
        }
      }
      return new ReportItem(this + at(node), node);
    }
  }

  private static final class Xone extends ShXone {
    Xone(List<Shape> others) {
      super(others);
    }

    @Override
    public ReportItem validate(ValidationContext context, Graph data, Node node) {
      int conforming = 0;
      for (Shape shape : others) {
        if (conforms(context, data, shape, node)) {
          conforming++;
        }
      }
      return conforming == 1
          ? null
          : new ReportItem(this + " has " + conforming + " conforming shapes" + at(node), node);
    }
  }

  private static final class And extends ShAnd {
    And(List<Shape> others) {
      super(others);
    }

    @Override
    public ReportItem validate(ValidationContext context, Graph data, Node node) {
      for (Shape shape : others) {
        if (!conforms(context, data, shape, node)) {
          return new ReportItem(this + at(node), node);
        }
      }
      return null;
    }
  }

  private static final class Not extends ShNot {
    Not(Shape other) {
      super(other);
    }

    @Override
    public ReportItem validate(ValidationContext context, Graph data, Node node) {
      return conforms(context, data, other, node)
          ? new ReportItem("Not[" + other + "]" + at(node), node)
          : null;
    }
  }

  private static final class NodeRef extends ShNode {
    NodeRef(Shape other) {
      super(other);
    }

    @Override
    public ReportItem validate(ValidationContext context, Graph data, Node node) {
      return conforms(context, data, other, node) ? null : new ReportItem(this + at(node), node);
    }
  }
}
