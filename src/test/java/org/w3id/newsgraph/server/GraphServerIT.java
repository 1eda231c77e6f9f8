package org.w3id.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionFuseki;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.query.NamedQuery;
import org.w3id.newsgraph.query.QueryLibrary;
import org.w3id.newsgraph.query.QueryRunner;
import org.w3id.newsgraph.store.GraphStore;

/**
 * The real embedded server on an ephemeral port, over HTTP, with Jena's own clients (RDFConnection,
 * QueryExecHTTP) and with java.net.http: the protocol, the read-only guarantee, the timeout,
 * SERVICE, the body limit, content negotiation, the query page and many clients at once.
 */
class GraphServerIT {
  static final String TTP_LABEL = "Tehrik-e Taliban Pakistan";
  static final String RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";

  /** A lookup: one label. */
  static final String LOOKUP = "SELECT ?label WHERE { " + lookupPattern() + " }";

  /** Never finishes, but its first rows come at once: a streaming server would have sent them. */
  static final String RUNAWAY =
      "SELECT ?a ?d ?g WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c = ?f && ?f = ?i) }";

  static String lookupPattern() {
    return "<" + Iris.entity("ttp") + "> <" + RDFS_LABEL + "> ?label";
  }

  /** A query that calls another endpoint. */
  static final Pattern FEDERATED = Pattern.compile("(?i)\\bSERVICE\\s*(SILENT\\s*)?[<?]");

  private static GraphStore store;
  private static ServedGraph served;
  private static GraphServer server;
  private static List<NamedQuery> queries;
  private static String base;
  private static String sparql;
  private static long triples;
  private static long defaultGraph;
  private static long timelineRows;

  @BeforeAll
  static void start() {
    queries = new QueryLibrary(Path.of("queries")).list();
    served =
        ServedGraph.start(
            Layout.of(Path.of(".")), true, ServerOptions.defaults().withQueries(queries));
    store = served.store();
    // In-process runs of the named queries (for expected counts) must not call out either.
    store.dataset().getContext().set(ARQ.httpServiceAllowed, false);
    server = served.server();
    base = server.pageUrl();
    sparql = server.endpointUrl();
    triples = store.counts().asserted();
    // served with --inferred: the default graph holds the inferred triples too
    defaultGraph =
        Txn.calculateRead(store.dataset(), () -> store.dataset().getDefaultModel().size());
    timelineRows = QueryRunner.count(store.dataset(), named("attack-timeline"));
    assertTrue(timelineRows > 0);
  }

  @AfterAll
  static void stop() {
    if (served != null) {
      served.close();
    }
  }

  static NamedQuery named(String name) {
    return queries.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
  }

  // ---- the protocol

  @Test
  void listensOnLoopbackOnAnEphemeralPortAndSaysWhere() {
    assertTrue(server.port() > 0);
    assertEquals("http://127.0.0.1:" + server.port() + "/", base);
    assertEquals(base + "kg/sparql", sparql);
    assertTrue(server.isLoopback());
  }

  @Test
  void theSameQueryAnswersAtEveryQueryEndpoint() {
    assertTrue(defaultGraph > triples, "asserted and inferred");
    String count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    for (String path : List.of("kg/sparql", "kg/query", "kg")) {
      try (QueryExecHTTP exec = QueryExecHTTP.service(base + path).query(count).build()) {
        RowSet rows = exec.select();
        long n = ((Number) rows.next().get("n").getLiteralValue()).longValue();
        assertEquals(defaultGraph, n, path);
      }
      // and by GET, as a link would
      HttpResponse<String> r = Http.get(base + path + "?query=" + Http.encode(count), "text/csv");
      assertEquals(200, r.statusCode(), path);
      assertEquals("n\r\n" + defaultGraph + "\r\n", r.body(), path);
    }
  }

  @Test
  void rdfConnectionQueriesAndFetchesTheGraphs() {
    try (RDFConnection conn = RDFConnectionFuseki.service(base + "kg").build()) {
      long[] n = new long[1];
      conn.querySelect(LOOKUP, row -> n[0]++);
      assertEquals(1, n[0]);
      assertTrue(conn.queryAsk("ASK { ?s ?p ?o }"));
      Graph dflt = conn.fetch().getGraph();
      Graph inferred = conn.fetch(Iris.INFERRED_GRAPH).getGraph();
      Txn.executeRead(
          store.dataset(),
          () -> {
            assertTrue(dflt.isIsomorphicWith(store.dataset().asDatasetGraph().getDefaultGraph()));
            assertTrue(
                inferred.isIsomorphicWith(
                    store
                        .dataset()
                        .asDatasetGraph()
                        .getGraph(NodeFactory.createURI(Iris.INFERRED_GRAPH))));
          });
      assertTrue(inferred.size() > 0);
    }
  }

  @Test
  void everyNamedQueryRunsOverHttpWithTheSameRowsAsInProcess() {
    for (NamedQuery q : queries) {
      String text = QueryPage.withPrefixes(q.text(), Iris.prefixes());
      if (FEDERATED.matcher(text).find()) {
        // Calls another endpoint: refused by default, SILENT or not (and never run here: no
        // internet).
        HttpResponse<String> r = Http.query(sparql, text, "text/csv");
        assertEquals(422, r.statusCode(), q.name() + ": " + r.body());
        continue;
      }
      long expected = QueryRunner.count(store.dataset(), q);
      try (QueryExecution exec = QueryExecution.service(sparql).query(text).build()) {
        long got;
        if (exec.getQuery().isSelectType()) {
          got = ResultSetFormatter.consume(exec.execSelect());
        } else if (exec.getQuery().isAskType()) {
          exec.execAsk();
          got = 1;
        } else {
          got =
              exec.getQuery().isConstructType()
                  ? exec.execConstruct().size()
                  : exec.execDescribe().size();
        }
        assertEquals(expected, got, q.name());
      }
    }
  }

  // ---- read-only

  @Test
  void updatesAndGraphStoreWritesAreRefused() {
    try (RDFConnection conn = RDFConnectionFuseki.service(base + "kg").build()) {
      assertThrows(
          RuntimeException.class, () -> conn.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }"));
      Graph g = GraphFactory.createDefaultGraph();
      g.add(
          NodeFactory.createURI("urn:a"),
          NodeFactory.createURI("urn:b"),
          NodeFactory.createURI("urn:c"));
      var model = org.apache.jena.rdf.model.ModelFactory.createModelForGraph(g);
      assertThrows(RuntimeException.class, () -> conn.load(model));
      assertThrows(RuntimeException.class, () -> conn.put(model));
      assertThrows(RuntimeException.class, () -> conn.delete());
    }
    String insert = "INSERT DATA { <urn:a> <urn:b> <urn:c> }";
    assertClientError(post("kg", "application/sparql-update", insert));
    assertClientError(post("kg/sparql", "application/sparql-update", insert));
    assertClientError(post("kg/query", "application/sparql-update", insert));
    assertClientError(post("kg/sparql", "application/x-www-form-urlencoded", "update=" + insert));
    assertClientError(post("kg", "application/x-www-form-urlencoded", "update=" + insert));
    assertStatus(404, post("kg/update", "application/sparql-update", insert));
    String turtle = "<urn:a> <urn:b> <urn:c> .";
    assertStatus(405, post("kg/data?default", "text/turtle", turtle));
    assertStatus(405, request("PUT", "kg/data?default", "text/turtle", turtle));
    assertStatus(405, request("DELETE", "kg/data?default", null, null));
    assertStatus(405, post("kg", "text/turtle", turtle));
    // no admin endpoints that write
    for (String admin :
        List.of("$/datasets?dbName=x&dbType=mem", "$/backup/kg", "$/compact/kg", "$/tasks")) {
      int code = post(admin, "application/x-www-form-urlencoded", "").statusCode();
      assertTrue(code == 404 || code == 405, admin + " answered " + code);
    }
    assertEquals(triples, store.counts().asserted(), "nothing was written");
    assertFalse(
        Txn.calculateRead(
            store.dataset(),
            () ->
                store
                    .dataset()
                    .asDatasetGraph()
                    .contains(
                        org.apache.jena.graph.Node.ANY,
                        NodeFactory.createURI("urn:a"),
                        org.apache.jena.graph.Node.ANY,
                        org.apache.jena.graph.Node.ANY)));
  }

  // ---- errors a client can act on

  @Test
  void aBadQueryGets400WithTheParseError() {
    HttpResponse<String> r =
        Http.query(sparql, "SELECT ?s WHERE { ?s ?p }", "application/sparql-results+json");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("Parse error"), r.body());
    assertTrue(r.body().contains("line 1, column"), r.body());
  }

  @Test
  void serviceCallsAreRefusedByDefaultAndAllowedWithTheOption() {
    String federated =
        "SELECT ?label WHERE { SERVICE <" + sparql + "> { " + lookupPattern() + " } }";
    HttpResponse<String> refused = Http.query(sparql, federated, "text/csv");
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("SERVICE"), refused.body());

    try (GraphServer open =
        new GraphServer(
                store.dataset(), ServerOptions.defaults().withPort(0).withAllowService(true))
            .start()) {
      HttpResponse<String> allowed = Http.query(open.endpointUrl(), federated, "text/csv");
      assertEquals(200, allowed.statusCode(), allowed.body());
      assertEquals("label\r\n" + TTP_LABEL + "\r\n", allowed.body());
    }
  }

  @Test
  void requestBodiesOverTheLimitGet413WhetherTheirLengthIsDeclaredOrNot() throws IOException {
    try (GraphServer small =
        new GraphServer(
                store.dataset(), ServerOptions.defaults().withPort(0).withMaxBodyBytes(4096))
            .start()) {
      String endpoint = small.endpointUrl();
      String big = "SELECT * WHERE { ?s ?p ?o } # " + "x".repeat(10_000);
      HttpResponse<String> declared =
          Http.send(
              HttpRequest.newBuilder(URI.create(endpoint))
                  .header("Content-Type", "application/sparql-query")
                  .POST(HttpRequest.BodyPublishers.ofString(big))
                  .build());
      assertEquals(413, declared.statusCode());
      HttpResponse<String> form = Http.query(endpoint, big, "text/csv");
      assertEquals(413, form.statusCode());
      assertEquals(413, chunked(endpoint, "application/sparql-query", big));
      // under the limit, chunked bodies and forms still work
      assertEquals(200, chunked(endpoint, "application/sparql-query", LOOKUP));
      assertEquals(
          200,
          chunked(endpoint, "application/x-www-form-urlencoded", "query=" + Http.encode(LOOKUP)));
    }
  }

  /** POSTs with chunked transfer encoding (no Content-Length); returns the status. */
  private static int chunked(String endpoint, String type, String body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(endpoint).toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setChunkedStreamingMode(1024);
    c.setRequestProperty("Content-Type", type);
    c.setRequestProperty("Accept", "text/csv");
    try (OutputStream out = c.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the server may answer and close before the whole body is sent
    }
    int code = c.getResponseCode();
    c.disconnect();
    return code;
  }

  // ---- the timeout

  @Test
  void aRunawayQueryIsCutWithAnErrorStatusNotATruncatedSuccess() {
    try (GraphServer strict =
        new GraphServer(
                store.dataset(),
                ServerOptions.defaults().withPort(0).withTimeout(Duration.ofSeconds(1)))
            .start()) {
      long start = System.nanoTime();
      HttpResponse<String> r =
          Http.query(strict.endpointUrl(), RUNAWAY, "application/sparql-results+json");
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(r.body().contains("Query timed out"), r.body());
      assertFalse(r.body().contains("\"bindings\""), "no partial results");
      assertTrue(ms < 10_000, "cut after about a second, took " + ms + " ms");
      // A client may ask for less time, never for more.
      HttpResponse<String> shorter =
          Http.get(
              strict.endpointUrl() + "?timeout=1&query=" + Http.encode(RUNAWAY),
              "application/sparql-results+json");
      assertEquals(503, shorter.statusCode());
      // ordinary queries are not affected
      assertEquals(200, Http.query(strict.endpointUrl(), LOOKUP, "text/csv").statusCode());
    }
  }

  /**
   * The control: stock Fuseki with the same timeout streams this query's first rows, then answers
   * 200 with a truncated body. This is the pitfall {@link BufferedQuery} removes.
   */
  @Test
  void stockFusekiWouldHaveAnsweredTheRunawayQueryWith200AndATruncatedBody() {
    Context cxt = store.dataset().asDatasetGraph().getContext().copy();
    cxt.set(ARQ.queryTimeout, "1000");
    FusekiServer stock =
        FusekiServer.create()
            .fusekiModules(FusekiModules.empty())
            .port(0)
            .loopback(true)
            .add("/kg", new DatasetGraphReadOnly(store.dataset().asDatasetGraph(), cxt), false)
            .build()
            .start();
    try {
      HttpResponse<String> r =
          Http.query(
              "http://127.0.0.1:" + stock.getHttpPort() + "/kg/sparql",
              RUNAWAY,
              "application/sparql-results+json");
      assertEquals(200, r.statusCode(), "stock Fuseki streams: the status went out first");
      assertTrue(r.body().contains("\"bindings\""), "rows were sent");
      assertThrows(
          RuntimeException.class,
          () -> ResultSetMgr.read(stream(r.body()), ResultSetLang.RS_JSON).materialise(),
          "the body is cut short");
    } finally {
      stock.stop();
    }
  }

  @Test
  void aResultOverTheRowLimitIsRefusedNotCut() {
    try (GraphServer capped =
        new GraphServer(store.dataset(), ServerOptions.defaults().withPort(0).withMaxRows(10))
            .start()) {
      HttpResponse<String> r =
          Http.query(capped.endpointUrl(), "SELECT * { ?s ?p ?o }", "text/csv");
      assertEquals(503, r.statusCode());
      assertTrue(r.body().contains("more than 10 rows"), r.body());
      HttpResponse<String> limited =
          Http.query(capped.endpointUrl(), "SELECT * { ?s ?p ?o } LIMIT 10", "text/csv");
      assertEquals(200, limited.statusCode());
      assertEquals(11, limited.body().lines().count());
    }
  }

  // ---- content negotiation

  @ParameterizedTest
  @CsvSource({
    "application/sparql-results+json, application/sparql-results+json, JSON",
    "application/sparql-results+xml, application/sparql-results+xml, XML",
    "text/csv, text/csv, CSV",
    "text/tab-separated-values, text/tab-separated-values, TSV"
  })
  void selectResultsInEveryFormat(String accept, String type, String lang) {
    HttpResponse<String> r = Http.query(sparql, named("attack-timeline").text(), accept);
    assertEquals(200, r.statusCode());
    assertTrue(Http.contentType(r).startsWith(type), Http.contentType(r));
    long rows;
    if (lang.equals("CSV")) {
      rows = ResultSetFormatter.consume(ResultSetMgr.read(stream(r.body()), ResultSetLang.RS_CSV));
      assertTrue(r.body().startsWith("date,attack,place,"), r.body());
    } else {
      Lang l =
          switch (lang) {
            case "JSON" -> ResultSetLang.RS_JSON;
            case "XML" -> ResultSetLang.RS_XML;
            default -> ResultSetLang.RS_TSV;
          };
      ResultSet rs = ResultSetMgr.read(stream(r.body()), l);
      rows = ResultSetFormatter.consume(rs);
    }
    assertEquals(timelineRows, rows);
  }

  @ParameterizedTest
  @CsvSource({
    "text/turtle, TTL",
    "application/ld+json, JSONLD",
    "application/n-triples, NT",
    "application/rdf+xml, RDFXML"
  })
  void constructResultsInEveryFormat(String accept, String lang) {
    String construct =
        "CONSTRUCT { ?a <"
            + RDFS_LABEL
            + "> ?l } WHERE { ?a a <"
            + Iris.term("Attack")
            + "> ; <"
            + RDFS_LABEL
            + "> ?l }";
    HttpResponse<String> r = Http.query(sparql, construct, accept);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(Http.contentType(r).startsWith(accept), Http.contentType(r));
    Graph g = GraphFactory.createDefaultGraph();
    Lang syntax =
        switch (lang) {
          case "TTL" -> Lang.TURTLE;
          case "JSONLD" -> Lang.JSONLD;
          case "NT" -> Lang.NTRIPLES;
          default -> Lang.RDFXML;
        };
    RDFParser.source(stream(r.body())).lang(syntax).parse(g);
    try (QueryExecution exec = QueryExecution.dataset(store.dataset()).query(construct).build()) {
      assertTrue(g.isIsomorphicWith(exec.execConstruct().getGraph()), lang);
    }
    assertTrue(g.size() > 0);
  }

  // ---- the query page

  @Test
  void thePageIsTheFusekiUiWithTheNamedQueriesAndAStrictContentSecurityPolicy() {
    HttpResponse<String> page = Http.get(base, "text/html");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<script src=\"./newsgraph.js\" defer></script>"));
    assertEquals("text/html;charset=utf-8", header(page, "Content-Type"));
    assertEquals("no-cache", header(page, "Cache-Control"));
    String csp = header(page, "Content-Security-Policy");
    assertTrue(csp.contains("default-src 'self'") && csp.contains("connect-src 'self'"), csp);
    assertEquals("nosniff", header(page, "X-Content-Type-Options"));
    assertEquals("no-referrer", header(page, "Referrer-Policy"));

    HttpResponse<String> script = Http.get(base + "newsgraph.js", "*/*");
    assertEquals(200, script.statusCode());
    assertEquals("text/javascript;charset=utf-8", header(script, "Content-Type"));
    assertTrue(script.body().contains("./newsgraph.json"));

    JsonArray list = JSON.parseAny(Http.get(base + "queries.json", "*/*").body()).getAsArray();
    assertEquals(queries.size(), list.size());
    List<String> names = new ArrayList<>();
    list.forEach(v -> names.add(v.getAsObject().getString("name")));
    assertEquals(queries.stream().map(NamedQuery::name).toList(), names);

    HttpResponse<String> prefixes = Http.get(base + "prefixes.json", "*/*");
    assertTrue(prefixes.body().contains("\"ng\" : \"" + Iris.ONTOLOGY + "\""), prefixes.body());

    HttpResponse<String> terms =
        Http.get(base + "terms?type=class&q=" + Http.encode(Iris.ONTOLOGY + "att"), "*/*");
    assertTrue(terms.body().contains(Iris.term("Attack")), terms.body());
    HttpResponse<String> props = Http.get(base + "terms?type=property&q=negot", "*/*");
    assertTrue(props.body().contains(Iris.term("negotiatesWith")), props.body());

    assertEquals(405, post("", "text/plain", "x").statusCode());
    assertEquals(405, post("newsgraph.js", "text/plain", "x").statusCode());
    assertNotEquals(200, Http.get(base + "static/../../pom.xml", "*/*").statusCode());
    assertNotEquals(200, Http.get(base + "static/", "*/*").statusCode(), "no listing");
    assertEquals(404, Http.get(base + "static/none.js", "*/*").statusCode());
  }

  @Test
  void thePageConfigurationHoldsTheNamedQueriesWithTheirPrefixesAndTheUisEntry() {
    HttpResponse<String> r = Http.get(base + "newsgraph.json", "*/*");
    assertEquals(200, r.statusCode());
    assertEquals("application/json", header(r, "Content-Type"));
    assertEquals("no-cache", header(r, "Cache-Control"));
    JsonObject config = JSON.parse(r.body());
    assertEquals(GraphServer.DATASET, config.getString("dataset"));
    JsonArray examples = config.get("queries").getAsArray();
    assertEquals(queries.size(), examples.size());
    for (int i = 0; i < queries.size(); i++) {
      JsonObject example = examples.get(i).getAsObject();
      assertEquals(queries.get(i).title(), example.getString("text"));
      assertEquals(
          QueryPage.withPrefixes(queries.get(i).text(), Iris.prefixes()),
          example.getString("value"));
    }
    List<String> menu = new ArrayList<>();
    config.get("prefixes").getAsArray().forEach(v -> menu.add(v.getAsObject().getString("text")));
    assertEquals(
        new java.util.TreeSet<>(Iris.prefixes().getNsPrefixMap().keySet()).stream().toList(), menu);
    FusekiUi.Entry entry = new FusekiUi().entry();
    JsonObject ui = config.get("ui").getAsObject();
    assertEquals(entry.script(), ui.getString("script"));
    List<String> stylesheets = new ArrayList<>();
    ui.get("stylesheets").getAsArray().forEach(v -> stylesheets.add(v.getAsString().value()));
    assertEquals(entry.stylesheets(), stylesheets);
  }

  @Test
  void theUiFilesAreServedUnchangedCachedForAYearAndGzippedWhenAsked() throws IOException {
    FusekiUi ui = new FusekiUi();
    String script = ui.entry().script().substring(2); // static/index-....js
    byte[] original = ui.read(script);
    HttpResponse<byte[]> plain = bytes(base + script, null);
    assertEquals(200, plain.statusCode());
    assertTrue(java.util.Arrays.equals(original, plain.body()), "served unchanged");
    assertEquals("text/javascript;charset=utf-8", header(plain, "Content-Type"));
    assertEquals("public, max-age=31536000, immutable", header(plain, "Cache-Control"));
    assertEquals("", header(plain, "Content-Encoding"));
    String csp = header(plain, "Content-Security-Policy");
    assertTrue(csp.contains("default-src 'self'"), csp);

    HttpResponse<byte[]> gzipped = bytes(base + script, "gzip, deflate");
    assertEquals(200, gzipped.statusCode());
    assertEquals("gzip", header(gzipped, "Content-Encoding"));
    assertTrue(header(gzipped, "Vary").contains("Accept-Encoding"));
    assertTrue(gzipped.body().length < original.length / 2, "compressed");
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertTrue(java.util.Arrays.equals(original, in.readAllBytes()), "the same file");
    }
    String css = ui.entry().stylesheets().get(0).substring(2);
    HttpResponse<byte[]> style = bytes(base + css, "gzip");
    assertEquals("text/css;charset=utf-8", header(style, "Content-Type"));
    assertEquals("gzip", header(style, "Content-Encoding"));
    assertEquals("gzip", header(bytes(base, "gzip"), "Content-Encoding"), "the page too");

    HttpResponse<byte[]> icon = bytes(base + "favicon.ico", "gzip");
    assertEquals(200, icon.statusCode());
    assertEquals("image/x-icon", header(icon, "Content-Type"));
    assertEquals("no-cache", header(icon, "Cache-Control"));
    assertTrue(java.util.Arrays.equals(ui.read("favicon.ico"), icon.body()));

    // the SPARQL endpoint is not compressed (its results are sent as computed)
    HttpRequest query =
        HttpRequest.newBuilder(URI.create(sparql + "?query=" + Http.encode("ASK {}")))
            .header("Accept-Encoding", "gzip")
            .build();
    assertEquals("", header(Http.sendBytes(query), "Content-Encoding"));
  }

  private static HttpResponse<byte[]> bytes(String url, String acceptEncoding) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    return Http.sendBytes(request.build());
  }

  private static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse("");
  }

  @Test
  void theStatusEndpointsThePageUsesAreThereAndReadOnly() {
    assertEquals(200, Http.get(base + "$/ping", "*/*").statusCode());
    HttpResponse<String> status = Http.get(base + "$/server", "application/json");
    assertEquals(200, status.statusCode());
    assertTrue(status.body().contains("\"/kg\""), status.body());
    assertEquals(200, Http.get(base + "$/stats/kg", "application/json").statusCode());
  }

  @Test
  void bindsTheLoopbackAddressItWasGivenAndNoOther() throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
      assertTrue(s.isConnected());
    }
    try (Socket s = new Socket()) {
      assertThrows(
          ConnectException.class,
          () -> s.connect(new InetSocketAddress("127.0.0.2", server.port()), 2000),
          "127.0.0.2 is this machine too, but the server listens on 127.0.0.1 only");
    }
  }

  // ---- many clients at once

  @Test
  void eightClientsTimesTwoHundredQueriesGiveNoErrors() throws Exception {
    int clients = 8;
    int perClient = 200;
    String timeline = named("attack-timeline").text();
    String lookupUrl = sparql + "?query=" + Http.encode(LOOKUP);
    String timelineUrl = sparql + "?query=" + Http.encode(timeline);
    AtomicInteger ok = new AtomicInteger();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perClient; i++) {
                    boolean lookup = i % 2 == 0;
                    HttpResponse<String> r = Http.get(lookup ? lookupUrl : timelineUrl, "text/csv");
                    long lines = r.body().lines().count() - 1;
                    long expected = lookup ? 1 : timelineRows;
                    if (r.statusCode() != 200 || lines != expected) {
                      errors.add(r.statusCode() + " with " + lines + " rows");
                    } else {
                      ok.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(List.of(), new ArrayList<>(errors));
    assertEquals(clients * perClient, ok.get());
    System.out.printf(
        "concurrency: %d clients x %d queries, 0 errors, %d ms, %.0f queries/s%n",
        clients, perClient, ms, clients * perClient * 1000.0 / ms);
  }

  // ---- helpers

  private static HttpResponse<String> post(String path, String type, String body) {
    return request("POST", path, type, body);
  }

  private static HttpResponse<String> request(
      String method, String path, String type, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (type != null) {
      b.header("Content-Type", type);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return Http.send(b.build());
  }

  private static void assertClientError(HttpResponse<String> r) {
    assertTrue(
        r.statusCode() >= 400 && r.statusCode() < 500,
        r.uri() + " answered " + r.statusCode() + ": " + r.body());
  }

  private static void assertStatus(int expected, HttpResponse<String> r) {
    assertEquals(expected, r.statusCode(), r.uri() + ": " + r.body());
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
