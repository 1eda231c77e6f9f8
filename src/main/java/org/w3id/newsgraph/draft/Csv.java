package org.w3id.newsgraph.draft;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.util.SpreadsheetCell;

/**
 * The CSV files the drafter reads and writes (RFC 4180, header row, LF line ends), with the cells
 * it writes neutralised for spreadsheets by {@link SpreadsheetCell}.
 */
final class Csv {
  private static final CSVFormat READ =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
  private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private Csv() {}

  /** One row: its fields by column name and the line it starts on. */
  record Row(long line, Map<String, String> fields) {
    String get(String column) {
      String v = fields.get(column);
      return v == null ? "" : v.strip();
    }
  }

  /**
   * Reads a file; {@code required} columns must be in its header. {@code drafted}: a file the
   * drafter wrote, whose cells {@link SpreadsheetCell#decode} turns back into values (the loader's
   * own files are read as they are).
   */
  static List<Row> read(Path file, List<String> required, boolean drafted) {
    try {
      return parse(
          Files.readString(file, StandardCharsets.UTF_8), file.toString(), required, drafted);
    } catch (IOException e) {
      throw new NewsGraphException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads CSV text; {@code shownAs} names it in errors. */
  static List<Row> parse(String text, String shownAs, List<String> required, boolean drafted) {
    List<Row> rows = new ArrayList<>();
    try (Reader r = new StringReader(text);
        CSVParser parser = CSVParser.builder().setReader(r).setFormat(READ).get()) {
      List<String> header = parser.getHeaderNames();
      for (String c : required) {
        if (!header.contains(c)) {
          throw new NewsGraphException(
              shownAs + ":1: the header has no column '" + c + "' (needs " + required + ")");
        }
      }
      for (CSVRecord rec : parser) {
        if (rec.size() != header.size()) {
          throw new NewsGraphException(
              shownAs
                  + ":"
                  + rec.getParser().getCurrentLineNumber()
                  + ": expected "
                  + header.size()
                  + " fields, found "
                  + rec.size());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          fields.put(header.get(i), drafted ? SpreadsheetCell.decode(rec.get(i)) : rec.get(i));
        }
        rows.add(new Row(parser.getCurrentLineNumber(), fields));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new NewsGraphException(shownAs + ": malformed CSV: " + e.getMessage(), e);
    }
    return rows;
  }

  /**
   * The CSV text of records (no header unless given as the first record); {@code drafted}: cells of
   * a draft file, neutralised for spreadsheets.
   */
  static String format(List<List<String>> records, boolean drafted) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(out, WRITE)) {
      for (List<String> rec : records) {
        p.printRecord(drafted ? rec.stream().map(SpreadsheetCell::encode).toList() : rec);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
