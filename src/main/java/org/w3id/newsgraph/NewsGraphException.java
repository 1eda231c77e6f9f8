package org.w3id.newsgraph;

/**
 * A problem the user can fix: bad input, a missing file, an unknown name. The command line prints
 * its message and its {@link ErrorId} (no stack trace) and exits 1; any other exception is a bug
 * and exits 2.
 */
public class NewsGraphException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorId id;

  public NewsGraphException(String message) {
    this(ErrorId.USER_ERROR, message, null);
  }

  public NewsGraphException(String message, Throwable cause) {
    this(ErrorId.USER_ERROR, message, cause);
  }

  public NewsGraphException(ErrorId id, String message) {
    this(id, message, null);
  }

  public NewsGraphException(ErrorId id, String message, Throwable cause) {
    super(message, cause);
    this.id = id;
  }

  /** The kind of error, stable across versions. */
  public ErrorId id() {
    return id;
  }
}
