package org.w3id.newsgraph.link;

import java.util.List;

/**
 * What the linker decided for one entity, with every item it found for it, kept or dropped, and
 * why: what {@code link --review} shows and what the summary counts.
 *
 * @param entity the entity id
 * @param label the entity's label
 * @param entityClass the entity's class in the ontology, e.g. {@code Region}
 * @param compatible the Wikidata classes the ontology declares compatible with that class
 * @param kind what was decided
 * @param reason why, in a few words
 * @param found every item found by name (items a person rejected left out), best first
 * @param kept earlier rows of this entity kept because this run did not find their items again
 */
public record Outcome(
    String entity,
    String label,
    String entityClass,
    List<String> compatible,
    Kind kind,
    String reason,
    List<Found> found,
    List<LinkRecord> kept) {

  /** What was decided for an entity. */
  public enum Kind {
    /** An item was accepted. */
    AUTO,
    /** Candidates are listed for a person to confirm or reject. */
    REVIEW,
    /** No item has one of the entity's names. */
    NO_NAME_MATCH,
    /** Items have its names, but none has a type compatible with the entity's class. */
    WRONG_TYPE,
    /** Every item found was rejected by a person. */
    ALL_REJECTED,
    /** Offline, the cache lacks an answer this entity needs: its rows are left as they were. */
    NOT_CACHED
  }

  /**
   * One item found for the entity.
   *
   * @param qid the item
   * @param label its English label ("" if none)
   * @param description its English description ("" if none)
   * @param types its classes ({@code P31}), each as "Q515 city" (the label when known)
   * @param score the score, 0 to 100
   * @param why how the score was made, e.g. "label 50 + type 30 + context 20"
   * @param wrongType whether its type is incompatible (so it is neither accepted nor proposed)
   */
  public record Found(
      String qid,
      String label,
      String description,
      List<String> types,
      int score,
      String why,
      boolean wrongType) {}
}
