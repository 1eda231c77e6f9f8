package org.w3id.newsgraph.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.model.LinkMethod;
import org.w3id.newsgraph.model.LinkStatus;

class LinksFileTest {
  @TempDir Path dir;

  private static LinkRecord r(String entity, String qid, int score, LinkStatus status) {
    return new LinkRecord(
        entity,
        qid,
        "A, \"quoted\" label",
        "",
        score < 0 ? OptionalInt.empty() : OptionalInt.of(score),
        score < 0 ? LinkMethod.MANUAL : LinkMethod.LABEL,
        status,
        LocalDate.of(2026, 1, 2),
        "https://example.org/x",
        "");
  }

  @Test
  void writesSortedUtf8CsvWithLfAndReadsItBack() throws IOException {
    List<LinkRecord> rows =
        List.of(
            r("b", "Q10", 70, LinkStatus.REVIEW),
            r("b", "Q9", 70, LinkStatus.REVIEW),
            r("b", "Q1", 90, LinkStatus.REVIEW),
            r("a", "Q5", -1, LinkStatus.CONFIRMED),
            r("b", "Q3", 0, LinkStatus.REJECTED));
    Path file = dir.resolve("wikidata-links.csv");
    LinksFile.write(file, rows);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertFalse(text.contains("\r"));
    assertEquals(
        """
        entity,qid,label,description,score,method,status,checked,source,note
        a,Q5,"A, ""quoted"" label",,,manual,confirmed,2026-01-02,https://example.org/x,
        b,Q1,"A, ""quoted"" label",,90,label,review,2026-01-02,https://example.org/x,
        b,Q9,"A, ""quoted"" label",,70,label,review,2026-01-02,https://example.org/x,
        b,Q10,"A, ""quoted"" label",,70,label,review,2026-01-02,https://example.org/x,
        b,Q3,"A, ""quoted"" label",,0,label,rejected,2026-01-02,https://example.org/x,
        """,
        text);
    List<LinkRecord> back = LinksFile.read(file);
    assertEquals(5, back.size());
    assertEquals(LinksFile.format(rows), LinksFile.format(back));
  }

  @Test
  void aMissingFileHasNoRows() {
    assertEquals(List.of(), LinksFile.read(dir.resolve("none.csv")));
  }

  @Test
  void whateverItWritesTheLoaderReadsBack() throws IOException {
    Path project = WikidataFixture.project(dir.resolve("p"));
    Path file = project.resolve("triples/wikidata-links.csv");
    String longLabel = "Quetta ".repeat(3000).strip();
    List<LinkRecord> rows =
        List.of(
            new LinkRecord(
                "quetta",
                "Q1",
                "line one\r\nline two\rthree\nfour",
                "a \"quoted\", comma\u0000NUL",
                OptionalInt.of(70),
                LinkMethod.LABEL,
                LinkStatus.REVIEW,
                LocalDate.of(2026, 1, 2),
                "https://example.org/sparql",
                "=HYPERLINK(\"https://evil.example\",\"click\")"),
            new LinkRecord(
                "quetta",
                "Q2",
                "\u200F\u0643\u0648\u067A\u0647\u200F",
                "@SUM(A1)",
                OptionalInt.of(60),
                LinkMethod.ALIAS,
                LinkStatus.REVIEW,
                LocalDate.of(2026, 1, 2),
                "https://example.org/sparql",
                "'already quoted"),
            new LinkRecord(
                "tank",
                "Q3",
                longLabel,
                "-10 is a number, +x is not",
                OptionalInt.of(50),
                LinkMethod.LABEL,
                LinkStatus.REVIEW,
                LocalDate.of(2026, 1, 2),
                "https://example.org/sparql",
                "+x"));
    LinksFile.write(file, rows);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertFalse(text.contains("\r"), "no CR in the file");
    assertFalse(text.contains("\u0000"), "no NUL in the file");
    assertFalse(text.contains("\"=HYPERLINK"), "a formula cell is neutralised: " + text);
    assertTrue(text.contains(",\"'=HYPERLINK"), text);
    assertTrue(text.contains(",'@SUM(A1)"), text);

    // the loader loads it (every later command works) ...
    NewsGraph.load(Layout.of(project));
    // ... and the linker reads back exactly what it wrote
    List<LinkRecord> back = LinksFile.read(file);
    assertEquals(LinksFile.format(rows), LinksFile.format(back));
    LinkRecord first = back.stream().filter(r -> r.qid().equals("Q1")).findFirst().orElseThrow();
    assertEquals("line one line two three four", first.label());
    assertEquals("a \"quoted\", comma NUL", first.description());
    assertEquals("=HYPERLINK(\"https://evil.example\",\"click\")", first.note());
    LinkRecord second = back.stream().filter(r -> r.qid().equals("Q2")).findFirst().orElseThrow();
    assertEquals("\u200F\u0643\u0648\u067A\u0647\u200F", second.label());
    assertEquals("@SUM(A1)", second.description());
    assertEquals("'already quoted", second.note());
    LinkRecord third = back.stream().filter(r -> r.qid().equals("Q3")).findFirst().orElseThrow();
    assertEquals(longLabel, third.label());
    assertEquals("+x", third.note());
    // writing what was read gives the same file, byte for byte
    LinksFile.write(file, back);
    assertEquals(text, Files.readString(file, StandardCharsets.UTF_8));
  }
}
