package org.w3id.newsgraph.model;

import java.util.Optional;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The {@code status} column of the links file. A person sets {@link #CONFIRMED} and {@link
 * #REJECTED}; the linker writes {@link #AUTO} and {@link #REVIEW} and never touches a row a person
 * decided.
 */
public enum LinkStatus {
  /** A person confirmed the link, recording where. In the graph. */
  CONFIRMED,
  /**
   * The linker accepted the link: a high score, a clear margin, a compatible type. In the graph.
   */
  AUTO,
  /** A candidate a person should confirm or reject. Not in the graph. */
  REVIEW,
  /** A person rejected the link; the item is never proposed for the entity again. */
  REJECTED;

  /** The value written in the file, e.g. {@code confirmed}. */
  public String token() {
    return Names.of(this);
  }

  /** The individual of the ontology for this status, e.g. {@code ng:confirmed}. */
  public Resource resource() {
    return ResourceFactory.createResource(NG.NS + token());
  }

  /** Whether a person decided this row (the linker keeps it as it is). */
  public boolean byPerson() {
    return this == CONFIRMED || this == REJECTED;
  }

  /** Whether the link becomes part of the graph. */
  public boolean inGraph() {
    return this == CONFIRMED || this == AUTO;
  }

  /** The status written as {@code token}. */
  public static Optional<LinkStatus> fromToken(String token) {
    return Names.find(LinkStatus.class, token).filter(s -> s.token().equals(token));
  }
}
