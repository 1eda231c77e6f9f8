package org.w3id.newsgraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodingCheckTest {
  @TempDir Path dir;

  /** A long CSV text: {@code lines} rows of 40 characters, with an accent and a curly quote. */
  private static String longText(int lines) {
    StringBuilder text = new StringBuilder("id,text\n");
    for (int i = 0; i < lines; i++) {
      text.append(String.format("r%06d,\"Béta said: ‘a, b’ twice.\"%8s\n", i, ""));
    }
    return text.toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code text} as UTF-8 with {@code inserted} put before the character at {@code at}. */
  private static byte[] withBytes(String text, int at, byte... inserted) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(utf8(text.substring(0, at)));
    out.write(inserted);
    out.write(utf8(text.substring(at)));
    return out.toByteArray();
  }

  private static List<Problem> problems(byte[] bytes, String name) {
    Problems problems = new Problems(100);
    Optional<String> text = EncodingCheck.check(bytes, name, problems);
    assertEquals(problems.isEmpty(), text.isPresent());
    return problems.list();
  }

  private static void assertAt(Problem p, long line, long column, String message) {
    assertEquals(line, p.line(), p::toString);
    assertEquals(column, p.column(), p::toString);
    assertTrue(p.message().contains(message), p::toString);
  }

  @Test
  void aCleanFileIsReadOnceAsItsText() throws IOException {
    String text = longText(5000); // past any buffer a streaming check would use
    Path file = dir.resolve("long.csv");
    Files.write(file, utf8(text));
    Problems problems = new Problems(100);
    assertEquals(Optional.of(text), EncodingCheck.read(file, "long.csv", problems));
    assertTrue(problems.isEmpty());
  }

  @Test
  void aBadByteDeepInALongFileIsPlacedAtItsLineAndColumn() throws IOException {
    String text = longText(5000);
    // Line 3001 (the header is line 1) is row 2999; its 'B' is the 10th character.
    int row = text.indexOf("r002999");
    List<Problem> found = problems(withBytes(text, row + 9, (byte) 0xE9), "long.csv");
    assertEquals(1, found.size(), found::toString);
    assertAt(found.get(0), 3001, 10, "invalid UTF-8 (byte 0xE9)");
  }

  @Test
  void columnsCountCharactersNotBytesOrUtf16Units() throws IOException {
    String text = "a😀é’b\n";
    List<Problem> found = problems(withBytes(text, text.indexOf('b'), (byte) 0xFF), "x.txt");
    assertAt(found.get(0), 1, 5, "invalid UTF-8 (byte 0xFF)");
  }

  @Test
  void aReplacementCharacterWrittenAsUtf8IsText() throws IOException {
    String text = "id,text\nr1,\"a \uFFFD in the text\"\n";
    Problems problems = new Problems(100);
    assertEquals(Optional.of(text), EncodingCheck.check(utf8(text), "x.csv", problems));
    // ... but a bad byte after one is still found, and placed.
    List<Problem> found =
        problems(withBytes(text + "r2,b\n", text.length() + 3, (byte) 0xC0), "x.csv");
    assertAt(found.get(0), 3, 4, "invalid UTF-8 (byte 0xC0)");
  }

  @Test
  void aCarriageReturnInsideQuotesIsToldFromALineEnd() {
    List<Problem> inside = problems(utf8("id,text\nr1,\"two\r\nlines\"\n"), "x.csv");
    assertAt(inside.get(0), 2, 8, "carriage return inside a quoted field");
    List<Problem> lineEnd = problems(utf8("id,text\r\nr1,\"a \"\"b\"\"\"\r\n"), "x.csv");
    assertAt(lineEnd.get(0), 1, 8, "CRLF or CR line end");
    // In a text file, a quotation mark is only a character.
    List<Problem> text = problems(utf8("He said \"yes\r\n"), "x.txt");
    assertAt(text.get(0), 1, 13, "CRLF or CR line end");
  }

  @Test
  void aByteOrderMarkIsNotAColumn() throws IOException {
    String text = "\uFEFFid,text\nr1,a\r\n";
    List<Problem> found = problems(utf8(text), "x.csv");
    assertEquals(2, found.size(), found::toString);
    assertAt(found.get(0), 1, 1, "byte order mark");
    assertAt(found.get(1), 2, 5, "CRLF");
    List<Problem> invalid = problems(withBytes("\uFEFFab", 2, (byte) 0x80), "x.txt");
    assertAt(invalid.get(1), 1, 2, "invalid UTF-8 (byte 0x80)");
  }

  @Test
  void checkingStopsAtANulOrAnInvalidByte() throws IOException {
    // A NUL before the bad byte: only the NUL (and a carriage return before it) is reported.
    byte[] bytes = withBytes("a\rb\0c\nd", 7, (byte) 0xE9);
    List<Problem> found = problems(bytes, "x.txt");
    assertEquals(2, found.size(), found::toString);
    assertAt(found.get(0), 1, 2, "carriage return");
    assertAt(found.get(1), 1, 4, "NUL character");
    // A bad byte before a carriage return: only the bad byte.
    List<Problem> invalid = problems(withBytes("ab\ncd\r\n", 4, (byte) 0xE9), "x.txt");
    assertEquals(1, invalid.size(), invalid::toString);
    assertAt(invalid.get(0), 2, 2, "invalid UTF-8 (byte 0xE9)");
  }

  @Test
  void aTruncatedSequenceAtTheEndIsInvalid() {
    byte[] bytes = {'a', '\n', 'b', (byte) 0xE2, (byte) 0x80};
    assertAt(problems(bytes, "x.txt").get(0), 2, 2, "invalid UTF-8 (bytes 0xE2 0x80)");
  }

  @Test
  void aFileTooLargeToHoldIsRefusedBeforeItIsRead() throws IOException {
    Path file = dir.resolve("huge.csv");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(EncodingCheck.MAX_BYTES + 1); // no data written: sparse, nothing to read
    }
    Problems problems = new Problems(100);
    assertEquals(Optional.empty(), EncodingCheck.read(file, "huge.csv", problems));
    Problem p = problems.list().get(0);
    assertAt(p, 0, 0, "is 1073741825 bytes, more than the 1 GiB a file may have; split it");
  }
}
