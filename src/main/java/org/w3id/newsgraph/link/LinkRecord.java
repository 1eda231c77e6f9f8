package org.w3id.newsgraph.link;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.w3id.newsgraph.model.LinkMethod;
import org.w3id.newsgraph.model.LinkStatus;

/**
 * One row of {@code triples/wikidata-links.csv}: a proposed, accepted, confirmed or rejected link
 * from an entity to a Wikidata item.
 *
 * @param entity the entity id
 * @param qid the Wikidata item id, e.g. {@code Q843}
 * @param label the item's English label when checked ("" if it has none)
 * @param description the item's English description when checked ("" if none)
 * @param score how well it matched, 0 to 100; empty for a link a person made by hand
 * @param method how the item was found
 * @param status auto, review, confirmed or rejected
 * @param checked the day the row was last checked
 * @param source where the link was found (the endpoint) or confirmed (a page); "" if none
 * @param note why the linker decided as it did, or a person's remark ("" if none)
 */
public record LinkRecord(
    String entity,
    String qid,
    String label,
    String description,
    OptionalInt score,
    LinkMethod method,
    LinkStatus status,
    LocalDate checked,
    String source,
    String note) {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

  /**
   * Label, description and note are kept on one line: a run of control characters (CR, LF, tab,
   * NUL, ...) becomes one space, and the ends are stripped, so that whatever a Wikidata endpoint
   * answers, the file NewsGraph writes is one the loader reads back to the same values.
   */
  public LinkRecord {
    label = oneLine(label);
    description = oneLine(description);
    note = oneLine(note);
  }

  /** {@code text} with each run of control characters replaced by a space, stripped. */
  static String oneLine(String text) {
    return CONTROL.matcher(text).replaceAll(" ").strip();
  }

  /** The order of the file: by entity, then status, then best score first, then item number. */
  public static final Comparator<LinkRecord> ORDER =
      Comparator.comparing(LinkRecord::entity)
          .thenComparing(LinkRecord::status)
          .thenComparing(r -> -r.score().orElse(-1))
          .thenComparingLong(r -> Long.parseLong(r.qid().substring(1)));

  /** Whether this row says the same as {@code other}, ignoring the day it was checked. */
  public boolean sameBut(LinkRecord other) {
    return entity.equals(other.entity)
        && qid.equals(other.qid)
        && label.equals(other.label)
        && description.equals(other.description)
        && score.equals(other.score)
        && method == other.method
        && status == other.status
        && source.equals(other.source)
        && note.equals(other.note);
  }

  /** This row with a new status, day, source and note: a decision about the same item. */
  public LinkRecord decided(LinkStatus newStatus, LocalDate day, String newSource, String newNote) {
    return new LinkRecord(
        entity, qid, label, description, score, method, newStatus, day, newSource, newNote);
  }

  /** This row as a person's link: method {@code manual}, no score. */
  public LinkRecord withManualMethod() {
    return new LinkRecord(
        entity,
        qid,
        label,
        description,
        OptionalInt.empty(),
        LinkMethod.MANUAL,
        status,
        checked,
        source,
        note);
  }

  /** This row, checked on another day. */
  public LinkRecord checkedOn(LocalDate day) {
    return new LinkRecord(
        entity, qid, label, description, score, method, status, day, source, note);
  }
}
