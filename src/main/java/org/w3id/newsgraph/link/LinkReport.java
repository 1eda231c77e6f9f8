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
    boolean changed) {}
