package org.w3id.newsgraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.LoadException;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.pages.SourceTexts;
import org.w3id.newsgraph.query.NamedQuery;
import org.w3id.newsgraph.query.QueryLibrary;
import org.w3id.newsgraph.server.GraphServer;
import org.w3id.newsgraph.server.PortInUseException;
import org.w3id.newsgraph.server.ServerOptions;
import org.w3id.newsgraph.store.GraphCache;
import org.w3id.newsgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/** {@code newsgraph serve}: a read-only SPARQL endpoint and query page over the graph. */
@Command(
    name = "serve",
    header = "Serve the graph read-only over SPARQL, with pages for people.",
    mixinStandardHelpOptions = true,
    description = {
      "Loads and validates the graph, then serves it read-only: SPARQL 1.1 Protocol",
      "at /kg/sparql (and /kg/query), Graph Store Protocol (read) at /kg/data, and a",
      "query page with the named queries at /, and pages for people: entities at",
      "/id/<id> (also Turtle and JSON-LD), articles at /source/<id>, a network at",
      "/graph, a timeline at /timeline, search at /entities. A broken graph is never served;",
      "a graph that passed every check is cached and read back while nothing changed.",
      "Safe by default: this machine only, a query timeout, no SERVICE calls, small",
      "requests. Stops on Ctrl-C or SIGTERM."
    })
final class ServeCommand implements Callable<Integer> {
  @ParentCommand private NewsGraphCommand root;
  @Mixin private InputOptions input;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "" + ServerOptions.DEFAULT_PORT,
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = ServerOptions.DEFAULT_HOST,
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). 0.0.0.0 listens"
              + " on every interface: anyone who can reach it can query it.")
  private String host;

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description =
          "Keep the graph in a TDB2 store in DIR (as 'newsgraph build --store DIR' makes it: one"
              + " named graph per article, the default graph their union), updated from the CSV"
              + " when the ontology or the triples changed since it was built (only the changed"
              + " articles), otherwise opened as is. Without it the graph is built in memory at"
              + " every start.")
  private Path store;

  @Option(
      names = "--inferred",
      description =
          "Also serve what the ontology entails (inverse, symmetric and transitive relations,"
              + " superclasses, property chains), as query --inferred has it: in the default graph,"
              + " and also in the named graph "
              + Iris.INFERRED_GRAPH
              + " to tell them apart.")
  private boolean inferred;

  @Option(
      names = "--no-cache",
      description =
          "Load and check the CSV even if nothing changed since an earlier start. Without it, a"
              + " graph that passed every check is kept in $XDG_CACHE_HOME/newsgraph (or"
              + " ~/.cache/newsgraph) and read back while its inputs and this jar stay the same.")
  private boolean noCache;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Longest a query may run, e.g. 10s, 500ms, 2m (default: ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Option(
      names = "--allow-service",
      description = "Let queries call other endpoints with SERVICE (off by default: SSRF).")
  private boolean allowService;

  @Option(
      names = "--allow-host",
      paramLabel = "NAME",
      description =
          "Also answer requests for this host name (e.g. the name of a reverse proxy);"
              + " repeatable. Requests for other names get 421 (DNS rebinding).")
  private List<String> allowHosts = new ArrayList<>();

  @Option(
      names = "--queries",
      paramLabel = "DIR",
      description =
          "Folder of named queries shown on the query page (default: queries, if present).")
  private Path queries;

  @Option(
      names = "--max-body",
      paramLabel = "SIZE",
      defaultValue = "1m",
      converter = SizeConverter.class,
      description = "Largest request body accepted, e.g. 64k, 1m (default: ${DEFAULT-VALUE}).")
  private long maxBody;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      defaultValue = "" + ServerOptions.DEFAULT_MAX_ROWS,
      description = "Most rows a SELECT may return (default: ${DEFAULT-VALUE}).")
  private long maxRows;

  @Override
  public Integer call() throws InterruptedException {
    ServerOptions options = options();
    if (port != 0) {
      checkPort(); // fail before the graph is loaded
    }
    GraphStore graph = open();
    GraphServer server;
    Warmup.await();
    try {
      server = new GraphServer(graph.dataset(), options, SourceTexts.of(input.layout())).start();
    } catch (PortInUseException e) {
      graph.close();
      throw portInUse(e);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    PrintStream out = root.streams().out();
    PrintStream err = root.streams().err();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  graph.close();
                  err.println("newsgraph: stopped");
                  err.flush();
                  stopped.countDown();
                },
                "newsgraph-shutdown"));
    if (!server.isLoopback()) {
      err.println(
          "warning: listening on "
              + host
              + ", not only on this machine: anyone who can reach port "
              + server.port()
              + " can query the graph (read-only, no authentication)");
    }
    report(out, graph, server, options);
    root.streams().flush();
    stopped.await();
    return Main.OK;
  }

  private void checkPort() {
    try {
      GraphServer.checkAvailable(host, port);
    } catch (PortInUseException e) {
      throw portInUse(e);
    }
  }

  private static NewsGraphException portInUse(PortInUseException e) {
    return new NewsGraphException(
        ErrorId.PORT_IN_USE,
        "port " + e.port() + " is in use; choose another with --port (0 picks a free one)",
        e);
  }

  private ServerOptions options() {
    return new ServerOptions(
        host, port, timeout, allowService, maxBody, maxRows, namedQueries(), allowHosts);
  }

  /** {@code --timeout}: {@link ServerOptions#parseDuration}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return ServerOptions.parseDuration(value);
      } catch (NewsGraphException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --max-body}: {@link ServerOptions#parseSize}. */
  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return ServerOptions.parseSize(value);
      } catch (NewsGraphException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  private List<NamedQuery> namedQueries() {
    if (queries != null) {
      return new QueryLibrary(queries).list();
    }
    Path dflt = Path.of("queries");
    return Files.isDirectory(dflt) ? new QueryLibrary(dflt).list() : List.of();
  }

  private GraphStore open() {
    int maxErrors = input.maxErrors();
    if (store == null) {
      Optional<GraphCache> cache = noCache ? Optional.empty() : cache();
      return cache.isPresent()
          ? GraphStore.inMemory(input.layout(), inferred, maxErrors, cache.get())
          : GraphStore.inMemory(input.layout(), inferred, maxErrors);
    }
    try {
      return GraphStore.tdb2(
          store,
          input.layout(),
          inferred,
          maxErrors,
          ProgressLine.forTerminal(root.streams().err(), "building"));
    } catch (LoadException e) {
      throw new NewsGraphException(
          ErrorId.INVALID_INPUT,
          e.getMessage() + "\nNot serving; the store " + store + " was left as it was.",
          e);
    }
  }

  /**
   * The cache of checked graphs, when NewsGraph runs from a jar (whose name, size and time stand
   * for the code that checked them): in {@code $XDG_CACHE_HOME/newsgraph}, else {@code
   * ~/.cache/newsgraph}.
   */
  private static Optional<GraphCache> cache() {
    Optional<Path> jar = Launcher.jar();
    if (jar.isEmpty()) {
      return Optional.empty();
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    try {
      String code =
          jar.get().getFileName()
              + ":"
              + Files.size(jar.get())
              + ":"
              + Files.getLastModifiedTime(jar.get()).toMillis();
      return Optional.of(GraphCache.in(base.resolve("newsgraph"), code));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void report(PrintStream out, GraphStore graph, GraphServer server, ServerOptions o) {
    GraphStore.Counts counts = graph.counts();
    String from =
        switch (graph.origin()) {
          case MEMORY -> "in memory";
          case CACHED -> "in memory (checked at an earlier start; inputs unchanged)";
          case BUILT -> "from the store " + store + " (built from the CSV)";
          case REUSED -> "from the store " + store + " (unchanged since it was built)";
        };
    out.printf(
        "Serving %d triples%s %s.%n",
        counts.asserted(), inferred ? " and " + counts.inferred() + " inferred" : "", from);
    out.println("  SPARQL endpoint: " + server.endpointUrl());
    out.println("  Query page:      " + server.pageUrl());
    out.println("  Pages:           " + server.pageUrl() + "entities (also /graph, /timeline)");
    out.println(
        "  Try:             curl -H 'Accept: text/csv' --data-urlencode"
            + " 'query=SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 3' "
            + server.endpointUrl());
    out.printf(
        "Read-only; queries time out after %s; SERVICE calls are %s. Ctrl-C stops.%n",
        ServerOptions.format(o.timeout()), o.allowService() ? "ALLOWED" : "off");
  }
}
