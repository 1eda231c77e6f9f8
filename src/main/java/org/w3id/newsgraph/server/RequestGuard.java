package org.w3id.newsgraph.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.newsgraph.util.Printable;

/**
 * The first filter every request meets:
 *
 * <ul>
 *   <li>answers only for the host names the server was bound for (localhost, IP addresses, {@code
 *       --host}, {@code --allow-host}): any other {@code Host} header, as a DNS rebinding attack
 *       sends it, gets 421 before anything else runs;
 *   <li>sends no {@code Server} header (Fuseki's and Jetty's carry versions);
 *   <li>{@code GET /kg/sparql} (or {@code /kg/query}) without a query gets a short 400 saying how
 *       to ask, not a 404;
 *   <li>{@code HEAD} on the dataset's endpoints answers with the {@code Content-Length} a {@code
 *       GET} would have, and no body.
 * </ul>
 *
 * Each refusal is logged as one line.
 */
final class RequestGuard extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final Set<String> hosts = new LinkedHashSet<>();
  private final String queryPaths;

  RequestGuard(ServerOptions options) {
    hosts.add("localhost");
    hosts.add(normal(options.host()));
    options.allowedHosts().forEach(h -> hosts.add(normal(h)));
    boolean wildcard;
    try {
      wildcard = InetAddress.getByName(options.host()).isAnyLocalAddress();
    } catch (UnknownHostException e) {
      wildcard = false;
    }
    if (wildcard) {
      // Listening on every interface: this machine's own name is how others reach it.
      try {
        InetAddress self = InetAddress.getLocalHost();
        hosts.add(normal(self.getHostName()));
        hosts.add(normal(self.getCanonicalHostName()));
      } catch (UnknownHostException e) {
        // IP addresses and the names given still work
      }
    }
    queryPaths = "/" + GraphServer.DATASET + "/";
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse response = new WithoutServerHeader(res);
    String host = req.getServerName();
    if (!allowed(host)) {
      refuse(
          req,
          response,
          421,
          "Misdirected request: this server does not answer for the host name '"
              + printable(host)
              + "' (start it with --allow-host NAME to allow a name)");
      return;
    }
    String path = req.getRequestURI();
    if ("GET".equals(req.getMethod())
        && (path.equals(queryPaths + "sparql") || path.equals(queryPaths + "query"))
        && !hasQuery(req.getQueryString())) {
      refuse(
          req,
          response,
          400,
          "No query: send one as GET "
              + path
              + "?query=... or as a POST form field 'query' (the SPARQL 1.1 Protocol)");
      return;
    }
    if ("HEAD".equals(req.getMethod()) && path.startsWith(queryPaths)) {
      head(req, response, chain);
      return;
    }
    chain.doFilter(req, response);
  }

  /** Runs the request as a GET, counts the body it would have sent and sends only the headers. */
  private static void head(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest asGet =
        new HttpServletRequestWrapper(req) {
          @Override
          public String getMethod() {
            return "GET";
          }
        };
    Counting counting = new Counting(res);
    chain.doFilter(asGet, counting);
    counting.flushWriter();
    if (!res.isCommitted()) {
      res.setContentLengthLong(counting.count);
    }
  }

  /** Whether a raw query string has a {@code query} parameter (names are plain ASCII). */
  private static boolean hasQuery(String queryString) {
    if (queryString == null) {
      return false;
    }
    for (String pair : queryString.split("&")) {
      if (pair.equals("query") || pair.startsWith("query=")) {
        return true;
      }
    }
    return false;
  }

  private boolean allowed(String host) {
    if (host == null || host.isEmpty()) {
      return false; // HTTP/1.1 requires a Host header
    }
    String h = normal(host);
    if (hosts.contains(h)) {
      return true;
    }
    // An IP address cannot be rebound: a page served from it is of the same origin anyway.
    return IPV4.matcher(h).matches() || h.startsWith("[");
  }

  private static String normal(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.contains(":") && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    return h;
  }

  static void refuse(HttpServletRequest req, HttpServletResponse res, int status, String message)
      throws IOException {
    LOG.warn(
        "{} {} {} from {}: {}",
        status,
        req.getMethod(),
        printable(req.getRequestURI()),
        req.getRemoteAddr(),
        message);
    res.setStatus(status);
    res.setContentType("text/plain;charset=utf-8");
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    res.setContentLength(body.length);
    if (!"HEAD".equals(req.getMethod())) {
      res.getOutputStream().write(body);
    }
  }

  /** At most 200 characters, control characters escaped: safe for a log line. */
  static String printable(String text) {
    return Printable.of(text, 200);
  }

  /** Drops the {@code Server} header Fuseki sets (it names the version). */
  private static final class WithoutServerHeader extends HttpServletResponseWrapper {
    WithoutServerHeader(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!"Server".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!"Server".equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }
  }

  /** A response whose body is counted and dropped. */
  private static final class Counting extends HttpServletResponseWrapper {
    private long count;
    private PrintWriter writer;
    private final ServletOutputStream out =
        new ServletOutputStream() {
          @Override
          public void write(int b) {
            count++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            count += len;
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("blocking writes only");
          }
        };

    Counting(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return out;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void setContentLength(int len) {}

    @Override
    public void setContentLengthLong(long len) {}

    @Override
    public void flushBuffer() {}

    void flushWriter() {
      if (writer != null) {
        writer.flush();
      }
    }
  }
}
