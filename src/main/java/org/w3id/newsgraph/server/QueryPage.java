package org.w3id.newsgraph.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.newsgraph.query.NamedQuery;

/**
 * The query page's headers and generated files, ahead of Fuseki's dispatch. Jetty serves the files
 * themselves ({@link GraphServer}): NewsGraph's page ({@code /}: {@code index.html}, {@code
 * newsgraph.js}, {@code newsgraph.css}, resources of this package's {@code page/} folder) and the
 * Fuseki UI it starts ({@code /static/...}, {@code /favicon.ico}), unchanged. This filter adds
 * {@code /newsgraph.json} (what the page needs from this server: the dataset, the named queries as
 * examples, the prefixes, the UI's entry files), {@code /queries.json} (the named queries, for any
 * client), {@code /prefixes.json} (prefix completions) and {@code /terms} (class and property
 * completions from the served graph). Every page and file carries a Content-Security-Policy that
 * lets it load and call nothing but this server; only GET and HEAD are allowed.
 */
final class QueryPage extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /**
   * Only this server: scripts, styles, images, fonts and fetches. Inline styles are allowed (the UI
   * sets some); inline scripts, eval, frames and other origins are not.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
          + " worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none';"
          + " base-uri 'self'; form-action 'self'";

  /** NewsGraph's page: the files of {@code page/} beside this class, at these paths. */
  static final List<String> PAGE = List.of("/index.html", "/newsgraph.js", "/newsgraph.css");

  private static final int MAX_TERMS = 50;

  private final byte[] configJson;
  private final byte[] queriesJson;
  private final byte[] prefixesJson;
  private final transient DatasetGraph dataset;
  private transient volatile Map<String, List<String>> terms;

  QueryPage(
      FusekiUi.Entry ui, List<NamedQuery> queries, PrefixMapping prefixes, DatasetGraph data) {
    this.dataset = data;
    JsonArray examples = new JsonArray();
    JsonArray named = new JsonArray();
    for (NamedQuery q : queries) {
      String text = withPrefixes(q.text(), prefixes);
      JsonObject example = new JsonObject();
      example.put("text", q.title());
      example.put("value", text);
      examples.add(example);
      JsonObject entry = new JsonObject();
      entry.put("name", q.name());
      entry.put("title", q.title());
      entry.put("question", q.question());
      entry.put("query", text);
      named.add(entry);
    }
    JsonArray prefixMenu = new JsonArray();
    JsonObject prefixCc = new JsonObject();
    new TreeMap<>(prefixes.getNsPrefixMap())
        .forEach(
            (p, uri) -> {
              JsonObject entry = new JsonObject();
              entry.put("uri", uri);
              entry.put("text", p);
              prefixMenu.add(entry);
              prefixCc.put(p, uri);
            });
    JsonObject entry = new JsonObject();
    entry.put("script", ui.script());
    JsonArray stylesheets = new JsonArray();
    ui.stylesheets().forEach(stylesheets::add);
    entry.put("stylesheets", stylesheets);
    JsonObject config = new JsonObject();
    config.put("dataset", GraphServer.DATASET);
    config.put("queries", examples);
    config.put("prefixes", prefixMenu);
    config.put("ui", entry);
    this.configJson = json(config);
    this.queriesJson = json(named);
    this.prefixesJson = json(prefixCc);
  }

  private static byte[] json(JsonValue value) {
    return (value + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI();
    byte[] generated = generated(path, req);
    boolean file =
        path.equals("/")
            || PAGE.contains(path)
            || path.equals("/favicon.ico")
            || path.startsWith("/static/");
    if (generated == null && !file) {
      chain.doFilter(req, res);
      return;
    }
    res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    String method = req.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      res.setHeader("Allow", "GET, HEAD");
      res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    if (generated == null) {
      chain.doFilter(req, res); // a file: Jetty's resource servlets
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.setContentType("application/json");
    res.setContentLength(generated.length);
    if (method.equals("GET")) {
      res.getOutputStream().write(generated);
    }
  }

  /** The generated file at {@code path}, or null if it is not one. */
  private byte[] generated(String path, HttpServletRequest req) {
    return switch (path) {
      case "/newsgraph.json" -> configJson;
      case "/queries.json" -> queriesJson;
      case "/prefixes.json" -> prefixesJson;
      case "/terms" ->
          terms(req.getParameter("type"), req.getParameter("q")).getBytes(StandardCharsets.UTF_8);
      default -> null;
    };
  }

  /** Completions in the shape of the Linked Open Vocabularies API the editor expects. */
  private String terms(String type, String q) {
    List<String> all = terms().getOrDefault(type == null ? "" : type, List.of());
    String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    JsonArray results = new JsonArray();
    for (String iri : all) {
      if (results.size() >= MAX_TERMS) {
        break;
      }
      String lower = iri.toLowerCase(Locale.ROOT);
      boolean match =
          query.contains(":")
              ? lower.startsWith(query)
              : localName(lower).startsWith(query) || lower.contains(query);
      if (match) {
        JsonObject result = new JsonObject();
        JsonArray uri = new JsonArray();
        uri.add(iri);
        result.put("uri", uri);
        results.add(result);
      }
    }
    JsonObject out = new JsonObject();
    out.put("results", results);
    return out.toString();
  }

  private static String localName(String iri) {
    int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    return iri.substring(cut + 1);
  }

  /** The classes and properties of the served graph, computed once. */
  private Map<String, List<String>> terms() {
    Map<String, List<String>> t = terms;
    if (t == null) {
      t =
          Map.of(
              "class",
              select(
                  "SELECT DISTINCT ?t { { ?t a owl:Class } UNION { ?t a rdfs:Class }"
                      + " UNION { ?x a ?t } FILTER isIRI(?t) } ORDER BY ?t"),
              "property",
              select(
                  "SELECT DISTINCT ?t { { ?t a owl:ObjectProperty } UNION { ?t a owl:DatatypeProperty }"
                      + " UNION { ?t a owl:AnnotationProperty } UNION { ?t a rdf:Property }"
                      + " UNION { ?s ?t ?o } FILTER isIRI(?t) } ORDER BY ?t"));
      terms = t;
    }
    return t;
  }

  private List<String> select(String body) {
    Query query =
        QueryFactory.create(
            "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
                + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
                + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + body);
    return Txn.calculateRead(
        dataset,
        () -> {
          List<String> out = new ArrayList<>();
          try (QueryExecution exec =
              QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(query).build()) {
            exec.execSelect()
                .forEachRemaining(
                    row -> {
                      RDFNode t = row.get("t");
                      out.add(t.asResource().getURI());
                    });
          }
          return out;
        });
  }

  /**
   * The query text with a {@code PREFIX} line added, after its header comment, for each of {@code
   * prefixes} it does not declare itself (the command line predeclares them; a SPARQL client does
   * not).
   */
  static String withPrefixes(String text, PrefixMapping prefixes) {
    StringBuilder missing = new StringBuilder();
    new TreeMap<>(prefixes.getNsPrefixMap())
        .forEach(
            (p, uri) -> {
              if (!Pattern.compile("(?im)^\\s*PREFIX\\s+" + Pattern.quote(p) + "\\s*:")
                  .matcher(text)
                  .find()) {
                missing.append("PREFIX ").append(p).append(": <").append(uri).append(">\n");
              }
            });
    if (missing.isEmpty()) {
      return text;
    }
    List<String> lines = text.lines().toList();
    int header = 0;
    while (header < lines.size() && lines.get(header).strip().startsWith("#")) {
      header++;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < header; i++) {
      out.append(lines.get(i)).append('\n');
    }
    out.append(missing);
    for (int i = header; i < lines.size(); i++) {
      out.append(lines.get(i)).append('\n');
    }
    return out.toString();
  }
}
