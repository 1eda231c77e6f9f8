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
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
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
 * The query page and what it needs, served ahead of Fuseki's dispatch: the Fuseki UI at {@code /}
 * (patched by {@link UiAssets}), {@code /newsgraph.js} (the named queries and prefixes for the UI),
 * {@code /queries.json} (the named queries, for any client), {@code /prefixes.json} (prefix
 * completions) and {@code /terms} (class and property completions from the served graph). Every
 * page carries a Content-Security-Policy that lets it load and call nothing but this server.
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

  private static final int MAX_TERMS = 50;

  private final transient UiAssets assets;
  private final byte[] script;
  private final byte[] queriesJson;
  private final byte[] prefixesJson;
  private final transient DatasetGraph dataset;
  private transient volatile Map<String, List<String>> terms;

  QueryPage(UiAssets assets, List<NamedQuery> queries, PrefixMapping prefixes, DatasetGraph data) {
    this.assets = assets;
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
    JsonObject config = new JsonObject();
    config.put("dataset", GraphServer.DATASET);
    config.put("queries", examples);
    config.put("prefixes", prefixMenu);
    this.script =
        ("// NewsGraph: the named queries and prefixes for the query page (read by the patched UI),\n"
                + "// and the query view of /"
                + GraphServer.DATASET
                + " as the page that / opens.\n"
                + "window.NEWSGRAPH = "
                + config
                + ";\n"
                + "if (!window.location.hash || window.location.hash === \"#/\") {\n"
                + "  window.location.replace(\"#/dataset/"
                + GraphServer.DATASET
                + "/query\");\n"
                + "}\n"
                + "// The server is read-only: hide the UI's links to pages that write.\n"
                + "(function () {\n"
                + "  var style = document.createElement(\"style\");\n"
                + "  style.textContent = 'a[href=\"#/manage\"], a[href$=\"/upload\"],"
                + " a[href$=\"/edit\"] { display: none !important; }"
                + " .newsgraph-pages { position: fixed; right: 8px; bottom: 8px; z-index: 9999;"
                + " background: #17324d; padding: 4px 10px; border-radius: 4px; }"
                + " .newsgraph-pages a { color: #fff; margin: 0 6px; }';\n"
                + "  document.head.appendChild(style);\n"
                + "  // Links to the pages for people (entities, network, timeline).\n"
                + "  var nav = document.createElement(\"nav\");\n"
                + "  nav.className = \"newsgraph-pages\";\n"
                + "  nav.setAttribute(\"aria-label\", \"NewsGraph pages\");\n"
                + "  [[\"/entities\", \"Entities\"], [\"/graph\", \"Network\"],"
                + " [\"/timeline\", \"Timeline\"]].forEach(function (l) {\n"
                + "    var a = document.createElement(\"a\");\n"
                + "    a.href = l[0];\n"
                + "    a.textContent = l[1];\n"
                + "    nav.appendChild(a);\n"
                + "  });\n"
                + "  document.addEventListener(\"DOMContentLoaded\", function () {\n"
                + "    document.body.appendChild(nav);\n"
                + "  });\n"
                + "})();\n")
            .getBytes(StandardCharsets.UTF_8);
    this.queriesJson = (named + "\n").getBytes(StandardCharsets.UTF_8);
    this.prefixesJson = (prefixCc + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI();
    Optional<UiAssets.Asset> asset = route(path, req);
    if (asset.isEmpty()) {
      chain.doFilter(req, res);
      return;
    }
    String method = req.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      res.setHeader("Allow", "GET, HEAD");
      res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    send(req, res, asset.get());
  }

  private Optional<UiAssets.Asset> route(String path, HttpServletRequest req) {
    switch (path) {
      case "/", "/index.html" -> {
        return assets.get("index.html");
      }
      case "/favicon.ico" -> {
        return assets.get("favicon.ico");
      }
      case "/newsgraph.js" -> {
        return Optional.of(asset("text/javascript; charset=utf-8", script));
      }
      case "/queries.json" -> {
        return Optional.of(asset("application/json", queriesJson));
      }
      case "/prefixes.json" -> {
        return Optional.of(asset("application/json", prefixesJson));
      }
      case "/terms" -> {
        return Optional.of(
            asset(
                "application/json",
                terms(req.getParameter("type"), req.getParameter("q"))
                    .getBytes(StandardCharsets.UTF_8)));
      }
      default -> {
        if (path.startsWith("/static/")) {
          Optional<UiAssets.Asset> a = assets.get(path.substring(1));
          if (a.isEmpty()) {
            return Optional.of(new UiAssets.Asset("text/plain", null, null, false));
          }
          return a;
        }
        return Optional.empty();
      }
    }
  }

  private static UiAssets.Asset asset(String type, byte[] bytes) {
    return new UiAssets.Asset(type, bytes, null, false);
  }

  private static void send(HttpServletRequest req, HttpServletResponse res, UiAssets.Asset a)
      throws IOException {
    res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    if (a.bytes() == null) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    res.setHeader(
        "Cache-Control", a.immutable() ? "public, max-age=31536000, immutable" : "no-cache");
    res.setContentType(a.contentType());
    byte[] body = a.bytes();
    if (a.gzipped() != null) {
      res.setHeader("Vary", "Accept-Encoding");
      String accept = req.getHeader("Accept-Encoding");
      if (accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip")) {
        res.setHeader("Content-Encoding", "gzip");
        body = a.gzipped();
      }
    }
    res.setContentLength(body.length);
    if (!req.getMethod().equals("HEAD")) {
      res.getOutputStream().write(body);
    }
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
