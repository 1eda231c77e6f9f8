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
 * @param sharedValidated whether the entities and links this load reads are built from the very
 *     inputs (and ontology and shapes) of graphs that passed SHACL in an earlier load: their own
 *     SHACL run is then skipped. Every other check still runs, and each article read is still
 *     validated against them.
 */
public record LoadPlan(
    Map<String, Set<String>> reused, Map<String, String> entityClasses, boolean sharedValidated) {
  /** Read everything. */
  public static final LoadPlan ALL = new LoadPlan(Map.of(), Map.of());

  public LoadPlan {
    reused = Map.copyOf(reused);
    entityClasses = Map.copyOf(entityClasses);
  }

  /** A plan that validates the entities and links. */
  public LoadPlan(Map<String, Set<String>> reused, Map<String, String> entityClasses) {
    this(reused, entityClasses, false);
  }

  /** This plan, saying whether the entities and links have been validated as they are. */
  public LoadPlan withSharedValidated(boolean validated) {
    return new LoadPlan(reused, entityClasses, validated);
  }
}
