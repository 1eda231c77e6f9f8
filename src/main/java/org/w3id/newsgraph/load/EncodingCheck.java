package org.w3id.newsgraph.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.w3id.newsgraph.util.InputFile;

/**
 * Checks, streaming, that a file is UTF-8 without a byte order mark, with LF line ends and no NUL
 * characters. Decodes with the JDK's own UTF-8 decoder in REPORT mode (so over-long forms and
 * surrogate code points are refused exactly as the CSV reader would refuse them) and reports the
 * line and column (in characters) of the first problem of each kind; in a CSV file, a carriage
 * return inside a quoted field is told apart from a CRLF line end.
 */
final class EncodingCheck {
  private static final int BUFFER = 64 * 1024;

  private EncodingCheck() {}

  /** Checks {@code file} and records what is wrong in {@code problems}; returns true if clean. */
  static boolean check(Path file, String shownAs, Problems problems) {
    int before = problems.total();
    Optional<String> unreadable = InputFile.whyUnreadable(file);
    if (unreadable.isPresent()) {
      problems.add(Location.of(shownAs), null, unreadable.get());
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      scan(in, shownAs, shownAs.endsWith(".csv"), problems);
    } catch (IOException e) {
      problems.add(Location.of(shownAs), null, "cannot read: " + InputFile.reason(file, e));
    }
    return problems.total() == before;
  }

  private static void scan(InputStream in, String shownAs, boolean csv, Problems problems)
      throws IOException {
    boolean quoted = false; // inside a quoted CSV field ("" toggles twice)
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    CharBuffer chars = CharBuffer.allocate(BUFFER);
    long line = 1;
    long col = 0;
    boolean start = true;
    boolean reportedCr = false;
    boolean eof = false;
    while (true) {
      if (!eof) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
      }
      bytes.flip();
      if (start && startsWithUtf16Mark(bytes)) {
        problems.add(
            new Location(shownAs, 1, 1),
            null,
            "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
        return;
      }
      CoderResult result = decoder.decode(bytes, chars, eof);
      chars.flip();
      while (chars.hasRemaining()) {
        char c = chars.get();
        if (start) {
          start = false;
          if (c == '\uFEFF') {
            problems.add(
                new Location(shownAs, 1, 1),
                null,
                "file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM");
            continue;
          }
        }
        if (c == '\n') {
          line++;
          col = 0;
          continue;
        }
        if (Character.isLowSurrogate(c)) {
          continue; // the second half of one character
        }
        col++;
        if (csv && c == '"') {
          quoted = !quoted;
        }
        if (c == '\r' && !reportedCr) {
          reportedCr = true;
          problems.add(
              new Location(shownAs, line, col),
              null,
              quoted
                  ? "carriage return inside a quoted field; remove it or replace it with a space"
                  : "carriage return (CRLF or CR line end); save the file with LF line ends");
        } else if (c == 0) {
          problems.add(
              new Location(shownAs, line, col),
              null,
              "NUL character (byte 0x00); the file must be UTF-8 text — is it UTF-16 or binary?");
          return;
        }
      }
      chars.clear();
      if (result.isError()) {
        problems.add(new Location(shownAs, line, col + 1), null, invalid(bytes, result.length()));
        return;
      }
      bytes.compact();
      if (eof && result.isUnderflow() && bytes.position() == 0) {
        return;
      }
    }
  }

  private static boolean startsWithUtf16Mark(ByteBuffer bytes) {
    if (bytes.remaining() < 2) {
      return false;
    }
    int b0 = bytes.get(bytes.position()) & 0xFF;
    int b1 = bytes.get(bytes.position() + 1) & 0xFF;
    return (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF);
  }

  private static String invalid(ByteBuffer bytes, int length) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < length; i++) {
      shown.append(i == 0 ? "" : " ");
      shown.append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xFF));
    }
    return "invalid UTF-8 ("
        + (length == 1 ? "byte " : "bytes ")
        + shown
        + "); the file must be UTF-8 — was it saved as Latin-1 or Windows-1252?";
  }
}
