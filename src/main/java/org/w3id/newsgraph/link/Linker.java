package org.w3id.newsgraph.link;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraphException;

/**
 * The front door of linking: reconciles a loaded graph's people, organisations and places against
 * Wikidata and rewrites the links file. Rows a person marked {@code confirmed} or {@code rejected}
 * are never changed; a second run over the same graph, links file and cache writes the same file
 * and sends no request.
 */
public final class Linker {
  /** Wikidata's public SPARQL endpoint, the default. */
  public static final URI WIKIDATA_SPARQL = URI.create("https://query.wikidata.org/sparql");

  /** Wikidata's web API, for {@code wbsearchentities}. */
  public static final URI WIKIDATA_API = URI.create("https://www.wikidata.org/w/api.php");

  private Linker() {}

  /**
   * Links the entities of {@code kg} and writes {@code linksFile} (when something changed).
   *
   * @throws NewsGraphException if an option is out of range, the endpoint cannot be reached or
   *     answers an error, or a file cannot be read or written
   */
  public static LinkReport link(KnowledgeGraph kg, Path linksFile, LinkOptions options) {
    return link(kg, linksFile, options, LinkProgress.NONE);
  }

  /**
   * As {@link #link(KnowledgeGraph, Path, LinkOptions)}, telling {@code progress} how far it got.
   */
  public static LinkReport link(
      KnowledgeGraph kg, Path linksFile, LinkOptions options, LinkProgress progress) {
    check(options);
    List<LinkRecord> existing = LinksFile.read(linksFile);
    WikidataHttp http = options.offline() ? null : new WikidataHttp(options.http());
    if (http != null) {
      http.progress(progress);
    }
    ResponseCache cache = new ResponseCache(options.cache());
    WikidataLookup lookup =
        new WikidataLookup(options.endpoint(), options.searchApi(), http, cache, options.batch());
    lookup.progress(progress);
    Reconciler.Result result = new Reconciler(kg, lookup, options).run(existing, http);
    String text = LinksFile.format(result.records());
    boolean changed = !text.equals(current(linksFile));
    if (changed) {
      LinksFile.write(linksFile, result.records());
    }
    return result.report().changed(changed);
  }

  /**
   * What {@code link} would propose, from the links file and the cache only: sends no request and
   * writes nothing. Its outcomes list each entity's candidates and the items dropped, with why.
   *
   * @throws NewsGraphException if an option is out of range or a file cannot be read
   */
  public static LinkReport review(KnowledgeGraph kg, Path linksFile, LinkOptions options) {
    check(options);
    List<LinkRecord> existing = LinksFile.read(linksFile);
    ResponseCache cache = new ResponseCache(options.cache());
    WikidataLookup lookup =
        new WikidataLookup(options.endpoint(), options.searchApi(), null, cache, options.batch());
    return new Reconciler(kg, lookup, options).run(existing, null).report();
  }

  private static String current(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new NewsGraphException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void check(LinkOptions o) {
    if (o.minScore() < 0 || o.minScore() > 100) {
      throw new NewsGraphException("--min-score must be from 0 to 100, not " + o.minScore());
    }
    if (o.margin() < 0 || o.margin() > 100) {
      throw new NewsGraphException("--margin must be from 0 to 100, not " + o.margin());
    }
    if (o.batch() < 1) {
      throw new NewsGraphException("--batch must be at least 1, not " + o.batch());
    }
    checkHttp(o.endpoint(), "--endpoint");
    if (o.searchApi() != null) {
      checkHttp(o.searchApi(), "--search-api");
    }
  }

  private static void checkHttp(URI uri, String option) {
    String scheme = uri.getScheme();
    if (!uri.isAbsolute()
        || uri.getHost() == null
        || !("http".equals(scheme) || "https".equals(scheme))) {
      throw new NewsGraphException(option + " must be an http or https URL, not '" + uri + "'");
    }
  }
}
