package org.w3id.newsgraph.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.jena.riot.Lang;
import org.w3id.newsgraph.NewsGraphException;

/** The RDF formats NewsGraph exports; the user names them in lower case ({@code turtle}). */
public enum ExportFormat {
  TURTLE("ttl", Lang.TURTLE),
  NTRIPLES("nt", Lang.NTRIPLES),
  JSONLD("jsonld", Lang.JSONLD),
  TRIG("trig", Lang.TRIG),
  RDFXML("rdf", Lang.RDFXML);

  private final String extension;
  private final Lang lang;

  ExportFormat(String extension, Lang lang) {
    this.extension = extension;
    this.lang = lang;
  }

  /**
   * The format named {@code name}, ignoring case: turtle, ntriples, jsonld, trig or rdfxml.
   *
   * @throws NewsGraphException for any other name
   */
  public static ExportFormat fromName(String name) {
    for (ExportFormat format : values()) {
      if (format.displayName().equalsIgnoreCase(name)) {
        return format;
      }
    }
    throw new NewsGraphException(
        "unknown export format '" + name + "'; accepted: " + acceptedNames());
  }

  /** The accepted names, comma-separated. */
  public static String acceptedNames() {
    return Arrays.stream(values()).map(ExportFormat::displayName).collect(Collectors.joining(", "));
  }

  /** The name the user types, e.g. {@code turtle}. */
  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
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
