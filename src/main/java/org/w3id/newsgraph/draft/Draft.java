package org.w3id.newsgraph.draft;

import java.util.List;

/**
 * What the drafter proposes for one source: candidate fact rows in text order and the new entities
 * they use.
 *
 * @param rows candidate facts, in the order of the text
 * @param entities proposed new entities, in the order they are first mentioned
 */
public record Draft(List<Row> rows, List<NewEntity> entities) {
  /**
   * A candidate fact: the columns of {@code facts/<source>.csv} plus a confidence and why.
   *
   * @param subject entity id
   * @param property ontology property, local name
   * @param object entity id for an object property, else ""
   * @param value literal for a datatype property, else ""
   * @param stance states, reports, claims, denies or unaware
   * @param by entity id of who says it
   * @param quote the verbatim, whole sentence
   * @param validFrom qualifier date or ""
   * @param validUntil qualifier date or ""
   * @param validAt qualifier date or ""
   * @param inferred why a value is not verbatim, or ""
   * @param confidence 0..1, how sure the drafter is
   * @param why the cue and names that proposed it
   */
  public record Row(
      String subject,
      String property,
      String object,
      String value,
      String stance,
      String by,
      String quote,
      String validFrom,
      String validUntil,
      String validAt,
      String inferred,
      double confidence,
      String why) {
    /** The row with a valid_from date and an inferred-note added (the why says where from). */
    Row with(String validFrom, String inferredNote, String because) {
      String note =
          inferred.isEmpty()
              ? inferredNote
              : inferredNote.isEmpty() ? inferred : inferred + "; " + inferredNote;
      return new Row(
          subject,
          property,
          object,
          value,
          stance,
          by,
          quote,
          validFrom.isEmpty() ? this.validFrom : validFrom,
          validUntil,
          validAt,
          note,
          confidence,
          because.isEmpty() ? why : why + "; " + because);
    }

    /**
     * What identifies the row for remembering a rejection: subject, property, object/value, quote.
     */
    public String key() {
      return key(subject, property, object, value, quote);
    }

    /** The key of a row given by its fields. */
    public static String key(
        String subject, String property, String object, String value, String quote) {
      return String.join("\u0001", subject, property, object, value, quote);
    }
  }

  /**
   * A proposed new entity for {@code entities.csv}.
   *
   * @param id proposed id, in the project's id syntax
   * @param clazz guessed ontology class, local name
   * @param label the name as the text gives it
   * @param why what the guess rests on
   */
  public record NewEntity(String id, String clazz, String label, String why) {}

  /**
   * An entity of {@code entities.csv}.
   *
   * @param id id
   * @param clazz class local name
   * @param label label
   * @param altLabels other names
   */
  public record Known(String id, String clazz, String label, List<String> altLabels) {}
}
