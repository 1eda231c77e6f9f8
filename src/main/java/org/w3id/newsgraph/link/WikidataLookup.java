package org.w3id.newsgraph.link;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.model.Iris;

/**
 * What the linker asks a Wikidata SPARQL endpoint, in Wikidata's RDF model only ({@code
 * rdfs:label}, {@code skos:altLabel}, {@code schema:description}, {@code wdt:P31}, {@code wdt:P279}
 * and the context properties {@code wdt:P17}, {@code wdt:P131}, {@code wdt:P27}, {@code wdt:P102}),
 * so the same queries run on the public service and on any endpoint holding a Wikidata subset.
 * Several keys go into one query; each key's answer is cached on its own. Without a {@link
 * WikidataHttp} (offline) only cached answers are returned.
 */
final class WikidataLookup {
  private static final Logger LOG = LoggerFactory.getLogger(WikidataLookup.class);

  /** Namespace of direct claims ({@code wdt:}). */
  static final String WDT = "http://www.wikidata.org/prop/direct/";

  /** The properties read for context: country, located in, citizenship, party. */
  static final List<String> CONTEXT_PROPERTIES = List.of("P17", "P131", "P27", "P102");

  private static final String PREFIXES =
      "PREFIX wd: <"
          + Iris.WIKIDATA_ENTITY
          + ">\nPREFIX wdt: <"
          + WDT
          + ">\nPREFIX rdfs: <"
          + RDFS.uri
          + ">\nPREFIX skos: <"
          + SKOS.uri
          + ">\nPREFIX schema: <"
          + Iris.SCHEMA
          + ">\n";

  /** One hit of Wikidata's name search. */
  record SearchHit(String qid, String label, String description) {}

  private final URI endpoint;
  private final URI searchApi;
  private final WikidataHttp http;
  private final ResponseCache cache;
  private final int batch;
  private LinkProgress progress = LinkProgress.NONE;

  /**
   * @param endpoint the SPARQL endpoint
   * @param searchApi Wikidata's web API ({@code .../w/api.php}) for fuzzy name search, or null
   * @param http the HTTP client, or null to use the cache only
   * @param cache the cache
   * @param batch the most keys in one query
   */
  WikidataLookup(URI endpoint, URI searchApi, WikidataHttp http, ResponseCache cache, int batch) {
    this.endpoint = endpoint;
    this.searchApi = searchApi;
    this.http = http;
    this.cache = cache;
    this.batch = batch;
  }

  /** Where to tell how far each kind of question got. */
  void progress(LinkProgress listener) {
    this.progress = listener;
  }

  URI endpoint() {
    return endpoint;
  }

  URI searchApi() {
    return searchApi;
  }

  /**
   * Items whose English (or {@code mul}) label or alias is one of {@code names}, exactly or in
   * lower case. Rows: {@code ?name ?item ?how ?label ?description}, {@code ?how} being {@code
   * "label"} or {@code "alias"}.
   */
  Map<String, List<Binding>> itemsNamed(Collection<String> names) {
    return lookup("names", names, List.of("name", "item", "how"), this::namesQuery);
  }

  private String namesQuery(List<String> names) {
    StringBuilder values = new StringBuilder();
    for (String name : names) {
      for (String text : variants(name)) {
        for (String lang : List.of("en", "mul")) {
          values
              .append("    (")
              .append(FmtUtils.stringForNode(NodeFactory.createLiteralString(name)))
              .append(' ')
              .append(FmtUtils.stringForNode(NodeFactory.createLiteralLang(text, lang)))
              .append(")\n");
        }
      }
    }
    return PREFIXES
        + "SELECT ?name ?item ?how ?label ?description WHERE {\n"
        + "  VALUES (?name ?text) {\n"
        + values
        + "  }\n"
        + "  { ?item rdfs:label ?text . BIND (\"label\" AS ?how) }\n"
        + "  UNION\n"
        + "  { ?item skos:altLabel ?text . BIND (\"alias\" AS ?how) }\n"
        + "  FILTER (STRSTARTS(STR(?item), STR(wd:Q)))\n"
        + "  OPTIONAL { ?item rdfs:label ?label . FILTER (LANG(?label) = \"en\") }\n"
        + "  OPTIONAL { ?item schema:description ?description ."
        + " FILTER (LANG(?description) = \"en\") }\n"
        + "}\n";
  }

  /** A name as written and in lower case (Wikidata labels of common nouns are lower case). */
  static List<String> variants(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals(name) ? List.of(name) : List.of(name, lower);
  }

  /**
   * The classes ({@code P31}) and context ({@code P17}, {@code P131} and the places above it,
   * {@code P27}, {@code P102}) of items. Rows: {@code ?item ?p ?value ?valueLabel}, the last the
   * English label of the value (a class, a place, ...) if it has one.
   */
  Map<String, List<Binding>> facts(Collection<String> qids) {
    return lookup("items", qids, List.of("item", "p", "value"), this::factsQuery);
  }

  private String factsQuery(List<String> qids) {
    StringBuilder props = new StringBuilder("wdt:P31");
    for (String p : CONTEXT_PROPERTIES) {
      if (!p.equals("P131")) {
        props.append(" wdt:").append(p);
      }
    }
    return PREFIXES
        + "SELECT ?item ?p ?value ?valueLabel WHERE {\n"
        + "  VALUES ?item { "
        + items(qids)
        + " }\n"
        + "  { VALUES ?p { "
        + props
        + " } ?item ?p ?value . }\n"
        + "  UNION\n"
        + "  { ?item wdt:P131+ ?value . BIND (wdt:P131 AS ?p) }\n"
        + "  OPTIONAL { ?value rdfs:label ?valueLabel . FILTER (LANG(?valueLabel) = \"en\") }\n"
        + "}\n";
  }

  /**
   * Which of {@code classes} each of {@code types} is, directly or by following {@code P279}
   * upward. Rows: {@code ?type ?class}.
   */
  Map<String, List<Binding>> superclasses(Collection<String> types, Collection<String> classes) {
    List<String> targets = new ArrayList<>(new TreeSet<>(classes));
    return lookup(
        "classes " + String.join(" ", targets),
        types,
        List.of("type", "class"),
        chunk ->
            PREFIXES
                + "SELECT ?type ?class WHERE {\n"
                + "  VALUES ?type { "
                + items(chunk)
                + " }\n"
                + "  VALUES ?class { "
                + items(targets)
                + " }\n"
                + "  ?type wdt:P279* ?class .\n"
                + "}\n");
  }

  /**
   * Hits of Wikidata's fuzzy name search ({@code wbsearchentities}) for each name; empty if no
   * search API is set. Names missing from the cache when offline are absent from the map.
   */
  Map<String, List<SearchHit>> search(Collection<String> names) {
    Map<String, List<SearchHit>> out = new LinkedHashMap<>();
    if (searchApi == null) {
      return out;
    }
    for (String name : new TreeSet<>(names)) {
      String key = key("search " + searchApi, name);
      Optional<String> body = cache.get(key);
      if (body.isEmpty()) {
        if (http == null) {
          continue;
        }
        URI url =
            URI.create(
                searchApi
                    + "?action=wbsearchentities&format=json&language=en&uselang=en&type=item"
                    + "&limit=10&search="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8));
        body = Optional.of(http.get(url));
        parseSearch(body.get(), searchApi);
        cache.put(key, body.get());
      }
      out.put(name, parseSearch(body.get(), searchApi));
    }
    return out;
  }

  /** Reads the documented JSON answer of {@code wbsearchentities}. */
  static List<SearchHit> parseSearch(String body, URI from) {
    try {
      JsonObject json = JSON.parse(body);
      if (json.hasKey("error")) {
        throw new NewsGraphException(from + " answered an error: " + json.get("error"));
      }
      List<SearchHit> hits = new ArrayList<>();
      JsonValue search = json.get("search");
      if (search == null || !search.isArray()) {
        throw new NewsGraphException(from + " answered without a \"search\" list");
      }
      JsonArray array = search.getAsArray();
      for (JsonValue v : array) {
        JsonObject hit = v.getAsObject();
        String id = text(hit, "id");
        if (Iris.isWikidataItem(id)) {
          hits.add(new SearchHit(id, text(hit, "label"), text(hit, "description")));
        }
      }
      return hits;
    } catch (JsonException | ClassCastException e) {
      throw new NewsGraphException(from + " answered something that is not its JSON format", e);
    }
  }

  private static String text(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v != null && v.isString() ? v.getAsString().value() : "";
  }

  // ---- batching and caching

  /**
   * Answers {@code keys}, from the cache or in batches from the endpoint. An answer must have the
   * variables asked for; a names answer with no item for any name, from an endpoint that holds no
   * Wikidata item at all, is refused. Fresh answers are cached only once all of them passed these
   * checks, so a wrong endpoint leaves nothing in the cache.
   */
  private Map<String, List<Binding>> lookup(
      String kind,
      Collection<String> keys,
      List<String> expected,
      Function<List<String>, String> query) {
    String keyVar = expected.get(0);
    String shown = kind.split(" ")[0];
    Map<String, List<Binding>> out = new LinkedHashMap<>();
    List<String> todo = new ArrayList<>();
    Set<String> all = new TreeSet<>(keys);
    for (String k : all) {
      Optional<List<Binding>> cached = cache.get(key(kind, k)).flatMap(this::parseCached);
      if (cached.isPresent()) {
        out.put(k, cached.get());
      } else {
        todo.add(k);
      }
    }
    progress.asked(shown, out.size(), all.size(), requests());
    if (http == null || todo.isEmpty()) {
      return out;
    }
    Map<String, String> fresh = new LinkedHashMap<>();
    boolean found = out.values().stream().anyMatch(rows -> !rows.isEmpty());
    for (int i = 0; i < todo.size(); i += batch) {
      List<String> chunk = todo.subList(i, Math.min(todo.size(), i + batch));
      String body = http.sparql(endpoint, query.apply(chunk));
      Rows results = parse(body, endpoint.toString());
      checkShape(results.vars(), expected);
      List<Var> vars = results.vars();
      Map<String, List<Binding>> byKey = new LinkedHashMap<>();
      for (Binding b : results.rows()) {
        Node k = b.get(Var.alloc(keyVar));
        if (k != null) {
          byKey.computeIfAbsent(keyOf(k), x -> new ArrayList<>()).add(b);
        }
      }
      for (String k : chunk) {
        List<Binding> rows = byKey.getOrDefault(k, List.of());
        found |= !rows.isEmpty();
        fresh.put(key(kind, k), json(vars, rows));
        out.put(k, rows);
      }
      progress.asked(shown, out.size(), all.size(), requests());
    }
    if (kind.equals("names") && !found) {
      checkHoldsWikidata(all.size());
    }
    fresh.forEach(cache::put);
    return out;
  }

  private int requests() {
    return http == null ? 0 : http.requests();
  }

  private void checkShape(List<Var> vars, List<String> expected) {
    List<String> names = vars.stream().map(Var::getVarName).toList();
    if (!names.containsAll(expected)) {
      throw new NewsGraphException(
          endpoint
              + " answered with the variables "
              + (names.isEmpty() ? "(none)" : "?" + String.join(", ?", names))
              + " instead of ?"
              + String.join(", ?", expected)
              + ", so it is not a SPARQL endpoint answering the linker's queries; check --endpoint"
              + " (nothing was written or cached)");
    }
  }

  /**
   * No name matched any item: fine for a Wikidata subset that lacks these entities, an error for an
   * endpoint that holds no Wikidata item at all (NewsGraph's own server, another dataset).
   */
  private void checkHoldsWikidata(int names) {
    String probe = PREFIXES + "SELECT ?item WHERE { ?item wdt:P31 ?class } LIMIT 1\n";
    Rows rows = parse(http.sparql(endpoint, probe), endpoint.toString());
    if (rows.rows().isEmpty()) {
      throw new NewsGraphException(
          endpoint
              + " found no item for any of the "
              + names
              + " names and holds no Wikidata item (nothing with wdt:P31), so it is not a"
              + " Wikidata endpoint; check --endpoint (nothing was written or cached)");
    }
  }

  private String key(String kind, String k) {
    return "newsgraph link 1\n" + endpoint + "\n" + kind + "\n" + k;
  }

  private static String keyOf(Node n) {
    if (n.isURI()) {
      Optional<String> item = Iris.wikidataItem(n.getURI());
      if (item.isPresent()) {
        return item.get();
      }
    }
    return n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
  }

  private Optional<List<Binding>> parseCached(String json) {
    try {
      return Optional.of(parse(json, "cache").rows());
    } catch (NewsGraphException e) {
      LOG.warn("ignoring a damaged cache entry in {}: {}", cache.dir(), e.getMessage());
      return Optional.empty();
    }
  }

  /** The variables and rows of a SPARQL JSON results document. */
  record Rows(List<Var> vars, List<Binding> rows) {}

  static Rows parse(String body, String from) {
    try {
      ResultSet rs =
          ResultSetMgr.read(
              new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
              ResultSetLang.RS_JSON);
      List<Binding> rows = new ArrayList<>();
      while (rs.hasNext()) {
        rows.add(rs.nextBinding());
      }
      return new Rows(Var.varList(rs.getResultVars()), rows);
    } catch (RuntimeException e) {
      String start = body.stripLeading();
      String what =
          start.startsWith("<")
              ? "an HTML or XML page"
              : start.isEmpty() ? "an empty body" : "something else";
      throw new NewsGraphException(
          from
              + " answered "
              + what
              + " instead of SPARQL JSON results; check that --endpoint is a SPARQL endpoint"
              + " (nothing was written or cached)",
          e);
    }
  }

  private static String json(List<Var> vars, List<Binding> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultSetMgr.write(
        out, ResultSet.adapt(RowSetStream.create(vars, rows.iterator())), ResultSetLang.RS_JSON);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String items(Collection<String> qids) {
    StringBuilder sb = new StringBuilder();
    for (String q : qids) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append("wd:").append(q);
    }
    return sb.toString();
  }
}
