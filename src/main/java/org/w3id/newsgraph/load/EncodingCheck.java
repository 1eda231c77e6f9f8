package org.w3id.newsgraph.load;

import java.io.IOException;
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
 * Reads a text file whole, once, and checks that it is UTF-8 without a byte order mark, with LF
 * line ends and no NUL characters; the readers then parse the text it returns (a file is read and
 * decoded once). Reports the line and column (in characters) of the first problem of each kind; in
 * a CSV file, a carriage return inside a quoted field is told apart from a CRLF line end.
 *
 * <p>The bytes are decoded by the JDK's {@code String} constructor, which replaces each malformed
 * sequence with U+FFFD; only a text holding a U+FFFD is decoded again by the JDK's UTF-8 decoder in
 * REPORT mode, which refuses over-long forms and surrogate code points exactly as that constructor
 * does, and tells where the first invalid bytes are (a U+FFFD written as valid UTF-8 is kept).
 * Lines and columns are counted only when there is a problem to place.
 */
final class EncodingCheck {
  /**
   * The largest file read: a file is held whole as one {@code String}, which Java caps at 2^30
   * characters once one of them is outside Latin-1.
   */
  static final long MAX_BYTES = 1L << 30;

  private EncodingCheck() {}

  /**
   * Reads {@code file} and records what is wrong in {@code problems}.
   *
   * @return the file's text, or empty when it cannot be read or is not clean UTF-8 text (each
   *     problem recorded)
   */
  static Optional<String> read(Path file, String shownAs, Problems problems) {
    Optional<String> unreadable = InputFile.whyUnreadable(file);
    if (unreadable.isPresent()) {
      problems.add(Location.of(shownAs), null, unreadable.get());
      return Optional.empty();
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        problems.add(
            Location.of(shownAs),
            null,
            "is " + size + " bytes, more than the 1 GiB a file may have; split it");
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(Location.of(shownAs), null, "cannot read: " + InputFile.reason(file, e));
      return Optional.empty();
    }
    return check(bytes, shownAs, problems);
  }

  /** Checks the bytes of a file shown as {@code shownAs}; returns their text if clean. */
  static Optional<String> check(byte[] bytes, String shownAs, Problems problems) {
    if (startsWithUtf16Mark(bytes)) {
      problems.add(
          new Location(shownAs, 1, 1),
          null,
          "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
      return Optional.empty();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    Invalid invalid = null;
    if (text.indexOf('\uFFFD') >= 0) {
      invalid = firstInvalid(bytes);
      if (invalid != null) {
        text = invalid.before();
      }
    }
    boolean clean = true;
    int from = 0;
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      problems.add(
          new Location(shownAs, 1, 1),
          null,
          "file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM");
      clean = false;
      from = 1; // not a character of the first line: columns are counted after it
    }
    Where where = new Where(shownAs, text, from);
    int cr = text.indexOf('\r', from);
    int nul = text.indexOf('\0', from);
    if (cr >= 0 && (nul < 0 || cr < nul)) {
      problems.add(
          where.at(cr),
          null,
          shownAs.endsWith(".csv") && insideQuotes(text, from, cr)
              ? "carriage return inside a quoted field; remove it or replace it with a space"
              : "carriage return (CRLF or CR line end); save the file with LF line ends");
      clean = false;
    }
    if (nul >= 0) {
      problems.add(
          where.at(nul),
          null,
          "NUL character (byte 0x00); the file must be UTF-8 text — is it UTF-16 or binary?");
      return Optional.empty();
    }
    if (invalid != null) {
      problems.add(where.after(text.length()), null, invalid.message());
      return Optional.empty();
    }
    return clean ? Optional.of(text) : Optional.empty();
  }

  /**
   * The first invalid bytes: the text before them and what to say about them; null when every byte
   * is valid UTF-8 (the text holds a U+FFFD of its own).
   */
  private record Invalid(String before, String message) {}

  private static Invalid firstInvalid(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      return null;
    }
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < result.length(); i++) {
      shown.append(i == 0 ? "" : " ");
      shown.append(String.format("0x%02X", bytes[in.position() + i] & 0xFF));
    }
    out.flip();
    return new Invalid(
        out.toString(),
        "invalid UTF-8 ("
            + (result.length() == 1 ? "byte " : "bytes ")
            + shown
            + "); the file must be UTF-8 — was it saved as Latin-1 or Windows-1252?");
  }

  /** Whether an odd number of {@code "} come before {@code end} ({@code ""} toggles twice). */
  private static boolean insideQuotes(String text, int from, int end) {
    boolean quoted = false;
    for (int i = from; i < end; i++) {
      if (text.charAt(i) == '"') {
        quoted = !quoted;
      }
    }
    return quoted;
  }

  /** Places a character of a text at its line and column, counting only when asked. */
  private record Where(String shownAs, String text, int from) {
    /** The character at {@code index}: its line, and its column counted in code points. */
    Location at(int index) {
      int lineStart = text.lastIndexOf('\n', index) + 1;
      return new Location(shownAs, line(index), columns(lineStart, index + 1));
    }

    /** The column just after the first {@code end} characters (where the next one would be). */
    Location after(int end) {
      int lineStart = end == 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
      return new Location(shownAs, line(end), columns(lineStart, end) + 1L);
    }

    private long line(int before) {
      long line = 1;
      for (int i = text.indexOf('\n'); i >= 0 && i < before; i = text.indexOf('\n', i + 1)) {
        line++;
      }
      return line;
    }

    private long columns(int lineStart, int end) {
      int start = Math.max(lineStart, from);
      return text.codePointCount(start, end);
    }
  }

  private static boolean startsWithUtf16Mark(byte[] bytes) {
    if (bytes.length < 2) {
      return false;
    }
    int b0 = bytes[0] & 0xFF;
    int b1 = bytes[1] & 0xFF;
    return (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF);
  }
}
