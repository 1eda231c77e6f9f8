package org.w3id.newsgraph.load;

import java.util.List;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.NewsGraphException;

/**
 * The input has problems; nothing was loaded. The message lists every problem kept, one per line.
 */
public class LoadException extends NewsGraphException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;
  private final int total;

  public LoadException(List<Problem> problems, int total) {
    this(problems, total, false);
  }

  /**
   * @param stopped whether checking stopped once the report was full (so more problems may exist
   *     than {@code total} counts)
   */
  public LoadException(List<Problem> problems, int total, boolean stopped) {
    super(ErrorId.INVALID_INPUT, format(problems, total, stopped));
    this.problems = List.copyOf(problems);
    this.total = total;
  }

  /** The problems kept (at most the limit). */
  public List<Problem> problems() {
    return problems;
  }

  /** How many problems were found in all. */
  public int total() {
    return total;
  }

  private static String format(List<Problem> problems, int total, boolean stopped) {
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems) {
      sb.append(p).append('\n');
    }
    if (total > problems.size()) {
      sb.append("... and ").append(total - problems.size()).append(" more\n");
    }
    sb.append(total)
        .append(total == 1 ? " problem" : " problems")
        .append(
            stopped
                ? " found before checking stopped at the limit (--max-errors); nothing was"
                    + " loaded."
                : " found; nothing was loaded.");
    return sb.toString();
  }
}
