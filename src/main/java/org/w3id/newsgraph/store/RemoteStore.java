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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
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
 * Keeps a remote SPARQL 1.1 Graph Store Protocol endpoint (a dataset URL such as {@code
 * http://host:3030/ds} of Fuseki, GraphDB, Virtuoso, Oxigraph...) up to date with the inputs: each
 * changed article's graph is sent with {@code PUT ?graph=IRI} (idempotent: it replaces the graph),
 * the graphs of removed articles are deleted with {@code DELETE}, and what was pushed is recorded
 * in the store itself, in the graph {@value Iris#STATE_GRAPH} (one literal holding the same record
 * a TDB2 store keeps in its folder), so a second run pushes only what changed.
 *
 * <p>Everything is validated before the first request: invalid inputs never reach the store. One
 * pass over the inputs validates them and writes each graph to send to a temporary file of its own
 * (so a push needs as much free disk as the changed graphs take as N-Triples); then the graphs are
 * streamed from there, one graph per request. A request that fails on the network or with a 5xx
 * status is retried (three attempts, with a pause), a refusal (4xx) stops the push with the store's
 * answer. Before the first graph the recorded state is replaced by one that claims none of what
 * this push changes, and the new state is written last: a push that stops half way is completed by
 * the next run.
 */
public final class RemoteStore {
  private static final int ATTEMPTS = 3;
  private static final String NTRIPLES = "application/n-triples";
  private static final org.apache.jena.graph.Node STATE = NodeFactory.createURI(Iris.STORE_STATE);

  private final URI dataset;
  private final HttpClient http;

  /**
   * @param dataset the Graph Store Protocol URL of the dataset, e.g. {@code
   *     http://127.0.0.1:3030/ds}
   */
  public RemoteStore(URI dataset) {
    String scheme = dataset.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new NewsGraphException("not an http or https URL: " + dataset);
    }
    this.dataset = dataset;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
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
                  toSend.put(iri, spool(graph, spool.resolve(toSend.size() + ".nt")));
                }
              },
              listener);
      if (full) {
        toSend.put(
            Iris.ONTOLOGY_GRAPH, spool(result.ontology(), spool.resolve(toSend.size() + ".nt")));
      }
      // Until the new record is sent, the record claims nothing this push may change: a push
      // stopped half way sends those graphs again next time.
      Path state = spool.resolve("state.nt");
      put(Iris.STATE_GRAPH, spool(stateGraph(old.pending(result)), state));
      for (Map.Entry<String, Path> graph : toSend.entrySet()) {
        put(graph.getKey(), graph.getValue());
      }
      for (String id : old.removedBy(result)) {
        delete(Iris.sourceGraph(id));
      }
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

  /** The state recorded in the store, or {@link StoreState#NONE}. */
  StoreState readState() {
    HttpRequest request =
        HttpRequest.newBuilder(graphUri(Iris.STATE_GRAPH))
            .header("Accept", NTRIPLES)
            .timeout(Duration.ofMinutes(1))
            .GET()
            .build();
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), "GET");
    if (response.statusCode() == 404) {
      return StoreState.NONE;
    }
    refuseUnlessOk(response, "GET", Iris.STATE_GRAPH);
    Graph g = GraphFactory.createDefaultGraph();
    org.apache.jena.riot.RDFParser.fromString(response.body(), org.apache.jena.riot.Lang.NTRIPLES)
        .parse(g);
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

  /** Writes {@code graph} as N-Triples to {@code file}, to be sent. */
  private static Path spool(Graph graph, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      GraphStreamWriter.write(out, ExportFormat.NTRIPLES, "", graph);
    } catch (IOException | UncheckedIOException e) {
      throw new NewsGraphException("cannot write a temporary file: " + e.getMessage(), e);
    }
    return file;
  }

  /** Replaces the graph {@code graphIri} of the store with the N-Triples of {@code temp}. */
  private void put(String graphIri, Path temp) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(graphUri(graphIri))
              .header("Content-Type", NTRIPLES)
              .timeout(Duration.ofMinutes(10))
              .PUT(HttpRequest.BodyPublishers.ofFile(temp))
              .build();
    } catch (IOException e) {
      throw new NewsGraphException("cannot read a temporary file: " + e.getMessage(), e);
    }
    refuseUnlessOk(send(request, HttpResponse.BodyHandlers.ofString(), "PUT"), "PUT", graphIri);
  }

  private void delete(String graphIri) {
    HttpRequest request =
        HttpRequest.newBuilder(graphUri(graphIri)).timeout(Duration.ofMinutes(1)).DELETE().build();
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), "DELETE");
    if (response.statusCode() != 404) { // already gone is what we want
      refuseUnlessOk(response, "DELETE", graphIri);
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

  private void refuseUnlessOk(HttpResponse<String> response, String method, String graphIri) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String body = response.body() == null ? "" : response.body().strip();
    String first = body.isEmpty() ? "" : ": " + body.lines().findFirst().orElse("");
    String hint =
        status == 405 || status == 403 || status == 401
            ? " (is it a Graph Store Protocol endpoint that allows updates, e.g. Fuseki with"
                + " --update?)"
            : "";
    throw new NewsGraphException(
        "the store "
            + dataset
            + " refused "
            + method
            + " of the graph <"
            + graphIri
            + ">: HTTP "
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
