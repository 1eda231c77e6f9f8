package org.w3id.newsgraph.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.export.ExportFormat;
import org.w3id.newsgraph.export.GraphStreamWriter;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.load.LoadListener;
import org.w3id.newsgraph.load.LoadResult;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.util.FileTrees;

/**
 * Keeps a remote SPARQL store (a dataset URL such as {@code http://host:3030/ds} of Fuseki,
 * GraphDB, Oxigraph, Virtuoso...) up to date with the inputs, and records what was pushed in the
 * store itself, in the graph {@value Iris#STATE_GRAPH} (one literal holding the same record a TDB2
 * store keeps in its folder), so a second run pushes only what changed.
 *
 * <p>The changed graphs go in batches of about {@value #BATCH_BYTES} bytes, two requests each: a
 * SPARQL 1.1 Update {@code DROP SILENT GRAPH} of the batch's graphs, then one {@code POST} of their
 * N-Quads to the dataset URL, which adds them (Fuseki does, tested; RDF4J's and Oxigraph's
 * documentation say theirs take posted quads). Few large transactions keep the store small:
 * Fuseki's TDB2 grows by the index blocks each transaction touches, and one transaction per graph
 * grew it to 39 GB for 1 M facts. A store that refuses either request ({@code 400}, {@code 404},
 * {@code 405}, {@code 406}, {@code 413} (a batch too large for it), {@code 415}, {@code 501}) gets
 * every graph from then on with the Graph Store Protocol, {@code PUT ?graph=IRI}, which replaces
 * one graph. The graphs of removed articles are dropped the same way (or sent {@code DELETE
 * ?graph=IRI}).
 *
 * <p>Everything is validated before the first request: invalid inputs never reach the store. One
 * pass over the inputs validates them and writes each graph to send to a temporary file of its own
 * (so a push needs as much free disk as the changed graphs take as N-Quads); then the graphs are
 * streamed from there. A request that fails on the network or with a 5xx status is retried (three
 * attempts, with a pause), another refusal (4xx) stops the push with the store's answer. Before the
 * first graph the recorded state is replaced by one that claims none of what this push changes, and
 * the new state is written last: a push that stops half way is completed by the next run.
 */
public final class RemoteStore {
  /** About how many bytes of N-Quads one batch sends (the graphs are not split). */
  public static final long BATCH_BYTES = 64L << 20;

  /** How many graphs one request drops at most. */
  private static final int DROPS = 1000;

  private static final int ATTEMPTS = 3;
  private static final String NTRIPLES = "application/n-triples";
  private static final String NQUADS = "application/n-quads";
  private static final String UPDATE = "application/sparql-update";

  /** The answers of a store that does not take a batched request. */
  private static final Set<Integer> NOT_SUPPORTED = Set.of(400, 404, 405, 406, 413, 415, 501);

  private static final org.apache.jena.graph.Node STATE = NodeFactory.createURI(Iris.STORE_STATE);

  private final URI dataset;
  private final HttpClient http;
  private final long batchBytes;

  /** The {@code Authorization} header for the URL's user and password, or null. */
  private final String authorization;

  /** Set once the store refuses a batched request: from then on, one graph per request. */
  private boolean perGraph;

  /**
   * @param dataset the URL of the dataset, e.g. {@code http://127.0.0.1:3030/ds}; a user and
   *     password in it ({@code http://USER:PASSWORD@host/ds}) are sent with every request (HTTP
   *     Basic authentication) and never shown in a message
   */
  public RemoteStore(URI dataset) {
    this(dataset, BATCH_BYTES);
  }

  /**
   * @param dataset the dataset URL, as for {@link #RemoteStore(URI)}
   * @param batchBytes about how many bytes of N-Quads to send in one request
   */
  RemoteStore(URI dataset, long batchBytes) {
    this.batchBytes = batchBytes;
    String scheme = dataset.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new NewsGraphException("not an http or https URL: " + withoutUser(dataset));
    }
    String user = dataset.getUserInfo();
    this.authorization =
        user == null
            ? null
            : "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    this.dataset = withoutUser(dataset);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            // a password is not sent on to wherever a redirect points
            .followRedirects(
                authorization == null ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Validates {@code layout} and pushes what changed since the last push.
   *
   * @throws org.w3id.newsgraph.load.LoadException if the inputs are not valid (nothing is sent)
   * @throws NewsGraphException if the store cannot be reached or refuses a request
   */
  public GraphStore.Build push(Layout layout, int maxErrors, LoadListener listener) {
    StoreState old = readState();
    FileDigests files = FileDigests.inMemory(); // each input file is read once
    String settings = InputDigest.settings(layout, files, "format=" + GraphStore.FORMAT);
    String digest = InputDigest.of(layout, files, "format=" + GraphStore.FORMAT);
    if (old.digest().equals(digest)) {
      return GraphStore.Build.NONE;
    }
    Map<String, String> articleDigests = InputDigest.articles(layout, files);
    boolean full = !old.settings().equals(settings);
    StoreState base = full ? StoreState.NONE : old;
    Path spool = tempFolder();
    try {
      // One pass validates everything and writes each graph to send to a file of its own; nothing
      // is sent unless all of it is valid. A shared graph whose triples are those already sent
      // (the entities and links, when only an article changed) is not sent again.
      Map<String, Path> toSend = new LinkedHashMap<>();
      Map<String, String> shared = new TreeMap<>();
      LoadResult result =
          NewsGraph.stream(
              layout,
              maxErrors,
              base.plan(articleDigests),
              (iri, graph) -> {
                if (!GraphStore.shared(iri, graph, shared).equals(base.graphs().get(iri))) {
                  toSend.put(iri, spool(iri, graph, spool.resolve(toSend.size() + ".nq")));
                }
              },
              listener);
      if (full) {
        toSend.put(
            Iris.ONTOLOGY_GRAPH,
            spool(Iris.ONTOLOGY_GRAPH, result.ontology(), spool.resolve(toSend.size() + ".nq")));
      }
      // Until the new record is sent, the record claims nothing this push may change: a push
      // stopped half way sends those graphs again next time.
      Path state = spool.resolve("state.nt");
      put(Iris.STATE_GRAPH, spool(stateGraph(old.pending(result)), state));
      listener.sent(0, toSend.size());
      List<String> batch = new ArrayList<>();
      long bytes = 0;
      int sent = 0;
      for (Map.Entry<String, Path> graph : toSend.entrySet()) {
        batch.add(graph.getKey());
        bytes += size(graph.getValue());
        if (bytes >= batchBytes || batch.size() + sent == toSend.size()) {
          send(batch, toSend, spool);
          sent += batch.size();
          listener.sent(sent, toSend.size());
          batch.clear();
          bytes = 0;
        }
      }
      remove(old.removedBy(result).stream().map(Iris::sourceGraph).toList());
      StoreState next = base.next(result, articleDigests, digest, settings, "").withGraphs(shared);
      put(Iris.STATE_GRAPH, spool(stateGraph(next), state));
      return GraphStore.report(old, next, full);
    } finally {
      try {
        FileTrees.delete(spool);
      } catch (IOException e) {
        // a temporary folder left behind is harmless
      }
    }
  }

  /** {@code uri} without its user and password, so that no message shows them. */
  private static URI withoutUser(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    return URI.create(
        uri.getScheme()
            + "://"
            + uri.getHost()
            + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
            + (uri.getRawPath() == null ? "" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
  }

  /** The dataset's URL, without the user and password it was given with. */
  public URI dataset() {
    return dataset;
  }

  /** A request to {@code uri}, with the URL's user and password if it has them. */
  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
    return authorization == null ? builder : builder.header("Authorization", authorization);
  }

  /** Whether the store refused a batched request, so that graphs go one per request. */
  boolean perGraph() {
    return perGraph;
  }

  /** The state recorded in the store, or {@link StoreState#NONE}. */
  StoreState readState() {
    HttpRequest request =
        request(graphUri(Iris.STATE_GRAPH))
            .header("Accept", NTRIPLES)
            .timeout(Duration.ofMinutes(1))
            .GET()
            .build();
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), "GET");
    if (response.statusCode() == 404) {
      return StoreState.NONE;
    }
    refuseUnlessOk(response, "GET", graph(Iris.STATE_GRAPH));
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(response.body(), Lang.NTRIPLES).parse(g);
    var found = g.find(null, STATE, null);
    return found.hasNext()
        ? StoreState.parse(found.next().getObject().getLiteralLexicalForm())
        : StoreState.NONE;
  }

  private static Graph stateGraph(StoreState state) {
    Graph g = GraphFactory.createDefaultGraph();
    g.add(
        NodeFactory.createURI(Iris.STATE_GRAPH),
        STATE,
        NodeFactory.createLiteralString(state.text()));
    return g;
  }

  /**
   * Sends the graphs {@code iris} (each in its N-Quads file of {@code files}) in one batch: drops
   * them, then posts their quads; or, to a store that does not take that, one {@code PUT} each.
   */
  private void send(List<String> iris, Map<String, Path> files, Path spool) {
    if (!perGraph && drop(iris)) {
      List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
      for (String iri : iris) {
        parts.add(ofFile(files.get(iri)));
      }
      HttpRequest post =
          request(dataset)
              .header("Content-Type", NQUADS)
              .timeout(Duration.ofMinutes(30))
              .POST(
                  HttpRequest.BodyPublishers.concat(
                      parts.toArray(HttpRequest.BodyPublisher[]::new)))
              .build();
      if (batched(send(post, HttpResponse.BodyHandlers.ofString(), "POST"), "POST", iris)) {
        return;
      }
    }
    for (String iri : iris) {
      put(iri, asTriples(iri, files.get(iri), spool.resolve("put.nt")));
    }
  }

  /** Removes the graphs {@code iris}: dropped in batches, or one {@code DELETE} each. */
  private void remove(List<String> iris) {
    for (int from = 0; from < iris.size() && !perGraph; from += DROPS) {
      drop(iris.subList(from, Math.min(iris.size(), from + DROPS)));
    }
    if (perGraph) {
      for (String iri : iris) {
        delete(iri);
      }
    }
  }

  /**
   * Drops the graphs {@code iris} with one SPARQL Update; false if the store does not take it (then
   * {@link #perGraph} is set).
   */
  private boolean drop(List<String> iris) {
    StringBuilder update = new StringBuilder();
    for (String iri : iris) {
      update.append("DROP SILENT GRAPH <").append(iri).append(">;\n");
    }
    HttpRequest post =
        request(dataset)
            .header("Content-Type", UPDATE)
            .timeout(Duration.ofMinutes(10))
            .POST(HttpRequest.BodyPublishers.ofString(update.toString()))
            .build();
    return batched(send(post, HttpResponse.BodyHandlers.ofString(), "POST"), "SPARQL Update", iris);
  }

  /**
   * Whether a batched request was done; false, setting {@link #perGraph}, if the store does not
   * take such requests.
   *
   * @throws NewsGraphException if the store refused it otherwise
   */
  private boolean batched(HttpResponse<String> response, String method, List<String> iris) {
    if (NOT_SUPPORTED.contains(response.statusCode())) {
      perGraph = true;
      return false;
    }
    refuseUnlessOk(response, method, what(iris));
    return true;
  }

  /** Writes {@code graph} as N-Triples to {@code file}, to be sent. */
  private static Path spool(Graph graph, Path file) {
    return spool(null, graph, file);
  }

  /**
   * Writes {@code graph} to {@code file}, to be sent: as N-Quads in the graph {@code graphIri}, or
   * as N-Triples if that is null.
   */
  private static Path spool(String graphIri, Graph graph, Path file) {
    ExportFormat format = graphIri == null ? ExportFormat.NTRIPLES : ExportFormat.NQUADS;
    try (OutputStream out = Files.newOutputStream(file)) {
      GraphStreamWriter.write(out, format, graphIri, graph);
    } catch (IOException | UncheckedIOException e) {
      throw new NewsGraphException("cannot write a temporary file: " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * The graph {@code graphIri} of the N-Quads file {@code quads}, written as N-Triples to {@code
   * file}.
   */
  private static Path asTriples(String graphIri, Path quads, Path file) {
    DatasetGraph quadsRead = DatasetGraphFactory.create();
    RDFParser.source(quads).lang(Lang.NQUADS).parse(quadsRead);
    return spool(quadsRead.getGraph(NodeFactory.createURI(graphIri)), file);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new NewsGraphException("cannot read a temporary file: " + e.getMessage(), e);
    }
  }

  private static HttpRequest.BodyPublisher ofFile(Path file) {
    try {
      return HttpRequest.BodyPublishers.ofFile(file);
    } catch (IOException e) {
      throw new NewsGraphException("cannot read a temporary file: " + e.getMessage(), e);
    }
  }

  /** Replaces the graph {@code graphIri} of the store with the N-Triples of {@code temp}. */
  private void put(String graphIri, Path temp) {
    HttpRequest request =
        request(graphUri(graphIri))
            .header("Content-Type", NTRIPLES)
            .timeout(Duration.ofMinutes(10))
            .PUT(ofFile(temp))
            .build();
    refuseUnlessOk(
        send(request, HttpResponse.BodyHandlers.ofString(), "PUT"), "PUT", graph(graphIri));
  }

  private void delete(String graphIri) {
    HttpRequest request =
        request(graphUri(graphIri)).timeout(Duration.ofMinutes(1)).DELETE().build();
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), "DELETE");
    if (response.statusCode() != 404) { // already gone is what we want
      refuseUnlessOk(response, "DELETE", graph(graphIri));
    }
  }

  private <T> HttpResponse<T> send(
      HttpRequest request, HttpResponse.BodyHandler<T> body, String method) {
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<T> response = http.send(request, body);
        if (response.statusCode() < 500 || attempt == ATTEMPTS) {
          return response;
        }
      } catch (IOException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NewsGraphException("interrupted while talking to the store " + dataset, e);
      }
      pause(attempt);
    }
    String why =
        last instanceof ConnectException
            ? "connection refused (is the server running at this address?)"
            : String.valueOf(last.getMessage());
    throw new NewsGraphException(
        "cannot reach the store " + dataset + " (" + method + ", " + ATTEMPTS + " tries): " + why,
        last);
  }

  /** The graphs of a batch, for a message. */
  private static String what(List<String> iris) {
    return iris.size() == 1
        ? graph(iris.get(0))
        : iris.size() + " graphs (" + graph(iris.get(0)) + ", ...)";
  }

  private static String graph(String iri) {
    return "the graph <" + iri + ">";
  }

  private void refuseUnlessOk(HttpResponse<String> response, String method, String what) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String body = response.body() == null ? "" : response.body().strip();
    String first = body.isEmpty() ? "" : ": " + body.lines().findFirst().orElse("");
    String hint;
    if (status == 401) {
      hint =
          authorization == null
              ? " (the store asks who you are: give a user and password in the URL,"
                  + " http://USER:PASSWORD@host:port/ds)"
              : " (the store did not accept the user and password in the URL)";
    } else if (status / 100 == 3) {
      hint =
          response
              .headers()
              .firstValue("Location")
              .map(l -> " (the store moved to " + l + ": give that URL; a password is not sent on)")
              .orElse("");
    } else if (status == 405 || status == 403) {
      hint =
          " (is it a Graph Store Protocol endpoint that allows updates, e.g. Fuseki with"
              + " --update?)";
    } else {
      hint = "";
    }
    throw new NewsGraphException(
        "the store "
            + dataset
            + " refused "
            + method
            + " of "
            + what
            + ": HTTP "
            + status
            + first
            + hint);
  }

  private URI graphUri(String graphIri) {
    String base = dataset.toString();
    return URI.create(
        base
            + (base.contains("?") ? "&" : "?")
            + "graph="
            + URLEncoder.encode(graphIri, StandardCharsets.UTF_8));
  }

  private static Path tempFolder() {
    try {
      return Files.createTempDirectory("newsgraph-push");
    } catch (IOException e) {
      throw new NewsGraphException("cannot create a temporary file: " + e.getMessage(), e);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(500L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
