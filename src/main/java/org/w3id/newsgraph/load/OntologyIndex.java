package org.w3id.newsgraph.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.NG;
import org.w3id.newsgraph.model.PartialDate;

/**
 * What the ontology declares, as the loader needs it: which local names are classes, object
 * properties, datatype properties (and how their values are written) and individuals. The loader
 * asks the same questions for every fact, so the answers about properties and classes are kept once
 * found (safe to share between threads): the ontology graph must not change after it is indexed.
 */
public final class OntologyIndex {
  private static final Node DATE_KIND = NodeFactory.createLiteralString("date");

  private final Graph graph;
  private final Set<Node> declared = new HashSet<>();
  private final Map<Node, List<Node>> domains = new ConcurrentHashMap<>();
  private final Map<Node, List<Node>> ranges = new ConcurrentHashMap<>();
  private final Map<Node, Set<Node>> superClasses = new ConcurrentHashMap<>();
  private final Map<String, Boolean> objectProperties = new ConcurrentHashMap<>();
  private final Map<String, Boolean> datatypeProperties = new ConcurrentHashMap<>();
  private final Map<String, Boolean> reserved = new ConcurrentHashMap<>();
  private final Map<String, Node> terms = new ConcurrentHashMap<>();
  private final Map<Node, Range> valueRanges = new ConcurrentHashMap<>();

  /**
   * How a property's values are written: a partial date ({@code ng:valueKind "date"}), a value of
   * an XSD datatype ({@code xsd:string} when {@code datatype} is null), found once per property.
   */
  private record Range(boolean date, RDFDatatype datatype, String local) {}

  /** Indexes an ontology graph. */
  public OntologyIndex(Graph ontology) {
    this.graph = ontology;
    graph
        .find(Node.ANY, RDF.type.asNode(), Node.ANY)
        .forEachRemaining(t -> declared.add(t.getSubject()));
  }

  /** The ontology graph. */
  public Graph graph() {
    return graph;
  }

  /** Whether the ontology declares this IRI (gives it an rdf:type), in any namespace. */
  public boolean isDeclared(Node iri) {
    return declared.contains(iri);
  }

  /** The class {@code ng:<local>}, if the ontology declares it. */
  public Optional<Node> clazz(String local) {
    return clazz(term(local));
  }

  /** The class {@code cls} (e.g. {@link NG#Person}), if the ontology declares it. */
  public Optional<Node> clazz(Resource cls) {
    return clazz(cls.asNode());
  }

  private Optional<Node> clazz(Node n) {
    return has(n, RDF.type.asNode(), OWL2.Class.asNode()) ? Optional.of(n) : Optional.empty();
  }

  /** The individual {@code ng:<local>}, if the ontology declares it. */
  public Optional<Node> individual(String local) {
    Node n = term(local);
    return has(n, RDF.type.asNode(), OWL2.NamedIndividual.asNode())
        ? Optional.of(n)
        : Optional.empty();
  }

  /** Whether {@code ng:<local>} is an object property. */
  public boolean isObjectProperty(String local) {
    return objectProperties.computeIfAbsent(
        local, l -> has(term(l), RDF.type.asNode(), OWL2.ObjectProperty.asNode()));
  }

  /** Whether {@code ng:<local>} is a datatype property. */
  public boolean isDatatypeProperty(String local) {
    return datatypeProperties.computeIfAbsent(
        local, l -> has(term(l), RDF.type.asNode(), OWL2.DatatypeProperty.asNode()));
  }

  /**
   * Whether {@code property} never links a thing to itself: an {@code owl:IrreflexiveProperty}, or
   * marked {@code ng:irreflexive true} (for transitive properties, which OWL 2 DL does not allow to
   * be declared irreflexive).
   */
  public boolean isIrreflexive(Node property) {
    return has(property, RDF.type.asNode(), OWL2.IrreflexiveProperty.asNode())
        || has(
            property,
            NG.irreflexive.asNode(),
            NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
  }

  /** Whether a property is part of the claim and source records the loader writes itself. */
  public boolean isReserved(String local) {
    return reserved.computeIfAbsent(
        local,
        l -> {
          for (Node domain : objects(term(l), RDFS.domain.asNode())) {
            if (domain.equals(NG.Claim.asNode()) || domain.equals(NG.Source.asNode())) {
              return true;
            }
          }
          return false;
        });
  }

  /**
   * The classes the subject of {@code property} must belong to: the rdfs:domain of the property and
   * of every property it is a sub-property of (named classes only).
   */
  public List<Node> domains(Node property) {
    return domains.computeIfAbsent(property, p -> inherited(p, RDFS.domain.asNode()));
  }

  /** The classes the object of {@code property} must belong to, as {@link #domains} does. */
  public List<Node> ranges(Node property) {
    return ranges.computeIfAbsent(property, p -> inherited(p, RDFS.range.asNode()));
  }

  /** The classes the ontology gives an individual (other than owl:NamedIndividual). */
  public List<Node> typesOf(Node individual) {
    List<Node> types = new ArrayList<>(objects(individual, RDF.type.asNode()));
    types.remove(OWL2.NamedIndividual.asNode());
    return types;
  }

  private List<Node> inherited(Node property, Node axis) {
    Set<Node> seen = new HashSet<>();
    Set<Node> out = new LinkedHashSet<>();
    ArrayDeque<Node> todo = new ArrayDeque<>(List.of(property));
    while (!todo.isEmpty()) {
      Node p = todo.poll();
      if (seen.add(p)) {
        objects(p, axis).stream().filter(Node::isURI).forEach(out::add);
        todo.addAll(objects(p, RDFS.subPropertyOf.asNode()));
      }
    }
    return List.copyOf(out);
  }

  /** Whether class {@code sub} is {@code sup} or a subclass of it (following rdfs:subClassOf). */
  public boolean isSubClassOf(Node sub, Node sup) {
    return superClasses(sub).contains(sup);
  }

  /** {@code cls} and every class it is a subclass of, following rdfs:subClassOf. */
  public Set<Node> superClasses(Node cls) {
    return superClasses.computeIfAbsent(cls, this::superClassesOf);
  }

  private Set<Node> superClassesOf(Node sub) {
    Set<Node> seen = new HashSet<>();
    ArrayDeque<Node> todo = new ArrayDeque<>();
    todo.add(sub);
    while (!todo.isEmpty()) {
      Node c = todo.poll();
      if (seen.add(c)) {
        todo.addAll(objects(c, RDFS.subClassOf.asNode()));
      }
    }
    return Set.copyOf(seen);
  }

  /**
   * Parses a value of a datatype property (or a date-valued record field) by the property's
   * declared range.
   *
   * @throws IllegalArgumentException with a message saying what was expected
   */
  public Literal literal(Node property, String text) {
    Range range = valueRanges.computeIfAbsent(property, this::range);
    if (range.date()) {
      return PartialDate.parse(text)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "'" + text + "' is not a date; expected " + PartialDate.FORMS));
    }
    if (range.datatype() == null) {
      return ResourceFactory.createStringLiteral(text);
    }
    String local = range.local();
    boolean valid =
        range.datatype().isValid(text) && !(local.equals("boolean") && !text.matches("true|false"));
    if (!valid) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a valid xsd:" + local + expected(local));
    }
    return local.equals("string")
        ? ResourceFactory.createStringLiteral(text)
        : ResourceFactory.createTypedLiteral(text, range.datatype());
  }

  private Range range(Node property) {
    if (has(property, NG.valueKind.asNode(), DATE_KIND)) {
      return new Range(true, null, null);
    }
    for (Node range : objects(property, RDFS.range.asNode())) {
      if (range.isURI() && range.getURI().startsWith(XSDDatatype.XSD)) {
        RDFDatatype dt = TypeMapper.getInstance().getSafeTypeByName(range.getURI());
        return new Range(false, dt, range.getLocalName());
      }
    }
    return new Range(false, null, null);
  }

  private static String expected(String xsdLocal) {
    return switch (xsdLocal) {
      case "nonNegativeInteger" -> "; expected digits, e.g. 147";
      case "positiveInteger" -> "; expected digits, at least 1";
      case "integer" -> "; expected an integer";
      case "duration" -> "; expected an ISO 8601 duration, e.g. P14D";
      case "boolean" -> "; expected true or false";
      case "anyURI" -> "; expected a URL";
      default -> "";
    };
  }

  /** {@code ng:<local>} as a node. */
  public static Node term(String local) {
    return NodeFactory.createURI(Iris.term(local));
  }

  /**
   * {@code ng:<local>} as a node, the same instance each time it is asked for (a loader asks for
   * the property of every fact): {@link #term} kept once made.
   */
  public Node node(String local) {
    return terms.computeIfAbsent(local, OntologyIndex::term);
  }

  private boolean has(Node s, Node p, Node o) {
    return graph.contains(s, p, o);
  }

  private List<Node> objects(Node s, Node p) {
    return graph.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
  }
}
