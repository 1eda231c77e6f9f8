package org.w3id.newsgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.load.OntologyIndex;

/** The cue lexicon: the built-in tables against the ontology, a project's own rows, bad rows. */
class LexiconTest {
  private static final Path ONTOLOGY = Path.of("ontology");
  private static final OntologyIndex ONTO =
      Drafts.ontologyOf(Layout.of(ONTOLOGY, Path.of("triples")));

  @TempDir Path tmp;

  @Test
  void theBuiltInTablesParseAndFitTheOntology() {
    Lexicon lx = Lexicon.load(null).check(ONTO);
    assertTrue(lx.relations().size() > 40, "relation cues: " + lx.relations().size());
    for (Lexicon.RelationCue c : lx.relations()) {
      assertTrue(ONTO.isObjectProperty(c.property()), c.at() + ": " + c.property());
      Node p = OntologyIndex.term(c.property());
      assertFalse(ONTO.domains(p).isEmpty() && ONTO.ranges(p).isEmpty(), c.at());
      for (Map.Entry<String, String> e : c.slotClasses().entrySet()) {
        Node k = OntologyIndex.term(e.getValue());
        for (Node n : e.getKey().equals("s") ? ONTO.domains(p) : ONTO.ranges(p)) {
          assertTrue(
              ONTO.isSubClassOf(k, n) || ONTO.isSubClassOf(n, k),
              c.at() + ": {" + e.getKey() + ":" + e.getValue() + "} against " + n);
        }
      }
      if (!c.object().isEmpty()) {
        assertTrue(ONTO.individual(c.object()).isPresent(), c.at() + ": " + c.object());
      }
    }
    for (Lexicon.ClassCue c : lx.classes()) {
      assertTrue(ONTO.clazz(c.clazz()).isPresent(), c.at() + ": " + c.clazz());
      assertTrue(Lexicon.WHERE.contains(c.where()), c.at());
    }
    assertFalse(lx.attributions().isEmpty());
  }

  @Test
  void aProjectsOwnRowIsPickedUpBeforeTheBuiltInOnes() throws IOException {
    Path triples = copyNorthland();
    Files.createDirectories(triples.resolve("lexicon"));
    Files.writeString(
        triples.resolve("lexicon/relations.csv"),
        "property,pattern,confidence,voice,note\n"
            + "hasLinksWith,{s} is holding ~2 with {o},0.95,sentence,a cue of this project\n",
        StandardCharsets.UTF_8);
    Lexicon lx = Lexicon.load(triples);
    assertEquals("hasLinksWith", lx.relations().get(0).property());
    assertTrue(lx.relations().get(0).at().contains("lexicon"), lx.relations().get(0).at());
    Draft d = Drafts.propose(Layout.of(ONTOLOGY, triples), "ledger-2024-03-northland-talks", lx);
    assertTrue(
        d.rows().stream()
            .anyMatch(
                r ->
                    r.property().equals("hasLinksWith")
                        && r.subject().equals("government-of-northland")
                        && r.object().equals("red-hand-front")
                        && r.why().contains("is holding ~2 with")),
        "the project's cue proposes its row: " + d.rows());
  }

  @Test
  void aBrokenRowIsReportedWithFileLineAndColumn() throws IOException {
    assertBroken(
        "relations.csv",
        "property,pattern,confidence,voice,note\nleads,{s} heads {o},0.7,sentence,\n"
            + "mediatez,{s} brokered {o},0.7,sentence,typo\n",
        ":3: [property] 'mediatez'");
    assertBroken(
        "relations.csv",
        "property,pattern,confidence,voice,note\nleads,{s} heads {x},0.7,sentence,\n",
        ":2: [pattern] '{x}'");
    assertBroken(
        "relations.csv",
        "property,pattern,confidence,voice,note\nleads,{s} heads {o},high,sentence,\n",
        ":2: [confidence] 'high'");
    assertBroken(
        "relations.csv",
        "property,pattern,confidence,voice,note\nleads,{s:Attack} heads {o},0.7,sentence,\n",
        ":2: [pattern] {s:Attack} does not fit the domain Agent of leads");
    assertBroken(
        "relations.csv",
        "property,pattern,confidence,voice,object,note\nstatus,{s:Event} ended,0.5,sentence,over,\n",
        ":2: [object] 'over'");
    assertBroken(
        "relations.csv",
        "property,pattern,confidence,voice,note\nleads,{s} heads {o},0.7\n",
        ":2: expected 5 fields, found 3");
    assertBroken(
        "classes.csv", "cue,where,class,note\nbrigade,head,Brigade,\n", ":2: [class] 'Brigade'");
    assertBroken(
        "classes.csv", "cue,where,class,note\nbrigade,after,ArmedForce,\n", ":2: [where] 'after'");
    assertBroken(
        "attribution.csv", "pattern,stance,note\n{x} whispered,mumbles,\n", ":2: [stance]");
  }

  private void assertBroken(String table, String text, String expected) throws IOException {
    Path triples = Files.createTempDirectory(tmp, "t");
    Files.createDirectories(triples.resolve("lexicon"));
    Files.writeString(triples.resolve("lexicon").resolve(table), text, StandardCharsets.UTF_8);
    NewsGraphException e =
        assertThrows(NewsGraphException.class, () -> Lexicon.load(triples).check(ONTO));
    String file = triples.resolve("lexicon").resolve(table).toString();
    assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private Path copyNorthland() throws IOException {
    Path from = Path.of("src/test/resources/draft/northland/triples");
    Path to = tmp.resolve("triples");
    for (Path p : List.of(Path.of("sources.csv"), Path.of("entities.csv"))) {
      Files.createDirectories(to);
      Files.copy(from.resolve(p), to.resolve(p));
    }
    Files.createDirectories(to.resolve("sources"));
    Files.copy(
        from.resolve("sources/ledger-2024-03-northland-talks.txt"),
        to.resolve("sources/ledger-2024-03-northland-talks.txt"));
    return to;
  }
}
