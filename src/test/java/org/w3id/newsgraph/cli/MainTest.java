package org.w3id.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.store.GraphStore;
import org.w3id.newsgraph.store.TestProject;

/** The command line in process: what picocli converts and checks, and the root help. */
class MainTest {
  private record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, out, err);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aMissingCommandListsEveryCommand() {
    Run r = run();
    assertEquals(Main.USER_ERROR, r.code);
    assertEquals(
        "Missing command: one of validate, export, build, query, serve, site, link, draft"
            + " (see --help) [bad-option]",
        r.errLines().get(0));
  }

  @Test
  void theRootHelpFitsOnOneScreenWithOneLinePerCommand() {
    Run r = run("--help");
    assertEquals(Main.OK, r.code);
    List<String> lines = r.out.lines().toList();
    assertTrue(lines.size() <= 24, lines.size() + " lines:\n" + r.out);
    for (String command :
        List.of("validate", "export", "build", "query", "serve", "site", "link", "draft")) {
      List<String> rows = lines.stream().filter(l -> l.startsWith("  " + command + " ")).toList();
      assertEquals(1, rows.size(), command + ": " + r.out);
      assertTrue(rows.get(0).endsWith("."), "a whole sentence: " + rows.get(0));
    }
  }

  @Test
  void formatsAreNamedInAnyCaseAndAWrongOneListsTheOthers() {
    // picocli names the constants in its message; any case is accepted
    Run tsv = run("query", "mediators", "--format", "TSV");
    assertEquals(Main.OK, tsv.code, tsv.err);
    assertTrue(tsv.out.startsWith("?mediator\t"), tsv.out);

    Run xml = run("query", "mediators", "--format", "xml");
    assertEquals(Main.USER_ERROR, xml.code);
    assertEquals(
        "Invalid value for option '--format': expected one of [TABLE, CSV, TSV, JSON]"
            + " (case-insensitive) but was 'xml' [bad-option]",
        xml.errLines().get(0));

    Run ttl = run("export", "--format", "ttl");
    assertEquals(Main.USER_ERROR, ttl.code);
    assertEquals(
        "Invalid value for option '--format': expected one of [TURTLE, NTRIPLES, JSONLD, TRIG,"
            + " RDFXML, NQUADS] (case-insensitive) but was 'ttl' [bad-option]",
        ttl.errLines().get(0));
    assertEquals("", ttl.out);
  }

  @Test
  void durationsAndSizesAreConvertedBeforeAnythingIsLoaded() {
    Run timeout = run("serve", "--timeout", "10x");
    assertEquals(Main.USER_ERROR, timeout.code);
    assertEquals(
        "Invalid value for option '--timeout': '10x' is not a duration; use a number with a unit,"
            + " e.g. 10s, 500ms, 2m [bad-option]",
        timeout.errLines().get(0));
    assertEquals("See 'newsgraph serve --help'.", timeout.errLines().get(1));

    Run body = run("serve", "--max-body", "0");
    assertEquals(Main.USER_ERROR, body.code);
    assertEquals(
        "Invalid value for option '--max-body': '0' is zero; a size must be positive"
            + " [bad-option]",
        body.errLines().get(0));
  }

  @Test
  void eachLimitIsCheckedInOnePlace() {
    assertEquals(
        "--max-errors must be at least 1 [bad-option]",
        run("serve", "--max-errors", "0").errLines().get(0));
    assertEquals(
        "--max-errors must be at least 1 [bad-option]",
        run("validate", "--max-errors", "0").errLines().get(0));
    assertEquals(
        "port 70000 is out of range; use 0 to 65535 [bad-option]",
        run("serve", "--port", "70000").errLines().get(0));
    assertEquals(
        "the row limit must be at least 1 [bad-option]",
        run("serve", "--max-rows", "0").errLines().get(0));
  }

  @Test
  void aBrokenCsvLeavesTheStoreAsItWasAndSaysSo(@TempDir Path tmp) throws Exception {
    TestProject project = TestProject.copy(tmp.resolve("project"));
    Path store = tmp.resolve("store");
    String[] build = {
      "build",
      "--store",
      store.toString(),
      "--ontology",
      project.ontology().toString(),
      "--triples",
      project.triples().toString()
    };
    assertEquals(Main.OK, run(build).code);
    String record = Files.readString(store.resolve(GraphStore.RECORD_FILE));
    project.breakFacts();
    Run r =
        run(
            "serve",
            "--port",
            "0",
            "--store",
            store.toString(),
            "--ontology",
            project.ontology().toString(),
            "--triples",
            project.triples().toString());
    assertEquals(Main.USER_ERROR, r.code);
    assertTrue(r.err.contains("unknown entity id 'ttp-typo'"), r.err);
    assertTrue(r.err.contains("Not serving; the store " + store + " was left as it was."), r.err);
    assertEquals("", r.out, "nothing served");
    assertEquals(record, Files.readString(store.resolve(GraphStore.RECORD_FILE)));
  }
}
