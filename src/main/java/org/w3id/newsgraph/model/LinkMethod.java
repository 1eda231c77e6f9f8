package org.w3id.newsgraph.model;

import java.util.Optional;

/** The {@code method} column of the links file: how the Wikidata item was found. */
public enum LinkMethod {
  /** The item's label is the entity's label. */
  LABEL,
  /** A name of the entity is a label or alias of the item, but not label to label. */
  ALIAS,
  /** Only a fuzzy name search ({@code wbsearchentities}) found the item. */
  SEARCH,
  /** A person linked it by hand. */
  MANUAL;

  /** The value written in the file, e.g. {@code alias}. */
  public String token() {
    return Names.of(this);
  }

  /** The method written as {@code token}. */
  public static Optional<LinkMethod> fromToken(String token) {
    return Names.find(LinkMethod.class, token).filter(m -> m.token().equals(token));
  }
}
