package org.w3id.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.store.TestProject;

/**
 * The README's "Adding a second article" steps, run in process on a copy of the project: drop the
 * text in sources/, add its row, draft, review the draft as a spreadsheet would (a decision per
 * row), accept, validate and query; then draft again, and accept a bad edit that must change
 * nothing.
 */
class DraftIT {
  private static final Path FIXTURE = Path.of("src/test/resources/draft/harbour");
  private static final String SOURCE = "gazette-2021-12-ttp-talks";

  @TempDir Path project;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--ontology", project.resolve("ontology").toString(),
            "--triples", project.resolve("triples").toString()));
    if (args[0].equals("query")) {
      all.addAll(List.of("--queries", Path.of("queries").toString()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(all.toArray(String[]::new), out, err);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static List<CSVRecord> read(Path csv) throws IOException {
    try (Reader r = Files.newBufferedReader(csv);
        CSVParser p =
            CSVParser.builder()
                .setReader(r)
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())
                .get()) {
      return p.getRecords();
    }
  }

  /** Writes a draft back with a decision per row, as a person in a spreadsheet would. */
  private static void decide(Path draft, java.util.function.Function<CSVRecord, List<String>> edit)
      throws IOException {
    List<CSVRecord> rows = read(draft);
    List<String> header = rows.isEmpty() ? List.of() : rows.get(0).getParser().getHeaderNames();
    try (Writer w = Files.newBufferedWriter(draft);
        CSVPrinter p =
            new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      p.printRecord(header);
      for (CSVRecord r : rows) {
        p.printRecord(edit.apply(r));
      }
    }
  }

  @Test
  void aSecondArticleIsDraftedReviewedAcceptedAndQueried() throws IOException {
    TestProject.copyTree(Path.of("ontology"), project.resolve("ontology"));
    TestProject.copyTree(Path.of("triples"), project.resolve("triples"));
    Path triples = project.resolve("triples");
    // 1. the text in sources/, 2. its row in sources.csv (and its publisher, new here)
    Files.copy(FIXTURE.resolve("source.txt"), triples.resolve("sources/" + SOURCE + ".txt"));
    Files.writeString(
        triples.resolve("sources.csv"),
        Files.readString(FIXTURE.resolve("sources-row.csv")),
        StandardOpenOption.APPEND);
    Files.writeString(
        triples.resolve("entities.csv"),
        Files.readString(FIXTURE.resolve("entities-row.csv")),
        StandardOpenOption.APPEND);

    // 3. draft
    Run drafted = run("draft", SOURCE);
    assertEquals(0, drafted.code(), drafted.err());
    Path draft = triples.resolve("drafts/" + SOURCE + ".csv");
    List<CSVRecord> rows = read(draft);
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.get("subject").equals("government-of-pakistan")
                        && r.get("property").equals("negotiatesWith")
                        && r.get("object").equals("ttp")),
        "the draft reuses the known entities: " + rows);
    assertFalse(run("validate").out().contains(SOURCE), "a draft is not loaded");

    // 4. review: accept negotiatesWith and mediates, reject leads, leave the rest undecided
    decide(
        draft,
        r -> {
          List<String> v = new ArrayList<>(r.toList());
          String p = r.get("property");
          v.set(
              0,
              p.equals("negotiatesWith") || p.equals("mediates")
                  ? "accept"
                  : p.equals("leads") ? "reject" : "");
          return v;
        });
    long accepted = read(draft).stream().filter(r -> r.get("decision").equals("accept")).count();
    assertTrue(accepted >= 2, "rows to accept: " + accepted);

    // 5. accept
    Run accept = run("draft", "--accept", SOURCE);
    assertEquals(0, accept.code(), accept.err());
    List<CSVRecord> facts = read(triples.resolve("facts/" + SOURCE + ".csv"));
    assertEquals(accepted, facts.size());
    assertEquals("f001", facts.get(0).get("id"));
    assertTrue(
        Files.readString(triples.resolve("drafts/" + SOURCE + ".rejected.csv")).contains("leads"));

    // 6. the merged graph validates and answers queries with the new article's facts
    Run validate = run("validate");
    assertEquals(0, validate.code(), validate.err());
    assertTrue(validate.out().startsWith("valid: 2 sources"), validate.out());
    Run query = run("query", "negotiations");
    assertEquals(0, query.code(), query.err());
    assertTrue(query.out().contains("Pakistan held new talks with the TTP in Kabul"), query.out());

    // drafting again proposes neither the accepted nor the rejected rows
    Run again = run("draft", SOURCE);
    assertEquals(0, again.code(), again.err());
    for (CSVRecord r : read(draft)) {
      assertFalse(
          List.of("negotiatesWith", "mediates", "leads").contains(r.get("property"))
              && r.get("quote").contains("Kabul")
              && r.get("subject").equals("government-of-pakistan")
              && r.get("object").equals("ttp"),
          "proposed again: " + r);
      assertFalse(
          r.get("property").equals("leads") && r.get("subject").equals("noor-wali-mehsud"),
          "a rejected row came back: " + r);
    }

    // a bad edit is refused and changes nothing
    byte[] entitiesBefore = Files.readAllBytes(triples.resolve("entities.csv"));
    byte[] factsBefore = Files.readAllBytes(triples.resolve("facts/" + SOURCE + ".csv"));
    decide(
        draft,
        r -> {
          List<String> v = new ArrayList<>(r.toList());
          if (r.getRecordNumber() == 1) {
            v.set(0, "accept");
            v.set(3, "no-such-entity");
          }
          return v;
        });
    Run bad = run("draft", "--accept", SOURCE);
    assertEquals(1, bad.code(), bad.out());
    assertTrue(
        bad.err().contains("no-such-entity") && bad.err().contains("nothing written"), bad.err());
    assertArrayEquals(entitiesBefore, Files.readAllBytes(triples.resolve("entities.csv")));
    assertArrayEquals(factsBefore, Files.readAllBytes(triples.resolve("facts/" + SOURCE + ".csv")));
  }
}
