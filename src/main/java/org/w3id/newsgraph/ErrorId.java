package org.w3id.newsgraph;

/**
 * The stable identifier of each kind of error the user can meet (as ROBOT does): the command line
 * prints it in brackets after the message, and the README's "Error identifiers" table says what to
 * do about each. Identifiers never change meaning; new kinds get new identifiers.
 */
public enum ErrorId {
  /** The CSV, the ontology or the shapes have problems; each is listed with file and line. */
  INVALID_INPUT("invalid-input"),
  /** A query does not parse, or a {@code --param} does not fit it. */
  INVALID_QUERY("invalid-query"),
  /** A query parsed but failed while running (e.g. a SERVICE endpoint that does not answer). */
  QUERY_FAILED("query-failed"),
  /** No query, format or other thing of that name. */
  UNKNOWN_NAME("unknown-name"),
  /** A file given on the command line cannot be read. */
  UNREADABLE_FILE("unreadable-file"),
  /** An option or its value is wrong. */
  BAD_OPTION("bad-option"),
  /** The port asked for is taken. */
  PORT_IN_USE("port-in-use"),
  /** The server cannot listen on the host and port asked for. */
  CANNOT_LISTEN("cannot-listen"),
  /** The {@code --store} folder cannot be created, opened or used. */
  STORE("store"),
  /** An output file cannot be written. */
  CANNOT_WRITE("cannot-write"),
  /** Any other problem the user can fix; the message says what. */
  USER_ERROR("user-error"),
  /** A bug in NewsGraph: please report it with the output of {@code -v}. */
  INTERNAL("internal-error");

  private final String id;

  ErrorId(String id) {
    this.id = id;
  }

  /** The identifier as printed, e.g. {@code invalid-input}. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
