package org.w3id.newsgraph.query;

import org.w3id.newsgraph.model.Names;

/** How query results are written; the user names them in lower case ({@code table}). */
public enum ResultFormat {
  /** A text table for people (Turtle for CONSTRUCT and DESCRIBE, yes/no for ASK). */
  TABLE,
  /** SPARQL 1.1 CSV results (N-Triples for CONSTRUCT and DESCRIBE). */
  CSV,
  /** SPARQL 1.1 TSV results (N-Triples for CONSTRUCT and DESCRIBE). */
  TSV,
  /** SPARQL 1.1 JSON results (JSON-LD for CONSTRUCT and DESCRIBE). */
  JSON;

  /** The name the user types, e.g. {@code csv}. */
  public String displayName() {
    return Names.of(this);
  }

  /** The name the user types: picocli lists and matches the constants by it. */
  @Override
  public String toString() {
    return displayName();
  }
}
