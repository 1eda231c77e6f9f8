package org.w3id.newsgraph.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.OntologyIndex;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.LinkMethod;
import org.w3id.newsgraph.model.LinkStatus;
import org.w3id.newsgraph.model.NG;

/**
 * Reconciles the people, organisations and places of a graph against Wikidata: asks the {@link
 * WikidataLookup} for items with the entities' names, their classes and context, scores them with
 * {@link Scoring} and turns the decisions into rows of the links file. Rows a person decided are
 * kept as they are; an entity a person linked is not reconciled again.
 */
final class Reconciler {
  /** Entities of these classes (and their subclasses) are linked. */
  private static final List<Resource> LINKABLE =
      List.of(NG.Person, NG.Organization, NG.Place, NG.EthnicGroup, NG.Position);

  /** The order of reconciliation: places before those who are in them, parties before members. */
  private static final List<Resource> RANKS =
      List.of(
          NG.Country,
          NG.Region,
          NG.City,
          NG.Building,
          NG.Place,
          NG.PoliticalParty,
          NG.GovernmentBody,
          NG.Organization,
          NG.EthnicGroup,
          NG.Person,
          NG.Position);

  /** An entity to reconcile. */
  private record Entity(
      String id,
      String label,
      String cls,
      List<String> names,
      Set<String> compatible,
      Set<String> neighbours,
      int rank,
      int depth) {}

  /** The new rows and what happened. */
  record Result(List<LinkRecord> records, LinkReport report) {}

  /** The items found for one entity: scored, with their classes, and how many were rejected. */
  private record Found(
      List<Scoring.Candidate> candidates, Map<String, List<String>> types, int rejected) {}

  private final KnowledgeGraph kg;
  private final OntologyIndex ontology;
  private final WikidataLookup lookup;
  private final LinkOptions options;

  Reconciler(KnowledgeGraph kg, WikidataLookup lookup, LinkOptions options) {
    this.kg = kg;
    this.ontology = new OntologyIndex(kg.ontology());
    this.lookup = lookup;
    this.options = options;
  }

  Result run(List<LinkRecord> existing, WikidataHttp http) {
    Map<String, Entity> linkable = linkableEntities();
    checkOnly(linkable);
    Set<String> confirmed = new TreeSet<>();
    Map<String, Set<String>> rejected = new HashMap<>();
    for (LinkRecord r : existing) {
      if (r.status() == LinkStatus.CONFIRMED) {
        confirmed.add(r.entity());
      } else if (r.status() == LinkStatus.REJECTED) {
        rejected.computeIfAbsent(r.entity(), e -> new HashSet<>()).add(r.qid());
      }
    }
    List<String> skipped = new ArrayList<>();
    for (String id : new TreeSet<>(options.only())) {
      if (confirmed.contains(id)) {
        skipped.add(id);
      }
    }
    List<Entity> todo = new ArrayList<>();
    for (Entity e : linkable.values()) {
      if (!confirmed.contains(e.id())
          && (options.only().isEmpty() || options.only().contains(e.id()))) {
        todo.add(e);
      }
    }
    todo.sort(
        Comparator.comparingInt(Entity::rank)
            .thenComparingInt(Entity::depth)
            .thenComparing(Entity::id));
    Set<String> processing = new HashSet<>();
    todo.forEach(e -> processing.add(e.id()));

    List<LinkRecord> out = new ArrayList<>();
    Map<String, List<LinkRecord>> oldMachineRows = new HashMap<>();
    Map<String, String> linked = new HashMap<>();
    for (LinkRecord r : existing) {
      if (r.status().byPerson()) {
        out.add(r);
        if (r.status() == LinkStatus.CONFIRMED) {
          linked.put(r.entity(), r.qid());
        }
      } else if (confirmed.contains(r.entity())) {
        continue; // superseded: a person linked the entity
      } else if (processing.contains(r.entity())) {
        oldMachineRows.computeIfAbsent(r.entity(), e -> new ArrayList<>()).add(r);
      } else {
        out.add(r);
        if (r.status() == LinkStatus.AUTO) {
          linked.put(r.entity(), r.qid());
        }
      }
    }

    // Ask for everything at once, in batches; each answer is cached on its own.
    Set<String> names = new TreeSet<>();
    todo.forEach(e -> names.addAll(e.names()));
    Map<String, List<Binding>> byName = lookup.itemsNamed(names);
    Map<String, List<WikidataLookup.SearchHit>> searched = lookup.search(names);
    Set<String> qids = new TreeSet<>();
    for (Entity e : todo) {
      for (String name : e.names()) {
        for (Binding b : byName.getOrDefault(name, List.of())) {
          qid(b.get(Var.alloc("item"))).ifPresent(qids::add);
        }
        for (WikidataLookup.SearchHit h : searched.getOrDefault(name, List.of())) {
          qids.add(h.qid());
        }
      }
    }
    Map<String, List<Binding>> facts = lookup.facts(qids);
    Set<String> types = new TreeSet<>();
    facts.values().forEach(rows -> rows.forEach(b -> value(b, "P31").ifPresent(types::add)));
    Set<String> classes = new TreeSet<>();
    todo.forEach(e -> classes.addAll(e.compatible()));
    Map<String, List<Binding>> supers =
        types.isEmpty() || classes.isEmpty() ? Map.of() : lookup.superclasses(types, classes);

    int auto = 0;
    int review = 0;
    int unlinked = 0;
    List<String> toReview = new ArrayList<>();
    List<String> notCached = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (Entity e : todo) {
      Optional<Found> found = candidates(e, byName, searched, facts, supers, rejected, linked);
      List<LinkRecord> old = oldMachineRows.getOrDefault(e.id(), List.of());
      if (found.isEmpty()) {
        notCached.add(e.id());
        out.addAll(old);
        old.stream()
            .filter(r -> r.status() == LinkStatus.AUTO)
            .forEach(r -> linked.put(r.entity(), r.qid()));
        outcomes.add(outcome(e, Outcome.Kind.NOT_CACHED, "not in the cache", List.of(), old));
        continue;
      }
      List<Scoring.Candidate> candidates = found.get().candidates();
      Scoring.Decision d = Scoring.decide(candidates, options.minScore(), options.margin());
      linked.remove(e.id());
      Outcome.Kind kind;
      String reason;
      if (d.accepted() != null) {
        auto++;
        kind = Outcome.Kind.AUTO;
        reason = "accepted";
        linked.put(e.id(), d.accepted().qid());
        String note =
            d.runnerUp() == null
                ? ""
                : "runner-up " + d.runnerUp().qid() + " (" + d.runnerUp().score() + ")";
        out.add(row(e, d.accepted(), LinkStatus.AUTO, note, old));
      } else if (!d.review().isEmpty()) {
        review++;
        kind = Outcome.Kind.REVIEW;
        reason = d.reason();
        toReview.add(e.id());
        for (Scoring.Candidate c : d.review()) {
          out.add(row(e, c, LinkStatus.REVIEW, d.reason(), old));
        }
      } else {
        unlinked++;
        if (!candidates.isEmpty()) {
          kind = Outcome.Kind.WRONG_TYPE;
          reason = "no item found has a type compatible with " + e.cls();
        } else if (found.get().rejected() > 0) {
          kind = Outcome.Kind.ALL_REJECTED;
          reason = "every item found was rejected by a person";
        } else {
          kind = Outcome.Kind.NO_NAME_MATCH;
          reason = "no item has the name " + String.join(" or ", e.names());
        }
      }
      // A row of an earlier run whose item this run did not find again is kept: a later run that
      // finds less (another endpoint, a smaller subset) never loses a link.
      Set<String> seen = new HashSet<>();
      candidates.forEach(c -> seen.add(c.qid()));
      List<LinkRecord> kept = new ArrayList<>();
      for (LinkRecord r : old) {
        if (seen.contains(r.qid())) {
          continue; // found again: decided anew above
        }
        if (r.status() == LinkStatus.AUTO && linked.containsKey(e.id())) {
          r =
              r.decided(
                  LinkStatus.REVIEW,
                  r.checked(),
                  r.source(),
                  "an earlier run accepted it; not found again, so kept for review");
        } else if (r.status() == LinkStatus.AUTO) {
          linked.put(e.id(), r.qid());
        }
        kept.add(r);
        out.add(r);
      }
      List<Outcome.Found> shown = new ArrayList<>();
      List<Scoring.Candidate> sorted = new ArrayList<>(candidates);
      sorted.sort(Scoring.BEST_FIRST);
      for (Scoring.Candidate c : sorted) {
        shown.add(
            new Outcome.Found(
                c.qid(),
                c.label(),
                c.description(),
                found.get().types().getOrDefault(c.qid(), List.of()),
                c.score(),
                c.why(),
                c.fit() == Scoring.TypeFit.WRONG));
      }
      outcomes.add(outcome(e, kind, reason, shown, kept));
    }
    int requests = http == null ? 0 : http.requests();
    LinkReport report =
        new LinkReport(
            todo.size(),
            auto,
            review,
            unlinked,
            (int) linkable.keySet().stream().filter(confirmed::contains).count(),
            requests,
            toReview,
            notCached,
            false,
            outcomes,
            skipped);
    return new Result(out, report);
  }

  private static Outcome outcome(
      Entity e,
      Outcome.Kind kind,
      String reason,
      List<Outcome.Found> found,
      List<LinkRecord> kept) {
    return new Outcome(
        e.id(),
        e.label(),
        e.cls(),
        List.copyOf(e.compatible()),
        kind,
        reason,
        List.copyOf(found),
        List.copyOf(kept));
  }

  /** The candidates of one entity, or empty if the cache lacks an answer (offline). */
  private Optional<Found> candidates(
      Entity e,
      Map<String, List<Binding>> byName,
      Map<String, List<WikidataLookup.SearchHit>> searched,
      Map<String, List<Binding>> facts,
      Map<String, List<Binding>> supers,
      Map<String, Set<String>> rejected,
      Map<String, String> linked) {
    Set<String> no = rejected.getOrDefault(e.id(), Set.of());
    Set<String> refused = new HashSet<>();
    Map<String, LinkMethod> method = new TreeMap<>();
    Map<String, String> labels = new HashMap<>();
    Map<String, String> descriptions = new HashMap<>();
    for (String name : e.names()) {
      List<Binding> rows = byName.get(name);
      if (rows == null || (lookup.searchApi() != null && !searched.containsKey(name))) {
        return Optional.empty();
      }
      for (Binding b : rows) {
        Optional<String> q = qid(b.get(Var.alloc("item")));
        if (q.isPresent() && no.contains(q.get())) {
          refused.add(q.get());
        }
        if (q.isEmpty() || no.contains(q.get())) {
          continue;
        }
        boolean labelToLabel = "label".equals(text(b, "how")) && name.equals(e.label());
        LinkMethod m = labelToLabel ? LinkMethod.LABEL : LinkMethod.ALIAS;
        method.merge(q.get(), m, (a, c) -> a.compareTo(c) <= 0 ? a : c);
        labels.putIfAbsent(q.get(), text(b, "label"));
        descriptions.putIfAbsent(q.get(), text(b, "description"));
      }
      for (WikidataLookup.SearchHit h : searched.getOrDefault(name, List.of())) {
        if (!no.contains(h.qid())) {
          method.putIfAbsent(h.qid(), LinkMethod.SEARCH);
          labels.putIfAbsent(h.qid(), LinkRecord.oneLine(h.label()));
          descriptions.putIfAbsent(h.qid(), LinkRecord.oneLine(h.description()));
        }
      }
    }
    Set<String> context = new HashSet<>();
    for (String n : e.neighbours()) {
      if (linked.containsKey(n)) {
        context.add(linked.get(n));
      }
    }
    List<Scoring.Candidate> out = new ArrayList<>();
    Map<String, List<String>> typeNames = new HashMap<>();
    for (Map.Entry<String, LinkMethod> m : method.entrySet()) {
      List<Binding> rows = facts.get(m.getKey());
      if (rows == null) {
        return Optional.empty();
      }
      Set<String> types = new TreeSet<>();
      Set<String> named = new TreeSet<>();
      Set<String> values = new HashSet<>();
      for (Binding b : rows) {
        value(b, "P31").ifPresent(types::add);
        value(b, "P31")
            .ifPresent(
                t ->
                    named.add(
                        text(b, "valueLabel").isEmpty() ? t : t + " " + text(b, "valueLabel")));
        for (String p : WikidataLookup.CONTEXT_PROPERTIES) {
          value(b, p).ifPresent(values::add);
        }
      }
      Scoring.TypeFit fit;
      if (types.isEmpty() || e.compatible().isEmpty()) {
        fit = Scoring.TypeFit.UNKNOWN;
      } else {
        fit = Scoring.TypeFit.WRONG;
        for (String t : types) {
          List<Binding> up = supers.get(t);
          if (up == null) {
            return Optional.empty();
          }
          for (Binding b : up) {
            if (qid(b.get(Var.alloc("class"))).filter(e.compatible()::contains).isPresent()) {
              fit = Scoring.TypeFit.COMPATIBLE;
            }
          }
        }
      }
      out.add(
          new Scoring.Candidate(
              m.getKey(),
              labels.getOrDefault(m.getKey(), ""),
              descriptions.getOrDefault(m.getKey(), ""),
              m.getValue(),
              fit,
              Scoring.agrees(values, context)));
      typeNames.put(m.getKey(), List.copyOf(named));
    }
    return Optional.of(new Found(out, typeNames, refused.size()));
  }

  private LinkRecord row(
      Entity e, Scoring.Candidate c, LinkStatus status, String note, List<LinkRecord> old) {
    String source =
        c.method() == LinkMethod.SEARCH && lookup.searchApi() != null
            ? lookup.searchApi().toString()
            : lookup.endpoint().toString();
    LinkRecord fresh =
        new LinkRecord(
            e.id(),
            c.qid(),
            c.label(),
            c.description(),
            OptionalInt.of(c.score()),
            c.method(),
            status,
            options.today(),
            source,
            note);
    for (LinkRecord r : old) {
      if (r.sameBut(fresh)) {
        return r; // nothing changed: keep the day it was first checked so, and the file stable
      }
    }
    return fresh;
  }

  // ---- the entities of the graph

  private Map<String, Entity> linkableEntities() {
    Graph data = kg.asserted();
    Map<String, Entity> out = new LinkedHashMap<>();
    for (Triple t : data.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList()) {
      Node s = t.getSubject();
      Node cls = t.getObject();
      if (!s.isURI() || !s.getURI().startsWith(Iris.ENTITY) || !isLinkable(cls)) {
        continue;
      }
      String id = s.getURI().substring(Iris.ENTITY.length());
      String label = literal(data, s, RDFS.label.asNode()).stream().findFirst().orElse(id);
      List<String> names = new ArrayList<>(new LinkedHashSet<>(literals(label, data, s)));
      out.put(
          id,
          new Entity(
              id,
              label,
              cls.getLocalName(),
              names,
              compatible(cls),
              neighbours(s),
              rank(cls),
              kg.inferred().find(s, NG.locatedIn.asNode(), Node.ANY).toList().size()
                  + data.find(s, NG.locatedIn.asNode(), Node.ANY).toList().size()));
    }
    return out;
  }

  private static List<String> literals(String label, Graph data, Node s) {
    List<String> names = new ArrayList<>();
    names.add(label);
    names.addAll(literal(data, s, SKOS.altLabel.asNode()));
    return names;
  }

  private boolean isLinkable(Node cls) {
    for (Resource root : LINKABLE) {
      if (ontology.isSubClassOf(cls, root.asNode())) {
        return true;
      }
    }
    return false;
  }

  private int rank(Node cls) {
    for (int i = 0; i < RANKS.size(); i++) {
      if (ontology.isSubClassOf(cls, RANKS.get(i).asNode())) {
        return i;
      }
    }
    return RANKS.size();
  }

  /** The Wikidata classes of {@code cls} and of its superclasses, as declared in the ontology. */
  private Set<String> compatible(Node cls) {
    Set<String> out = new TreeSet<>();
    for (Node c : ontology.superClasses(cls)) {
      for (Triple t : kg.ontology().find(c, NG.wikidataClass.asNode(), Node.ANY).toList()) {
        qid(t.getObject()).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * The entities this one is related to by an ontology property, asserted or inferred (so a place
   * knows every place it lies in), and through a position it holds, that position's places and
   * organisations.
   */
  private Set<String> neighbours(Node s) {
    Set<String> out = new TreeSet<>();
    for (Node o : related(s)) {
      out.add(o.getURI().substring(Iris.ENTITY.length()));
      if (isPosition(o)) {
        for (Node p : related(o)) {
          out.add(p.getURI().substring(Iris.ENTITY.length()));
        }
      }
    }
    out.remove(s.getURI().substring(Iris.ENTITY.length()));
    return out;
  }

  private List<Node> related(Node s) {
    List<Node> out = new ArrayList<>();
    for (Graph g : List.of(kg.asserted(), kg.inferred())) {
      for (Triple t : g.find(s, Node.ANY, Node.ANY).toList()) {
        Node o = t.getObject();
        if (t.getPredicate().getURI().startsWith(NG.NS)
            && o.isURI()
            && o.getURI().startsWith(Iris.ENTITY)) {
          out.add(o);
        }
      }
    }
    return out;
  }

  private boolean isPosition(Node entity) {
    for (Triple t : kg.asserted().find(entity, RDF.type.asNode(), Node.ANY).toList()) {
      if (ontology.isSubClassOf(t.getObject(), NG.Position.asNode())) {
        return true;
      }
    }
    return false;
  }

  private void checkOnly(Map<String, Entity> linkable) {
    for (String id : options.only()) {
      if (linkable.containsKey(id)) {
        continue;
      }
      Node n = org.apache.jena.graph.NodeFactory.createURI(Iris.ENTITY + id);
      List<Triple> types = kg.asserted().find(n, RDF.type.asNode(), Node.ANY).toList();
      if (types.isEmpty()) {
        throw new NewsGraphException("--only: unknown entity id '" + id + "'");
      }
      throw new NewsGraphException(
          "--only: '"
              + id
              + "' is of class "
              + types.get(0).getObject().getLocalName()
              + "; only people, organisations, places, ethnic groups and positions are linked");
    }
  }

  // ---- small helpers

  private static List<String> literal(Graph g, Node s, Node p) {
    List<String> out = new ArrayList<>();
    for (Triple t : g.find(s, p, Node.ANY).toList()) {
      if (t.getObject().isLiteral()) {
        out.add(t.getObject().getLiteralLexicalForm());
      }
    }
    out.sort(null);
    return out;
  }

  /** The QID of a {@code wd:} IRI. */
  static Optional<String> qid(Node n) {
    if (n != null && n.isURI()) {
      return Iris.wikidataItem(n.getURI());
    }
    return Optional.empty();
  }

  /** The QID value of a facts row whose {@code ?p} is {@code wdt:<property>}. */
  private static Optional<String> value(Binding b, String property) {
    Node p = b.get(Var.alloc("p"));
    if (p != null && p.isURI() && p.getURI().equals(WikidataLookup.WDT + property)) {
      return qid(b.get(Var.alloc("value")));
    }
    return Optional.empty();
  }

  private static String text(Binding b, String var) {
    Node n = b.get(Var.alloc(var));
    return n != null && n.isLiteral() ? LinkRecord.oneLine(n.getLiteralLexicalForm()) : "";
  }
}
