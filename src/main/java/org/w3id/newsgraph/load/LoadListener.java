package org.w3id.newsgraph.load;

/**
 * Hears how a load progresses, for a progress line. The core never prints: a command-line layer may
 * show these. Called on the loading thread; implementations must be quick.
 */
public interface LoadListener {
  /** A listener that ignores everything. */
  LoadListener NONE = new LoadListener() {};

  /**
   * The facts files are about to be read.
   *
   * @param articles how many articles will be read (not counting those reused unchanged)
   */
  default void started(int articles) {}

  /**
   * One article was read, checked and handed to the sink.
   *
   * @param sourceId the article's source id
   * @param facts how many fact rows it had
   */
  default void articleDone(String sourceId, long facts) {}

  /** Everything was read (successfully or not). */
  default void finished() {}

  /**
   * Graphs went to a remote store, after everything was read: called with {@code 0} before the
   * first request, then after each request that sent graphs.
   *
   * @param graphs how many of this push's graphs were sent so far
   * @param total how many graphs this push sends
   */
  default void sent(int graphs, int total) {}
}
