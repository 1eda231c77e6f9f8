package org.w3id.newsgraph;

/**
 * A problem the user can fix: bad input, a missing file, an unknown name. The command line prints
 * its message (no stack trace) and exits 1; any other exception is a bug and exits 2.
 */
public class NewsGraphException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NewsGraphException(String message) {
    super(message);
  }

  public NewsGraphException(String message, Throwable cause) {
    super(message, cause);
  }
}
