package org.w3id.newsgraph.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/**
 * Serves the pages ahead of Fuseki's dispatch: {@code /entities} (with {@code ?q=}), {@code
 * /graph}, {@code /timeline}, {@code /id/<id>} and {@code /source/<id>} (HTML, or Turtle or JSON-LD
 * by {@code Accept} or {@code ?format=ttl|jsonld}), and their files under {@code /pages/}. Every
 * response carries a Content-Security-Policy without {@code unsafe-inline}: the pages load only
 * their own files.
 *
 * <p>The served dataset is read-only, so a page, once rendered, is kept (up to {@value #CACHED}
 * pages; searches are always rendered afresh).
 */
public final class PagesFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /**
   * The one inline style the pages allow: the small style sheet Cytoscape.js 3.33.1 adds to the
   * page for its canvas container, allowed by its hash (a new Cytoscape.js version with another
   * style sheet shows up as a CSP violation in the browser test).
   */
  static final String CYTOSCAPE_STYLE = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

  /** Only this server; no inline script, and no inline style but Cytoscape's. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' "
          + CYTOSCAPE_STYLE
          + "; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self';"
          + " form-action 'self'";

  private static final AcceptList OFFERS =
      AcceptList.create("text/html", "application/xhtml+xml", "text/turtle", "application/ld+json");

  /** The most rendered pages kept. */
  static final int CACHED = 10_000;

  private final transient Pages pages;
  private final transient Map<String, Rendered> cache = new ConcurrentHashMap<>();

  /** A rendered response. */
  private record Rendered(int status, String contentType, byte[] body) {}

  /** A filter that serves {@code pages}. */
  public PagesFilter(Pages pages) {
    this.pages = pages;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI();
    boolean ours =
        path.equals("/entities")
            || path.equals("/graph")
            || path.equals("/timeline")
            || path.startsWith("/id/")
            || path.startsWith("/source/")
            || path.startsWith("/pages/");
    if (!ours) {
      chain.doFilter(req, res);
      return;
    }
    String method = req.getMethod();
    res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    if (!method.equals("GET") && !method.equals("HEAD")) {
      res.setHeader("Allow", "GET, HEAD");
      res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    if (path.startsWith("/pages/")) {
      asset(req, res, path.substring("/pages/".length()));
      return;
    }
    String q = req.getParameter("q");
    if (path.equals("/entities") && q != null && !q.isBlank()) {
      html(req, res, 200, pages.entities(Links.server(0), q));
      return;
    }
    Pages.Rdf rdf = path.startsWith("/id/") || path.startsWith("/source/") ? rdfWanted(req) : null;
    String key = path + (rdf == null ? "" : "|" + rdf.extension());
    Rendered r = cache.get(key);
    if (r == null) {
      r = render(path, rdf);
      if (r.status() == 200 && cache.size() < CACHED) {
        cache.put(key, r);
      }
    }
    if (path.startsWith("/id/") || path.startsWith("/source/")) {
      res.setHeader("Vary", "Accept");
    }
    send(req, res, r.status(), r.contentType(), r.body());
  }

  private Rendered render(String path, Pages.Rdf rdf) {
    Links top = Links.server(0);
    return switch (path) {
      case "/entities" -> html(200, pages.entities(top, ""));
      case "/graph" -> html(200, pages.graph(top));
      case "/timeline" -> html(200, pages.timeline(top));
      default -> described(path, rdf);
    };
  }

  private Rendered described(String path, Pages.Rdf rdf) {
    boolean entity = path.startsWith("/id/");
    String id = path.substring(entity ? 4 : 8);
    Links links = Links.server(1);
    String missing = entity ? "entity " + id : "article " + id;
    if (rdf != null) {
      Optional<byte[]> body = entity ? pages.entityRdf(id, rdf) : pages.sourceRdf(id, rdf);
      return body.map(b -> new Rendered(200, rdf.contentType(), b))
          .orElseGet(() -> html(404, pages.notFound(links, missing)));
    }
    Optional<String> page = entity ? pages.entity(links, id) : pages.source(links, id);
    return page.map(p -> html(200, p)).orElseGet(() -> html(404, pages.notFound(links, missing)));
  }

  private static Rendered html(int status, String page) {
    return new Rendered(status, "text/html; charset=utf-8", Pages.utf8(page));
  }

  /** The RDF form the client asks for, or null for HTML. */
  static Pages.Rdf rdfWanted(HttpServletRequest req) {
    String format = req.getParameter("format");
    if (format != null) {
      for (Pages.Rdf r : Pages.Rdf.values()) {
        if (r.extension().equals(format)) {
          return r;
        }
      }
      return null;
    }
    String accept = req.getHeader("Accept");
    if (accept == null || accept.isBlank()) {
      return null;
    }
    MediaType best;
    try {
      best = AcceptList.match(new AcceptList(accept), OFFERS);
    } catch (RuntimeException e) {
      return null;
    }
    if (best == null) {
      return null;
    }
    String type = best.getContentTypeStr();
    if (type.equals("text/turtle")) {
      return Pages.Rdf.TURTLE;
    }
    if (type.equals("application/ld+json")) {
      return Pages.Rdf.JSONLD;
    }
    return null;
  }

  private void asset(HttpServletRequest req, HttpServletResponse res, String name)
      throws IOException {
    byte[] body;
    if (name.equals("data/graph.js")) {
      body = Pages.utf8(pages.graphData());
    } else {
      Optional<byte[]> a = Assets.get(name);
      if (a.isEmpty()) {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      body = a.get();
    }
    res.setHeader("Cache-Control", "no-cache");
    send(req, res, 200, Assets.contentType(name), body);
  }

  private static void html(HttpServletRequest req, HttpServletResponse res, int status, String page)
      throws IOException {
    send(req, res, status, "text/html; charset=utf-8", Pages.utf8(page));
  }

  private static void send(
      HttpServletRequest req, HttpServletResponse res, int status, String type, byte[] body)
      throws IOException {
    res.setStatus(status);
    res.setContentType(type);
    res.setContentLength(body.length);
    if (!req.getMethod().equals("HEAD")) {
      res.getOutputStream().write(body);
    }
  }
}
