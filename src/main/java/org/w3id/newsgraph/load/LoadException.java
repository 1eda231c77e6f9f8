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
    super(ErrorId.INVALID_INPUT, format(problems, total));
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

  private static String format(List<Problem> problems, int total) {
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems) {
      sb.append(p).append('\n');
    }
    if (total > problems.size()) {
      sb.append("... and ").append(total - problems.size()).append(" more\n");
    }
    sb.append(total)
        .append(total == 1 ? " problem" : " problems")
        .append(" found; nothing was loaded.");
    return sb.toString();
  }
}
