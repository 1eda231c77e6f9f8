package org.w3id.newsgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.store.TestProject;

/** Reviewing a draft: what a person accepts moves on, what they reject is not proposed again. */
class DraftsTest {
  private static final String SOURCE = "gazette-2021-12-ttp-talks";

  @TempDir Path tmp;

  @Test
  void rejectedRowsAndRejectedEntitiesAreNotProposedAgain() throws IOException {
    // the project's own triples and a follow-up article (the fixture of DraftIT)
    Path triples = tmp.resolve("triples");
    TestProject.copyTree(Path.of("triples"), triples);
    Path fixture = Path.of("src/test/resources/draft/harbour");
    Files.copy(fixture.resolve("source.txt"), triples.resolve("sources/" + SOURCE + ".txt"));
    append(triples.resolve("sources.csv"), fixture.resolve("sources-row.csv"));
    append(triples.resolve("entities.csv"), fixture.resolve("entities-row.csv"));
    Layout layout = Layout.of(Path.of("ontology"), triples);

    Drafts.Drafted first = Drafts.draft(layout, SOURCE, false);
    // the reviewer rejects the unnamed officials as a new entity and the mediation row they report,
    // and accepts the rows that do not use them
    String officials =
        first.draft().entities().stream()
            .filter(e -> e.clazz().equals("AnonymousSource"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no source proposed: " + first.draft()))
            .id();
    assertTrue(first.draft().rows().stream().anyMatch(r -> uses(r, officials)));
    assertTrue(
        first.draft().rows().stream()
            .anyMatch(r -> r.property().equals("mediates") && uses(r, officials)));
    // a row that uses the officials and that the reviewer leaves undecided
    assertTrue(
        first.draft().rows().stream()
            .anyMatch(r -> !r.property().equals("mediates") && uses(r, officials)));
    List<String> accepted =
        first.draft().rows().stream().filter(r -> !uses(r, officials)).map(Draft.Row::key).toList();
    assertFalse(accepted.isEmpty());
    decide(
        first.entitiesFile(),
        Drafts.ENTITY_COLUMNS,
        r -> r.get("id").equals(officials) ? "reject" : "");
    decide(
        first.rowsFile(),
        Drafts.ROW_COLUMNS,
        r ->
            r.get("property").equals("mediates") && uses(r, officials)
                ? "reject"
                : uses(r, officials) ? "" : "accept");
    Drafts.Accepted a = Drafts.accept(layout, SOURCE, 100);
    assertEquals(1, a.rejected());
    assertEquals(1, a.rejectedEntities());
    assertTrue(a.facts() >= 1, "accepted: " + a);
    assertTrue(
        Files.readString(Drafts.rejectedEntitiesFile(layout, SOURCE), StandardCharsets.UTF_8)
            .contains(officials));
    assertFalse(Files.readString(layout.entitiesCsv(), StandardCharsets.UTF_8).contains(officials));

    Draft again = Drafts.propose(layout, SOURCE, Lexicon.load(triples));
    assertTrue(
        again.entities().stream().noneMatch(e -> e.label().equalsIgnoreCase(officials)),
        "a rejected entity came back: " + again.entities());
    for (Draft.Row r : again.rows()) {
      assertFalse(uses(r, officials), "a row of a rejected entity came back: " + r);
      assertFalse(r.property().equals("mediates"), "a rejected row came back: " + r);
      assertFalse(accepted.contains(r.key()), "an accepted row is proposed again: " + r);
    }
  }

  private static void append(Path file, Path rows) throws IOException {
    String old = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(
        file,
        (old.endsWith("\n") ? old : old + "\n") + Files.readString(rows, StandardCharsets.UTF_8),
        StandardCharsets.UTF_8);
  }

  private static boolean uses(Draft.Row r, String id) {
    return r.subject().equals(id) || r.object().equals(id) || r.by().equals(id);
  }

  private static boolean uses(Csv.Row r, String id) {
    return r.get("subject").equals(id) || r.get("object").equals(id) || r.get("by").equals(id);
  }

  private static void decide(Path file, List<String> columns, Function<Csv.Row, String> decision)
      throws IOException {
    List<List<String>> out = new ArrayList<>();
    out.add(columns);
    for (Csv.Row r : Csv.read(file, columns, true)) {
      List<String> v = new ArrayList<>();
      for (String c : columns) {
        v.add(c.equals("decision") ? decision.apply(r) : r.get(c));
      }
      out.add(v);
    }
    Files.writeString(file, Csv.format(out, true), StandardCharsets.UTF_8);
  }
}
