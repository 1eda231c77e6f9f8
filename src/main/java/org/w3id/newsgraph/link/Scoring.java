package org.w3id.newsgraph.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.w3id.newsgraph.model.LinkMethod;

/**
 * The scoring rule, in the spirit of OpenRefine's reconciliation: a score from 0 to 100 made of how
 * the names match, whether the item's type is compatible with the entity's class, and whether the
 * item's context (country, place, citizenship, party) agrees with the graph.
 *
 * <pre>
 *   name     label = label 50, a name = an alias 40, only fuzzy search 25
 *   type     compatible +30, unknown 0, wrong -50
 *   context  an item's P17, P131 (and above), P27 or P102 is an item the entity's
 *            neighbours in the graph are linked to: +20
 * </pre>
 *
 * An item is accepted ({@code auto}) only if its type is compatible, its score is at least the
 * threshold and it leads the runner-up by at least the margin; a tie is never accepted, whatever
 * the margin. Otherwise the candidates whose type is not wrong go to review; an item of a wrong
 * type is never accepted nor proposed.
 */
final class Scoring {
  static final int LABEL = 50;
  static final int ALIAS = 40;
  static final int SEARCH = 25;
  static final int TYPE_OK = 30;
  static final int TYPE_WRONG = -50;
  static final int CONTEXT = 20;

  /** At most this many candidates are listed for review. */
  static final int REVIEW_LIMIT = 5;

  private Scoring() {}

  /** How the item's type fits the entity's class. */
  enum TypeFit {
    /** An instance, directly or through subclasses, of a class the ontology declares compatible. */
    COMPATIBLE,
    /** The item has no {@code P31}, or the entity's class declares no Wikidata class. */
    UNKNOWN,
    /** The item has classes, none of them compatible. */
    WRONG
  }

  /**
   * One candidate item for one entity.
   *
   * @param qid the item
   * @param label its English label, "" if none
   * @param description its English description, "" if none
   * @param method how it was found: label, alias or search
   * @param fit how its type fits
   * @param context whether its context agrees with the graph
   */
  record Candidate(
      String qid,
      String label,
      String description,
      LinkMethod method,
      TypeFit fit,
      boolean context) {

    /** How the score is made, e.g. "alias 40 + type 30 + context 20". */
    String why() {
      String name =
          switch (method) {
            case LABEL -> "label " + LABEL;
            case ALIAS -> "alias " + ALIAS;
            default -> "search " + SEARCH;
          };
      String type =
          switch (fit) {
            case COMPATIBLE -> " + type " + TYPE_OK;
            case WRONG -> " - wrong type " + -TYPE_WRONG;
            default -> " + type unknown 0";
          };
      return name + type + (context ? " + context " + CONTEXT : "");
    }

    /** The score, 0 to 100. */
    int score() {
      int name =
          switch (method) {
            case LABEL -> LABEL;
            case ALIAS -> ALIAS;
            default -> SEARCH;
          };
      int type =
          switch (fit) {
            case COMPATIBLE -> TYPE_OK;
            case WRONG -> TYPE_WRONG;
            default -> 0;
          };
      return Math.max(0, Math.min(100, name + type + (context ? CONTEXT : 0)));
    }
  }

  /**
   * What to do with an entity's candidates.
   *
   * @param accepted the item to accept, or null
   * @param review the items to list for review (empty if one is accepted)
   * @param runnerUp the second best candidate, or null
   * @param reason why, in a few words
   */
  record Decision(Candidate accepted, List<Candidate> review, Candidate runnerUp, String reason) {}

  /** Best first; ties by item number, so the order is the same on every run. */
  static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingInt(Candidate::score)
          .reversed()
          .thenComparingLong(c -> Long.parseLong(c.qid().substring(1)));

  /** Decides for one entity's candidates (items a person rejected already left out). */
  static Decision decide(List<Candidate> candidates, int minScore, int margin) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(BEST_FIRST);
    if (sorted.isEmpty()) {
      return new Decision(null, List.of(), null, "no candidate");
    }
    Candidate best = sorted.get(0);
    Candidate second = sorted.size() > 1 ? sorted.get(1) : null;
    int lead = second == null ? best.score() : best.score() - second.score();
    boolean tie = second != null && lead == 0;
    if (best.fit() == TypeFit.COMPATIBLE && best.score() >= minScore && lead >= margin && !tie) {
      return new Decision(best, List.of(), second, "accepted");
    }
    List<Candidate> review = new ArrayList<>();
    for (Candidate c : sorted) {
      if (c.fit() != TypeFit.WRONG && review.size() < REVIEW_LIMIT) {
        review.add(c);
      }
    }
    String reason;
    if (review.isEmpty()) {
      reason = "only candidates of a wrong type";
    } else if (best.fit() == TypeFit.WRONG) {
      reason = "the best match is of a wrong type";
    } else if (best.fit() == TypeFit.UNKNOWN) {
      reason = "type not known";
    } else if (tie) {
      reason = "a tie with " + second.qid() + " (" + second.score() + ")";
    } else if (best.score() < minScore) {
      reason = "score below " + minScore;
    } else {
      reason = "lead of " + lead + " over " + second.qid() + ", less than " + margin;
    }
    return new Decision(null, review, second, reason);
  }

  /** Whether any of {@code values} is one of {@code linked}. */
  static boolean agrees(Set<String> values, Set<String> linked) {
    for (String v : values) {
      if (linked.contains(v)) {
        return true;
      }
    }
    return false;
  }
}
