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
}
