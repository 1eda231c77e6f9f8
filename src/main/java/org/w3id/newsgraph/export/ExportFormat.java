package org.w3id.newsgraph.export;

import org.apache.jena.riot.Lang;
import org.w3id.newsgraph.model.Names;

/** The RDF formats NewsGraph exports; the user names them in lower case ({@code turtle}). */
public enum ExportFormat {
  TURTLE("ttl", Lang.TURTLE),
  NTRIPLES("nt", Lang.NTRIPLES),
  JSONLD("jsonld", Lang.JSONLD),
  TRIG("trig", Lang.TRIG),
  RDFXML("rdf", Lang.RDFXML),
  NQUADS("nq", Lang.NQUADS);

  private final String extension;
  private final Lang lang;

  ExportFormat(String extension, Lang lang) {
    this.extension = extension;
    this.lang = lang;
  }

  /** The name the user types, e.g. {@code turtle}. */
  public String displayName() {
    return Names.of(this);
  }

  /** The name the user types: picocli lists and matches the constants by it. */
  @Override
  public String toString() {
    return displayName();
  }

  /** The usual file extension, without the dot, e.g. {@code ttl}. */
  public String fileExtension() {
    return extension;
  }

  /** The media type, e.g. {@code text/turtle}. */
  public String contentType() {
    return lang.getHeaderString();
  }

  /** Jena's language for this format (to parse the output back). */
  public Lang lang() {
    return lang;
  }
}
