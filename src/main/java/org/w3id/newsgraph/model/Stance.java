package org.w3id.newsgraph.model;

import java.util.Optional;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * How a source presents a fact. Only {@link #STATES} and {@link #REPORTS} put the fact itself in
 * the graph.
 */
public enum Stance {
  /** The source says it in its own voice. */
  STATES(true),
  /** The source reports it as fact on someone's word ("sources told RFE/RL"). */
  REPORTS(true),
  /** Someone says it; the source only reports that they said it. */
  CLAIMS(false),
  /** Someone denies it. */
  DENIES(false),
  /** Someone says they do not know of it. */
  UNAWARE(false);

  private final boolean asserted;

  Stance(boolean asserted) {
    this.asserted = asserted;
  }

  /** Whether a fact with this stance is asserted in the graph, not only recorded as a claim. */
  public boolean asserted() {
    return asserted;
  }

  /** The CSV spelling, e.g. {@code reports}. */
  public String token() {
    return Names.of(this);
  }

  /** The ontology individual, e.g. {@code ng:reports}. */
  public Resource resource() {
    return ResourceFactory.createResource(NG.NS + token());
  }

  /** Parses the CSV spelling. */
  public static Optional<Stance> fromToken(String token) {
    for (Stance s : values()) {
      if (s.token().equals(token)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
