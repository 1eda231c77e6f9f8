package org.w3id.newsgraph.link;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.GraphLoader;
import org.w3id.newsgraph.model.LinkMethod;
import org.w3id.newsgraph.model.LinkStatus;
import org.w3id.newsgraph.util.AtomicFile;
import org.w3id.newsgraph.util.SpreadsheetCell;

/**
 * Reads and writes {@code triples/wikidata-links.csv} (UTF-8, LF, a header, the columns of {@link
 * GraphLoader#LINK_COLUMNS}). The loader checks the file; this class only moves rows in and out.
 * Label, description and note cells that a spreadsheet would run as formulas are neutralised with
 * {@link SpreadsheetCell} on the way out and read back to their values on the way in.
 */
public final class LinksFile {
  private static final CSVFormat READ =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
  private static final CSVFormat WRITE =
      CSVFormat.RFC4180
          .builder()
          .setHeader(GraphLoader.LINK_COLUMNS.toArray(String[]::new))
          .setRecordSeparator("\n")
          .get();

  private LinksFile() {}

  /**
   * The rows of {@code file}, in file order; none if the file does not exist.
   *
   * @throws NewsGraphException if the file cannot be read or a row cannot be understood
   */
  public static List<LinkRecord> read(Path file) {
    List<LinkRecord> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(READ).get()) {
      if (!new ArrayList<>(parser.getHeaderMap().keySet()).equals(GraphLoader.LINK_COLUMNS)) {
        throw new NewsGraphException(
            file + ":1: header must be exactly " + String.join(",", GraphLoader.LINK_COLUMNS));
      }
      for (CSVRecord r : parser) {
        rows.add(row(file, r));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new NewsGraphException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return rows;
  }

  private static LinkRecord row(Path file, CSVRecord r) {
    String where = file + ":" + r.getParser().getCurrentLineNumber() + ": ";
    String status = r.get("status").strip();
    String method = r.get("method").strip();
    String score = r.get("score").strip();
    try {
      return new LinkRecord(
          r.get("entity").strip(),
          r.get("qid").strip(),
          SpreadsheetCell.decode(r.get("label").strip()),
          SpreadsheetCell.decode(r.get("description").strip()),
          score.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(score)),
          LinkMethod.fromToken(method)
              .orElseThrow(() -> new NewsGraphException(where + "unknown method " + method)),
          LinkStatus.fromToken(status)
              .orElseThrow(() -> new NewsGraphException(where + "unknown status " + status)),
          LocalDate.parse(r.get("checked").strip()),
          r.get("source").strip(),
          SpreadsheetCell.decode(r.get("note").strip()));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new NewsGraphException(where + e.getMessage(), e);
    }
  }

  /** The text of the file holding {@code rows}, sorted by {@link LinkRecord#ORDER}. */
  public static String format(List<LinkRecord> rows) {
    List<LinkRecord> sorted = new ArrayList<>(rows);
    sorted.sort(LinkRecord.ORDER);
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
      for (LinkRecord r : sorted) {
        printer.printRecord(
            r.entity(),
            r.qid(),
            SpreadsheetCell.encode(r.label()),
            SpreadsheetCell.encode(r.description()),
            r.score().isPresent() ? Integer.toString(r.score().getAsInt()) : "",
            r.method().token(),
            r.status().token(),
            r.checked().toString(),
            r.source(),
            SpreadsheetCell.encode(r.note()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes {@code rows} to {@code file} (sorted), through a temporary file moved into place: a
   * failed write never leaves a half-written file.
   *
   * @throws NewsGraphException if the file cannot be written
   */
  public static void write(Path file, List<LinkRecord> rows) {
    String text = format(rows);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      AtomicFile.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new NewsGraphException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
