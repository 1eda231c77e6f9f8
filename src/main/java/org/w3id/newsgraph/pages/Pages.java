package org.w3id.newsgraph.pages;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.newsgraph.model.Iris;

/**
 * The front door of the pages: renders each page of a dataset as HTML, and entities and articles as
 * RDF. Used by the server ({@link PagesFilter}) and by the static site ({@link SiteWriter}); {@link
 * Links} says how pages link to each other in each.
 */
public final class Pages {
  /** The RDF forms an entity or article page also comes in. */
  public enum Rdf {
    TURTLE("text/turtle; charset=utf-8", "ttl", RDFFormat.TURTLE_PRETTY),
    JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11_PRETTY);

    final String contentType;
    final String extension;
    final RDFFormat format;

    Rdf(String contentType, String extension, RDFFormat format) {
      this.contentType = contentType;
      this.extension = extension;
      this.format = format;
    }

    /** The media type, e.g. {@code text/turtle; charset=utf-8}. */
    public String contentType() {
      return contentType;
    }

    /** The file name extension, e.g. {@code ttl}. */
    public String extension() {
      return extension;
    }

    /** The Jena language. */
    public Lang lang() {
      return format.getLang();
    }
  }

  private final PageQueries queries;
  private final SourceTexts texts;
  private volatile String graphData;
  private volatile java.util.List<EntityList.Entry> entries;

  /** Pages over {@code dataset} (read only), with the article texts from {@code texts}. */
  public Pages(DatasetGraph dataset, SourceTexts texts) {
    this.queries = new PageQueries(dataset);
    this.texts = texts;
  }

  PageQueries queries() {
    return queries;
  }

  Optional<String> entity(Links links, String id) {
    return Iris.isValidId(id) ? EntityPage.render(queries, links, id) : Optional.empty();
  }

  Optional<String> source(Links links, String id) {
    return Iris.isValidId(id) ? ArticlePage.render(queries, texts, links, id) : Optional.empty();
  }

  String graph(Links links) {
    return NetworkPage.render(queries, links);
  }

  String timeline(Links links) {
    return TimelinePage.render(queries, links);
  }

  String entities(Links links, String q) {
    return EntityList.render(queries, entries(), links, q);
  }

  /** Every entity with its names (computed once: the served dataset does not change). */
  java.util.List<EntityList.Entry> entries() {
    java.util.List<EntityList.Entry> e = entries;
    if (e == null) {
      e = EntityList.entries(queries);
      entries = e;
    }
    return e;
  }

  /** The network data script (computed once: the served dataset does not change). */
  String graphData() {
    String d = graphData;
    if (d == null) {
      d = NetworkPage.data(queries);
      graphData = d;
    }
    return d;
  }

  /** A page saying what was not found. */
  String notFound(Links links, String what) {
    return Frame.page(
        links,
        "Not found",
        "",
        "",
        "<h1>Not found</h1>\n<p>There is no "
            + Html.esc(what)
            + " here. Try the search above.</p>\n",
        java.util.List.of());
  }

  /** Entity {@code id} as RDF, or empty if there is no such entity. */
  Optional<byte[]> entityRdf(String id, Rdf rdf) {
    if (!Iris.isValidId(id)) {
      return Optional.empty();
    }
    return rdf("entity-rdf", "entity", Iris.entity(id), rdf);
  }

  /** Source {@code id} as RDF, or empty if there is no such source. */
  Optional<byte[]> sourceRdf(String id, Rdf rdf) {
    if (!Iris.isValidId(id)) {
      return Optional.empty();
    }
    return rdf("source-rdf", "source", Iris.source(id), rdf);
  }

  private Optional<byte[]> rdf(String query, String var, String iri, Rdf rdf) {
    var node = NodeFactory.createURI(iri);
    if (!queries.exists(node)) {
      return Optional.empty();
    }
    Graph g = queries.construct(query, Map.of(var, node));
    g.getPrefixMapping().setNsPrefixes(Iris.prefixes());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, g, rdf.format);
    return Optional.of(out.toByteArray());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
