package org.w3id.newsgraph.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The {@code source} column of the links file. The linker records where it found a candidate (a
 * SPARQL endpoint or Wikidata's search API); a person who confirms a link records the page that
 * shows the item for the entity. A confirmed link that cites the candidate search itself has not
 * been checked anywhere, so the loader refuses it and {@code link --confirm} never writes one.
 */
public final class LinkSource {
  private LinkSource() {}

  /**
   * Whether {@code source} is a query service rather than a page: Wikidata's query service, a web
   * API ({@code .../api.php}), or a SPARQL endpoint ({@code .../sparql}, {@code .../query}).
   */
  public static boolean isCandidateSearch(String source) {
    URI u;
    try {
      u = new URI(source.strip());
    } catch (URISyntaxException e) {
      return false;
    }
    String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    String path = u.getPath() == null ? "" : u.getPath().toLowerCase(Locale.ROOT);
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return host.equals("query.wikidata.org")
        || path.endsWith("/api.php")
        || path.endsWith("/sparql")
        || path.endsWith("/query");
  }
}
