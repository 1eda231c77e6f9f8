package org.w3id.newsgraph.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.util.FileTrees;

/** A copy of the project's real ontology/ and triples/ in a temporary folder, to change freely. */
public final class TestProject {
  /** The label of the TTP in entities.csv, which tests change to see a rebuild. */
  public static final String TTP_LABEL = "Tehrik-e Taliban Pakistan";

  private final Path root;

  private TestProject(Path root) {
    this.root = root;
  }

  /** Copies {@code ontology/} and {@code triples/} of the working directory into {@code dir}. */
  public static TestProject copy(Path dir) throws IOException {
    copyTree(Path.of("ontology"), dir.resolve("ontology"));
    copyTree(Path.of("triples"), dir.resolve("triples"));
    return new TestProject(dir);
  }

  public Path root() {
    return root;
  }

  public Path ontology() {
    return root.resolve("ontology");
  }

  public Path triples() {
    return root.resolve("triples");
  }

  public Layout layout() {
    return Layout.of(ontology(), triples());
  }

  public Path entities() {
    return triples().resolve("entities.csv");
  }

  /** Replaces the first {@code from} in entities.csv by {@code to}. */
  public void editEntities(String from, String to) throws IOException {
    String text = Files.readString(entities(), StandardCharsets.UTF_8);
    if (!text.contains(from)) {
      throw new IllegalArgumentException("entities.csv has no '" + from + "'");
    }
    Files.writeString(entities(), text.replaceFirst(java.util.regex.Pattern.quote(from), to));
  }

  /** Makes the graph invalid: a fact about an entity that is not declared. */
  public void breakFacts() throws IOException {
    Path facts;
    try (Stream<Path> files = Files.list(triples().resolve("facts"))) {
      facts = files.sorted().findFirst().orElseThrow();
    }
    String text = Files.readString(facts, StandardCharsets.UTF_8);
    Files.writeString(facts, text.replaceFirst(",ttp,", ",ttp-typo,"));
  }

  /** Copies the folder {@code from} with all it holds to {@code to}. */
  public static void copyTree(Path from, Path to) throws IOException {
    FileTrees.copy(from, to);
  }

  /** The id of the seed's one article. */
  public static final String SEED = "rferl-2021-11-ttp-secret-talks";

  /**
   * Adds a second article {@code id}: the seed's text and facts under a new source id (the same
   * entities, so both articles share them).
   */
  public void addCopyOfSeed(String id) throws IOException {
    Path t = triples();
    Files.copy(t.resolve("sources/" + SEED + ".txt"), t.resolve("sources/" + id + ".txt"));
    Files.copy(t.resolve("facts/" + SEED + ".csv"), t.resolve("facts/" + id + ".csv"));
    List<String> lines = Files.readAllLines(t.resolve("sources.csv"), StandardCharsets.UTF_8);
    String seedRow = lines.stream().filter(l -> l.startsWith(SEED + ",")).findFirst().orElseThrow();
    lines.add(id + seedRow.substring(SEED.length()));
    Files.write(t.resolve("sources.csv"), lines, StandardCharsets.UTF_8);
  }

  /** Removes the article {@code id}: its row, its text and its facts. */
  public void removeArticle(String id) throws IOException {
    Path t = triples();
    Files.delete(t.resolve("sources/" + id + ".txt"));
    Files.delete(t.resolve("facts/" + id + ".csv"));
    List<String> lines = Files.readAllLines(t.resolve("sources.csv"), StandardCharsets.UTF_8);
    lines.removeIf(l -> l.startsWith(id + ","));
    Files.write(t.resolve("sources.csv"), lines, StandardCharsets.UTF_8);
  }

  /** Appends a line to the facts file of {@code id} (e.g. an invalid row). */
  public void appendFact(String id, String row) throws IOException {
    Path f = triples().resolve("facts/" + id + ".csv");
    Files.writeString(f, Files.readString(f, StandardCharsets.UTF_8) + row + "\n");
  }
}
