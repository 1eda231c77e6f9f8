package org.w3id.newsgraph.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
