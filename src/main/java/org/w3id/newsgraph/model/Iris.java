package org.w3id.newsgraph.model;

import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/**
 * Mints every IRI NewsGraph writes. IRIs depend only on ids, so they are stable across runs and
 * machines; this is the only place that knows their shape.
 */
public final class Iris {
  /** Base of all NewsGraph IRIs. */
  public static final String BASE = "https://w3id.org/newsgraph/";

  /** The ontology namespace ({@code ng:}). */
  public static final String ONTOLOGY = BASE + "ontology#";

  /** Entities shared by all sources ({@code ngr:}). */
  public static final String ENTITY = BASE + "id/";

  /** Source documents ({@code ngs:}). */
  public static final String SOURCE = BASE + "source/";

  /** Facts, one per row of a source's facts file. */
  public static final String FACT = BASE + "fact/";

  /** Records of links between entities and Wikidata items. */
  public static final String LINK = BASE + "link/";

  /** Wikidata items ({@code wd:}). */
  public static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";

  /** Wikidata's page of an item: this and the QID (e.g. for a person to open in a browser). */
  public static final String WIKIDATA_PAGE = "https://www.wikidata.org/wiki/";

  /**
   * schema.org ({@code schema:}) in the http namespace that the ontology and Wikidata use (Jena's
   * {@code SchemaDO} is https).
   */
  public static final String SCHEMA = "http://schema.org/";

  /** Named graph holding inferred triples. */
  public static final String INFERRED_GRAPH = BASE + "graph/inferred";

  /** Named graphs: one per source document, and one each for the shared parts. */
  public static final String GRAPH = BASE + "graph/";

  /** Named graph holding the entities shared by all sources (their classes and labels). */
  public static final String ENTITIES_GRAPH = GRAPH + "entities";

  /** Named graph holding the links to Wikidata and their records. */
  public static final String LINKS_GRAPH = GRAPH + "links";

  /** Named graph holding the ontology in a store. */
  public static final String ONTOLOGY_GRAPH = GRAPH + "ontology";

  /** Named graph holding NewsGraph's record of what a remote store holds. */
  public static final String STATE_GRAPH = GRAPH + "state";

  /** The property whose value, in {@link #STATE_GRAPH}, is that record (a text literal). */
  public static final String STORE_STATE = BASE + "store#state";

  /** The syntax of every id: lower-case ASCII words joined by single hyphens. */
  public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private Iris() {}

  /** Returns true if {@code id} can be used in an IRI. */
  public static boolean isValidId(String id) {
    // What ID matches, by hand: every fact row checks several ids, and a matcher each cost more
    // than
    // the rest of the row's checks (IrisTest compares the two).
    if (id == null || id.isEmpty() || id.charAt(0) == '-' || id.charAt(id.length() - 1) == '-') {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!word && (c != '-' || id.charAt(i - 1) == '-')) {
        return false;
      }
    }
    return true;
  }

  /** IRI of an entity. */
  public static String entity(String id) {
    return ENTITY + requireId(id);
  }

  /** IRI of a source document. */
  public static String source(String id) {
    return SOURCE + requireId(id);
  }

  /** IRI of a fact (the claim record of one row of {@code facts/<source>.csv}). */
  public static String fact(String sourceId, String factId) {
    return FACT + requireId(sourceId) + "/" + requireId(factId);
  }

  /** A Wikidata item id: {@code Q} and a number without leading zeros. */
  public static final Pattern WIKIDATA_ITEM = Pattern.compile("Q[1-9][0-9]*");

  /** Whether {@code text} is a Wikidata item id ({@link #WIKIDATA_ITEM}). */
  public static boolean isWikidataItem(String text) {
    return text != null && WIKIDATA_ITEM.matcher(text).matches();
  }

  /** The item id of a Wikidata entity IRI ({@value #WIKIDATA_ENTITY}Q...), if it is one. */
  public static Optional<String> wikidataItem(String iri) {
    if (iri != null && iri.startsWith(WIKIDATA_ENTITY)) {
      String q = iri.substring(WIKIDATA_ENTITY.length());
      if (isWikidataItem(q)) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }

  /** IRI of the record of the link from an entity to a Wikidata item ({@code Q...}). */
  public static String link(String entityId, String qid) {
    if (!isWikidataItem(qid)) {
      throw new IllegalArgumentException("not a Wikidata item id: '" + qid + "'");
    }
    return LINK + requireId(entityId) + "/" + qid;
  }

  /**
   * IRI of the named graph of a source document: its record, its claims and the facts it asserts.
   */
  public static String sourceGraph(String sourceId) {
    return GRAPH + "source/" + requireId(sourceId);
  }

  /** The source id of a graph IRI minted by {@link #sourceGraph}, or null for any other IRI. */
  public static String sourceIdOfGraph(String graphIri) {
    String prefix = GRAPH + "source/";
    if (graphIri.startsWith(prefix) && isValidId(graphIri.substring(prefix.length()))) {
      return graphIri.substring(prefix.length());
    }
    return null;
  }

  /** IRI of a Wikidata item. */
  public static String wikidata(String qid) {
    return WIKIDATA_ENTITY + qid;
  }

  /** IRI of an ontology term. */
  public static String term(String localName) {
    return ONTOLOGY + localName;
  }

  /** The prefixes NewsGraph writes in Turtle and shows in query results. */
  public static PrefixMapping prefixes() {
    PrefixMapping pm = PrefixMapping.Factory.create();
    pm.setNsPrefix("ng", ONTOLOGY);
    pm.setNsPrefix("ngr", ENTITY);
    pm.setNsPrefix("ngs", SOURCE);
    pm.setNsPrefix("rdf", RDF.uri);
    pm.setNsPrefix("rdfs", RDFS.uri);
    pm.setNsPrefix("owl", OWL.NS);
    pm.setNsPrefix("xsd", XSD.NS);
    pm.setNsPrefix("skos", SKOS.uri);
    pm.setNsPrefix("prov", PROV.NS);
    pm.setNsPrefix("dcterms", DCTerms.NS);
    pm.setNsPrefix("schema", SCHEMA);
    pm.setNsPrefix("wd", WIKIDATA_ENTITY);
    return pm;
  }

  private static String requireId(String id) {
    if (!isValidId(id)) {
      throw new IllegalArgumentException("not a valid id: '" + id + "'");
    }
    return id;
  }
}
