package org.w3id.newsgraph.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the problems of one run, keeping the first {@code limit} and counting the rest. */
public final class Problems {
  /** The default number of problems kept. */
  public static final int DEFAULT_LIMIT = 100;

  private final int limit;
  private final List<Problem> kept = new ArrayList<>();
  private final Set<Problem> seen = new HashSet<>();
  private int total;
  private boolean stopped;

  public Problems(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    this.limit = limit;
  }

  /** Records a problem. */
  public void add(Problem problem) {
    if (kept.size() < limit && !seen.add(problem)) {
      return; // the same problem found twice (e.g. an entity's shape checked from two articles)
    }
    total++;
    if (kept.size() < limit) {
      kept.add(problem);
    }
  }

  /** Records a problem at a place. */
  public void add(Location where, String field, String message) {
    add(new Problem(where.file(), where.line(), where.column(), field, message));
  }

  /**
   * Whether the report is full: checking further cannot add anything the user will see (the load
   * fails anyway), so a loader may stop.
   */
  public boolean full() {
    if (kept.size() >= limit) {
      stopped = true;
    }
    return stopped;
  }

  /** Whether nothing is wrong. */
  public boolean isEmpty() {
    return total == 0;
  }

  /** The problems kept, in the order found. */
  public List<Problem> list() {
    return Collections.unmodifiableList(kept);
  }

  /** How many problems were found, kept or not. */
  public int total() {
    return total;
  }

  /** Throws a {@link LoadException} with all problems if there is any. */
  public void throwIfAny() {
    if (total > 0) {
      throw new LoadException(list(), total, stopped);
    }
  }
}
