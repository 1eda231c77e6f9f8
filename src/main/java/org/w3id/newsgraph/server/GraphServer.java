package org.w3id.newsgraph.server;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.pages.Pages;
import org.w3id.newsgraph.pages.PagesFilter;
import org.w3id.newsgraph.pages.SourceTexts;
import org.w3id.newsgraph.query.SpreadsheetSafeCsv;

/**
 * A read-only SPARQL endpoint over a dataset: an embedded Apache Jena Fuseki with the query page.
 *
 * <ul>
 *   <li>{@code /kg/sparql}, {@code /kg/query} and {@code /kg}: the SPARQL 1.1 Protocol (query
 *       only); {@code /kg/data} and {@code /kg/get}: the Graph Store Protocol, read only.
 *   <li>{@code /}: the query page (the Fuseki UI, with the named queries as examples); {@code
 *       /queries.json}: the named queries; {@code /$/ping}, {@code /$/server}, {@code /$/stats}:
 *       the read-only status the page uses.
 *   <li>{@code /entities}, {@code /id/<id>}, {@code /source/<id>}, {@code /graph}, {@code
 *       /timeline}: the pages for people ({@link PagesFilter}).
 * </ul>
 *
 * Safe by default: the dataset is wrapped read-only and no update or admin endpoint exists; it
 * listens on {@link ServerOptions#host()} (loopback unless told otherwise); queries run under
 * {@link ServerOptions#timeout()} and SELECT results are computed before sending, so a timeout is a
 * 503, never a truncated 200; {@code SERVICE} is refused (422) unless allowed; request bodies over
 * {@link ServerOptions#maxBodyBytes()} get 413. Never prints; build, {@link #start()}, {@link
 * #stop()}.
 */
public final class GraphServer implements AutoCloseable {
  /** The name of the dataset, and the first segment of its endpoints' paths. */
  public static final String DATASET = "kg";

  /** Jetty's response buffer (Jetty's own default is 32 KiB). */
  static final int OUTPUT_BUFFER = 64 * 1024;

  private final ServerOptions options;
  private final FusekiServer server;
  private boolean started;

  /**
   * Prepares a server for {@code dataset} (not yet listening).
   *
   * @param dataset the dataset to serve; it is never written to
   */
  public GraphServer(Dataset dataset, ServerOptions options) {
    this(dataset, options, SourceTexts.none());
  }

  /**
   * Prepares a server for {@code dataset} whose pages show the article texts of {@code texts}.
   *
   * @param dataset the dataset to serve; it is never written to
   */
  public GraphServer(Dataset dataset, ServerOptions options, SourceTexts texts) {
    this.options = options;
    SpreadsheetSafeCsv.register();
    DatasetGraph served = readOnly(dataset.asDatasetGraph(), options);
    FusekiUi ui = new FusekiUi();
    Optional<String> uiFiles = ui.base();
    FusekiServer.Builder builder =
        FusekiServer.create()
            // No modules from the class path: in particular never the admin module, which has
            // write operations (POST /$/datasets).
            .fusekiModules(FusekiModules.empty())
            .port(options.port())
            .registerOperation(
                Operation.Query,
                WebContent.contentTypeSPARQLQuery,
                new BufferedQuery(
                    options.maxRows(), options.timeout().toMillis(), options.allowService()))
            .add("/" + DATASET, served, false)
            .enablePing(true)
            .enableStats(true)
            .addServlet("/$/server", new ActionServerStatus())
            .addFilter("/*", new RequestGuard(options))
            .addFilter("/*", new BodyLimit(options.maxBodyBytes()))
            .addFilter("/*", new PagesFilter(new Pages(served, texts)));
    if (uiFiles.isPresent()) {
      builder.addFilter(
          "/*", new QueryPage(ui.entry(), options.queries(), Iris.prefixes(), served));
    }
    this.server = builder.build();
    Server jetty = server.getJettyServer();
    uiFiles.ifPresent(base -> serveUi(base, jetty));
    for (Connector c : jetty.getConnectors()) {
      if (c instanceof ServerConnector connector) {
        connector.setHost(options.host());
        HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
        if (http != null) {
          // Fuseki asks for 5 MiB, which Jetty allocates (and zeroes) afresh for every response:
          // most of the cost of a small query. Results are computed in full before they are sent
          // (BufferedQuery), so a large buffer buys nothing here.
          http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER);
          // No version in the Server header nor on Jetty's error pages.
          http.getHttpConfiguration().setSendServerVersion(false);
        }
      }
    }
  }

  /**
   * Serves the query page's files unchanged with Jetty's {@link ResourceServlet}: NewsGraph's page
   * at {@code /} ({@code index.html}, {@code newsgraph.js}, {@code newsgraph.css}: the {@code
   * page/} folder beside this class) and the Fuseki UI's files from {@code ui}: {@code /static/...}
   * (named by a hash of their content, so cached for a year) and {@code /favicon.ico}. The rest
   * revalidate on each load; text is gzipped when the client accepts it; no directory is listed.
   * (Fuseki's {@code staticFileBase} would map a DefaultServlet to every path, making a POST to a
   * path that does not exist a 405 instead of Fuseki's 404.)
   */
  // GzipHandler is deprecated in Jetty 12.1 for CompressionHandler, which lives in separate
  // artifacts (jetty-compression-*) that Fuseki does not bring; GzipHandler ships with Jetty 12.1.
  @SuppressWarnings("removal")
  private void serveUi(String ui, Server jetty) {
    ServletContextHandler context =
        ServletContextHandler.getServletContextHandler(server.getServletContext());
    // Text in UTF-8, said so in Content-Type; the icon under its common name.
    MimeTypes.Mutable types = context.getMimeTypes();
    Map.of("html", "text/html", "js", "text/javascript", "css", "text/css")
        .forEach((extension, type) -> types.addMimeMapping(extension, type + ";charset=utf-8"));
    types.addMimeMapping("ico", "image/x-icon");
    String index = GraphServer.class.getResource("page/index.html").toExternalForm();
    ServletHolder page = files(index.substring(0, index.lastIndexOf('/') + 1), "no-cache");
    context.addServlet(page, ""); // the root alone: index.html is its welcome file
    QueryPage.PAGE.forEach(path -> context.addServlet(page, path));
    // A ResourceServlet resolves the path after its mapping: /static/x.js is static/x.js of ui.
    context.addServlet(files(ui + "static/", "public, max-age=31536000, immutable"), "/static/*");
    context.addServlet(files(ui, "no-cache"), "/favicon.ico");
    GzipHandler gzip = new GzipHandler();
    gzip.setIncludedPaths("/static/*", "^/(index\\.html|newsgraph\\.(js|css|json))?$");
    gzip.setHandler(jetty.getHandler());
    jetty.setHandler(gzip);
  }

  private static ServletHolder files(String base, String cacheControl) {
    ServletHolder holder = new ServletHolder(ResourceServlet.class);
    holder.setInitParameter("baseResource", base);
    holder.setInitParameter("cacheControl", cacheControl);
    holder.setInitParameter("dirAllowed", "false");
    return holder;
  }

  /** The dataset as served: read-only, with the timeout and SERVICE policy in its context. */
  private static DatasetGraph readOnly(DatasetGraph dsg, ServerOptions options) {
    Context context = dsg.getContext() == null ? new Context() : dsg.getContext().copy();
    context.set(ARQ.queryTimeout, Long.toString(options.timeout().toMillis()));
    context.set(ARQ.httpServiceAllowed, options.allowService());
    return new DatasetGraphReadOnly(dsg, context);
  }

  /**
   * Starts listening.
   *
   * @throws PortInUseException if the port is taken
   * @throws NewsGraphException if the server cannot listen on the host and port for another reason
   */
  public synchronized GraphServer start() {
    if (started) {
      return this;
    }
    if (options.port() != 0) {
      checkAvailable(options.host(), options.port());
    }
    try {
      server.start();
    } catch (RuntimeException e) {
      stopQuietly();
      BindException bind = cause(e, BindException.class);
      if (bind != null && String.valueOf(bind.getMessage()).contains("in use")) {
        throw new PortInUseException(options.host(), options.port(), e);
      }
      Throwable root = bind != null ? bind : rootCause(e);
      throw new NewsGraphException(
          ErrorId.CANNOT_LISTEN,
          "cannot listen on " + options.host() + " port " + options.port() + ": " + message(root),
          e);
    }
    started = true;
    return this;
  }

  /** The port the server listens on (the real one when {@link ServerOptions#port()} was 0). */
  public int port() {
    if (!started) {
      throw new IllegalStateException("the server is not started");
    }
    return server.getHttpPort();
  }

  /** The options it was built with. */
  public ServerOptions options() {
    return options;
  }

  /** The URL of the query page, e.g. {@code http://127.0.0.1:3030/}. */
  public String pageUrl() {
    return "http://" + urlHost() + ":" + port() + "/";
  }

  /** The URL of the SPARQL endpoint, e.g. {@code http://127.0.0.1:3030/kg/sparql}. */
  public String endpointUrl() {
    return pageUrl() + DATASET + "/sparql";
  }

  /** Whether the server only accepts connections from this machine. */
  public boolean isLoopback() {
    return isLoopback(options.host());
  }

  /**
   * Whether {@code host} names a loopback address (a name is resolved; an unknown name is not
   * loopback).
   */
  public static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Stops the server; waits for requests under way to end. Idempotent. */
  public synchronized void stop() {
    if (started) {
      started = false;
      server.stop();
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private String urlHost() {
    String host = options.host();
    try {
      InetAddress address = InetAddress.getByName(host);
      if (address.isAnyLocalAddress()) {
        return address instanceof Inet6Address ? "[::1]" : "127.0.0.1";
      }
      if (address instanceof Inet6Address && host.contains(":")) {
        return "[" + host + "]";
      }
    } catch (UnknownHostException e) {
      // shown as given
    }
    return host;
  }

  /**
   * Checks that a server could listen on {@code host} and {@code port} now, to fail fast with a
   * clear message (Jetty would log a stack trace).
   *
   * @throws PortInUseException if the port is taken
   * @throws NewsGraphException if the host is unknown or not an address of this machine
   */
  public static void checkAvailable(String host, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(host, port));
    } catch (BindException e) {
      if (String.valueOf(e.getMessage()).contains("in use")) {
        throw new PortInUseException(host, port, e);
      }
      throw new NewsGraphException(
          ErrorId.CANNOT_LISTEN,
          "cannot listen on " + host + " port " + port + ": " + message(e),
          e);
    } catch (IOException | RuntimeException e) {
      throw new NewsGraphException(
          ErrorId.CANNOT_LISTEN,
          "cannot listen on " + host + " port " + port + ": " + message(e),
          e);
    }
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (RuntimeException e) {
      // the start failure is the one to report
    }
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String message(Throwable t) {
    if (t instanceof java.nio.channels.UnresolvedAddressException) {
      return "unknown host";
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
