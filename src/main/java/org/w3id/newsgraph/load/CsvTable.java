package org.w3id.newsgraph.load;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one CSV file row by row (never the whole file in memory), checking its encoding, header and
 * field counts. Rows with the wrong number of fields are reported and skipped.
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

  /**
   * Streams the rows of {@code file} to {@code action}. The header must name exactly {@code
   * columns}, in that order (a column whose value is optional is still present, and empty).
   */
  static void read(
      Path file, String shownAs, List<String> columns, Problems problems, Consumer<Row> action) {
    if (!Files.isRegularFile(file)) {
      problems.add(Location.of(shownAs), null, "file not found");
      return;
    }
    if (!EncodingCheck.check(file, shownAs, problems)) {
      return;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      Map<String, Integer> header = parser.getHeaderMap();
      if (!checkHeader(header, columns, shownAs, problems)) {
        return;
      }
      Iterator<CSVRecord> rows = parser.iterator();
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
          return;
        }
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
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      problems.add(Location.of(shownAs), null, "cannot read as CSV: " + rootMessage(e));
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
      msg.append("; missing: ").append(String.join(", ", missing));
    }
    if (!unknown.isEmpty()) {
      msg.append("; unknown: ").append(String.join(", ", unknown));
    }
    if (missing.isEmpty() && unknown.isEmpty()) {
      msg.append("; the columns are in another order");
    }
    problems.add(new Location(shownAs, 1, 0), null, msg.toString());
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
