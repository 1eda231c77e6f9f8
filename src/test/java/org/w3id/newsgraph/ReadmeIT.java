package org.w3id.newsgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The documentation is the test: every {@code $ java -jar target/newsgraph.jar ...} line in a
 * {@code console} block of README.md is run with the built jar, in a separate JVM, and its output
 * must be what the README shows. A block whose expected output ends with a line {@code ...} only
 * has to start with the lines before it.
 */
class ReadmeIT {
  private static final String PROMPT = "$ java -jar target/newsgraph.jar";

  record Example(int line, String command, List<String> expected) {}

  @TestFactory
  Stream<DynamicTest> everyCommandInTheReadmeGivesTheOutputItShows() throws IOException {
    List<Example> examples = examples(Files.readAllLines(Path.of("README.md")));
    assertFalse(examples.isEmpty(), "README.md shows no commands");
    return examples.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    "README.md:" + e.line() + " " + e.command(), () -> check(e)));
  }

  private static void check(Example e) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("java", "-jar", jar()));
    cmd.addAll(split(e.command().substring(PROMPT.length()).strip()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    List<String> actual = out.lines().toList();
    List<String> expected = e.expected();
    if (!expected.isEmpty() && expected.get(expected.size() - 1).equals("...")) {
      List<String> head = expected.subList(0, expected.size() - 1);
      assertTrue(actual.size() >= head.size(), () -> "output shorter than shown:\n" + out);
      assertEquals(String.join("\n", head), String.join("\n", actual.subList(0, head.size())));
    } else {
      assertEquals(String.join("\n", expected), String.join("\n", actual));
    }
  }

  static List<Example> examples(List<String> lines) {
    List<Example> out = new ArrayList<>();
    boolean inConsole = false;
    Example current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!inConsole) {
        inConsole = line.strip().equals("```console");
        continue;
      }
      if (line.strip().equals("```")) {
        inConsole = false;
        current = null;
      } else if (line.startsWith(PROMPT)) {
        current = new Example(i + 1, line, new ArrayList<>());
        out.add(current);
      } else if (line.startsWith("$ ")) {
        current = null; // another program (mvn, curl): shown, not run here
      } else if (current != null) {
        current.expected().add(line);
      }
    }
    return out;
  }

  /** Splits a command line on spaces, honouring single quotes. */
  static List<String> split(String args) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : args.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          out.add(word.toString());
          word.setLength(0);
          any = false;
        }
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(word.toString());
    }
    return out;
  }

  private static String jar() {
    String jar = System.getProperty("newsgraph.jar", "target/newsgraph.jar");
    assertTrue(Files.isRegularFile(Path.of(jar)), "build the jar first: " + jar);
    return jar;
  }
}
