package org.w3id.newsgraph;

import org.w3id.newsgraph.load.GraphLoader;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.load.LoadException;
import org.w3id.newsgraph.load.Problems;

/**
 * The front door: load a project's ontology and CSV facts into a validated {@link KnowledgeGraph}.
 */
public final class NewsGraph {
  private NewsGraph() {}

  /**
   * Loads and validates everything under {@code layout}.
   *
   * @throws LoadException listing every problem (up to {@value Problems#DEFAULT_LIMIT}); nothing is
   *     loaded then
   */
  public static KnowledgeGraph load(Layout layout) {
    return load(layout, Problems.DEFAULT_LIMIT);
  }

  /** As {@link #load(Layout)}, reporting at most {@code limit} problems. */
  public static KnowledgeGraph load(Layout layout, int limit) {
    return new KnowledgeGraph(GraphLoader.load(layout, limit));
  }
}
