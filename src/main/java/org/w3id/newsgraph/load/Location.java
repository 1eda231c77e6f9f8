package org.w3id.newsgraph.load;

/**
 * Where something came from: a file, a 1-based line and column (0 when unknown).
 *
 * @param file file name as shown to the user
 * @param line 1-based line, or 0
 * @param column 1-based column (CSV: field number), or 0
 */
public record Location(String file, long line, long column) {

  /** A location naming only a file. */
  public static Location of(String file) {
    return new Location(file, 0, 0);
  }

  /** The same line, another column. */
  public Location column(long col) {
    return new Location(file, line, col);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
