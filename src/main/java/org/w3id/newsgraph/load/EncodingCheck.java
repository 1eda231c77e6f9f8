package org.w3id.newsgraph.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, streaming, that a file is UTF-8 without a byte order mark and with LF line ends. Reports
 * the line and column (in characters) of the first problem of each kind; in a CSV file, a carriage
 * return inside a quoted field is told apart from a CRLF line end.
 */
final class EncodingCheck {
  private EncodingCheck() {}

  /** Checks {@code file} and records what is wrong in {@code problems}; returns true if clean. */
  static boolean check(Path file, String shownAs, Problems problems) {
    int before = problems.total();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      scan(in, shownAs, shownAs.endsWith(".csv"), problems);
    } catch (IOException e) {
      problems.add(Location.of(shownAs), null, "cannot read: " + e.getMessage());
    }
    return problems.total() == before;
  }

  private static void scan(InputStream in, String shownAs, boolean csv, Problems problems)
      throws IOException {
    boolean quoted = false; // inside a quoted CSV field ("" toggles twice)
    long line = 1;
    long col = 0;
    boolean reportedCr = false;
    boolean reportedUtf8 = false;
    boolean first = true;
    int b;
    while ((b = in.read()) != -1) {
      if (first) {
        first = false;
        if (b == 0xEF) {
          in.mark(2);
          if (in.read() == 0xBB && in.read() == 0xBF) {
            problems.add(
                new Location(shownAs, 1, 1),
                null,
                "file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM");
            continue;
          }
          in.reset();
        }
      }
      if (b == '\n') {
        line++;
        col = 0;
        continue;
      }
      col++;
      if (csv && b == '"') {
        quoted = !quoted;
      }
      if (b == '\r') {
        if (!reportedCr) {
          reportedCr = true;
          problems.add(
              new Location(shownAs, line, col),
              null,
              quoted
                  ? "carriage return inside a quoted field; remove it or replace it with a space"
                  : "carriage return (CRLF or CR line end); save the file with LF line ends");
        }
        continue;
      }
      if (b < 0x80) {
        continue;
      }
      int extra = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xC2 ? 1 : -1;
      boolean ok = extra > 0 && b <= 0xF4;
      for (int i = 0; ok && i < extra; i++) {
        in.mark(1);
        int c = in.read();
        if (c < 0x80 || c > 0xBF) {
          ok = false;
          if (c != -1) {
            in.reset();
          }
        }
      }
      if (!ok && !reportedUtf8) {
        reportedUtf8 = true;
        problems.add(
            new Location(shownAs, line, col),
            null,
            String.format(
                "invalid UTF-8 (byte 0x%02X); the file must be UTF-8 — was it saved as Latin-1"
                    + " or Windows-1252?",
                b));
      }
    }
  }
}
