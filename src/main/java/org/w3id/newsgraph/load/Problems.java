package org.w3id.newsgraph.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the problems of one run, keeping the first {@code limit} and counting the rest. */
public final class Problems {
  /** The default number of problems kept. */
  public static final int DEFAULT_LIMIT = 100;

  private final int limit;
  private final List<Problem> kept = new ArrayList<>();
  private int total;

  public Problems(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    this.limit = limit;
  }

  /** Records a problem. */
  public void add(Problem problem) {
    total++;
    if (kept.size() < limit) {
      kept.add(problem);
    }
  }

  /** Records a problem at a place. */
  public void add(Location where, String field, String message) {
    add(new Problem(where.file(), where.line(), where.column(), field, message));
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
      throw new LoadException(list(), total);
    }
  }
}
