package org.w3id.newsgraph;

import org.w3id.newsgraph.load.GraphLoader;
import org.w3id.newsgraph.load.GraphSink;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.load.LoadException;
import org.w3id.newsgraph.load.LoadListener;
import org.w3id.newsgraph.load.LoadPlan;
import org.w3id.newsgraph.load.LoadResult;
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

  /**
   * Loads and validates {@code layout} one article at a time (see {@link GraphLoader#stream}),
   * handing each validated named graph to {@code sink}; nothing but the entities, the links and one
   * article is held in memory.
   *
   * @throws LoadException listing every problem (the sink may have taken some graphs by then)
   */
  public static LoadResult stream(
      Layout layout, int limit, LoadPlan plan, GraphSink sink, LoadListener listener) {
    return GraphLoader.stream(layout, limit, plan, sink, listener);
  }

  /**
   * Loads and validates everything under {@code layout}, streaming, and counts what it holds.
   *
   * @throws LoadException listing every problem
   */
  public static Summary validate(Layout layout, int limit, LoadListener listener) {
    Summary.Counter counter = new Summary.Counter();
    LoadResult result = stream(layout, limit, LoadPlan.ALL, counter, listener);
    return counter.summary(result.ontology());
  }
}
