package org.w3id.newsgraph.load;

import java.util.Map;
import java.util.Set;

/**
 * What an incremental load may skip: the articles whose inputs have not changed since a store was
 * built, each with the entity ids its facts use (so that the check for entities no fact mentions
 * still sees them). Their facts files and texts are not read again; their graphs are not handed to
 * the sink. An article is read all the same when one of the entities it uses is gone or has changed
 * class since (its checks depend on the classes).
 *
 * @param reused source id to the entity ids that article's facts use
 * @param entityClasses entity id to class IRI, as they were when those articles were loaded
 */
public record LoadPlan(Map<String, Set<String>> reused, Map<String, String> entityClasses) {
  /** Read everything. */
  public static final LoadPlan ALL = new LoadPlan(Map.of(), Map.of());

  public LoadPlan {
    reused = Map.copyOf(reused);
    entityClasses = Map.copyOf(entityClasses);
  }
}
