package org.w3id.newsgraph.load;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one CSV file row by row, checking its encoding, header and field counts. The file is read
 * whole and decoded once ({@link EncodingCheck}); its rows are parsed from that text, one at a
 * time. Rows with the wrong number of fields are reported and skipped.
 */
final class CsvTable {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  private CsvTable() {}

  /** One row: its fields by column name, and where it is. */
  static final class Row {
    private final Location where;
    private final CSVRecord record;
    private final Map<String, Integer> columns;

    Row(Location where, CSVRecord record, Map<String, Integer> columns) {
      this.where = where;
      this.record = record;
      this.columns = columns;
    }

    /** The line the row starts on. */
    Location where() {
      return where;
    }

    /** The location of a field: the row's line, the field's 1-based position. */
    Location at(String column) {
      return where.column(columns.get(column) + 1L);
    }

    /** The field's text, trimmed of surrounding spaces; "" when empty. */
    String get(String column) {
      return record.get(columns.get(column)).strip();
    }

    /** The field's text exactly as written. */
    String raw(String column) {
      return record.get(columns.get(column));
    }
  }

  /** Header names listed at most in a message about a wrong header. */
  private static final int MAX_NAMES = 10;

  /**
   * Streams the rows of {@code file} to {@code action}. The header must name exactly {@code
   * columns}, in that order (a column whose value is optional is still present, and empty).
   *
   * @return the number of rows read, or -1 if the file as a whole could not be read (unreadable,
   *     not UTF-8, empty, a wrong header, malformed CSV): what depends on its rows cannot be
   *     checked
   */
  static long read(
      Path file, String shownAs, List<String> columns, Problems problems, Consumer<Row> action) {
    Optional<String> text = EncodingCheck.read(file, shownAs, problems);
    if (text.isEmpty()) {
      return -1;
    }
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(text.get())).setFormat(FORMAT).get()) {
      Map<String, Integer> header = parser.getHeaderMap();
      if (header.isEmpty()) {
        problems.add(
            Location.of(shownAs),
            null,
            "the file is empty; it needs the header line " + String.join(",", columns));
        return -1;
      }
      if (!checkHeader(header, columns, shownAs, problems)) {
        return -1;
      }
      Iterator<CSVRecord> rows = parser.iterator();
      long count = 0;
      while (!problems.full()) {
        long line = parser.getCurrentLineNumber() + 1;
        CSVRecord record;
        try {
          if (!rows.hasNext()) {
            break;
          }
          record = rows.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          problems.add(
              new Location(shownAs, line, 0),
              null,
              "malformed CSV (an unbalanced \" quote?): " + rootMessage(e));
          return -1;
        }
        count++;
        Location where = new Location(shownAs, line, 0);
        if (record.size() != header.size()) {
          if (record.size() == 1 && record.get(0).isEmpty()) {
            problems.add(where, null, "empty line; remove it");
          } else {
            problems.add(
                where,
                null,
                "expected "
                    + header.size()
                    + " fields ("
                    + String.join(",", columns)
                    + "), found "
                    + record.size());
          }
          continue;
        }
        action.accept(new Row(where, record, header));
      }
      return count;
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      problems.add(Location.of(shownAs), null, "cannot read as CSV: " + rootMessage(e));
      return -1;
    }
  }

  private static boolean checkHeader(
      Map<String, Integer> header, List<String> columns, String shownAs, Problems problems) {
    if (new ArrayList<>(header.keySet()).equals(columns)) {
      return true;
    }
    List<String> missing = new ArrayList<>(columns);
    missing.removeAll(header.keySet());
    Set<String> unknown = new LinkedHashSet<>(header.keySet());
    unknown.removeAll(columns);
    StringBuilder msg =
        new StringBuilder("header must be exactly ").append(String.join(",", columns));
    if (!missing.isEmpty()) {
      msg.append("; missing: ").append(names(missing));
    }
    if (!unknown.isEmpty()) {
      msg.append("; unknown: ").append(names(unknown));
    }
    if (missing.isEmpty() && unknown.isEmpty()) {
      msg.append("; the columns are in another order");
    }
    problems.add(new Location(shownAs, 1, 0), null, msg.toString());
    return false;
  }

  /** At most {@value #MAX_NAMES} names, each at most 40 characters, then how many more. */
  private static String names(java.util.Collection<String> all) {
    List<String> shown = new ArrayList<>();
    for (String name : all) {
      if (shown.size() == MAX_NAMES) {
        shown.add("and " + (all.size() - MAX_NAMES) + " more");
        break;
      }
      shown.add(name.length() > 40 ? name.substring(0, 40) + "…" : name);
    }
    return String.join(", ", shown);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
