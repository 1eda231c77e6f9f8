package org.w3id.newsgraph.link;

import java.util.List;

/**
 * What a run of the linker did.
 *
 * @param considered entities reconciled in this run
 * @param auto entities now linked automatically
 * @param review entities with candidates to review
 * @param unlinked entities with no acceptable candidate
 * @param byPerson entities a person already linked (confirmed), left as they were
 * @param requests HTTP requests sent, retries included (0 when everything came from the cache)
 * @param toReview the ids of the entities to review
 * @param notCached the ids of entities left as they were because, offline, the cache lacked an
 *     answer they need
 * @param changed whether the links file changed
 * @param outcomes what was decided for each entity reconciled, with the items found and why
 * @param skipped entities named with {@code --only} that a person already linked (confirmed), so
 *     not reconciled
 */
public record LinkReport(
    int considered,
    int auto,
    int review,
    int unlinked,
    int byPerson,
    int requests,
    List<String> toReview,
    List<String> notCached,
    boolean changed,
    List<Outcome> outcomes,
    List<String> skipped) {

  /** This report, saying whether the file changed. */
  LinkReport changed(boolean fileChanged) {
    return new LinkReport(
        considered,
        auto,
        review,
        unlinked,
        byPerson,
        requests,
        toReview,
        notCached,
        fileChanged,
        outcomes,
        skipped);
  }

  /** The outcomes of this kind, e.g. the entities left without a candidate because of a type. */
  public List<Outcome> without(Outcome.Kind kind) {
    return outcomes.stream().filter(o -> o.kind() == kind).toList();
  }
}
