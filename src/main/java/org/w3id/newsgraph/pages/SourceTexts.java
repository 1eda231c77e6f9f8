package org.w3id.newsgraph.pages;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.load.SourceText;

/**
 * The stored texts of the articles, as content paragraphs (page furniture left out), for the
 * article pages. The graph holds each sentence that backs a fact; the rest of the text is in {@code
 * triples/sources/<id>.txt}. Without texts an article page shows the sentences of the graph only.
 */
public final class SourceTexts {
  private final Layout layout;
  private final Map<String, Optional<List<String>>> cache = new ConcurrentHashMap<>();
  private volatile Map<String, Set<String>> furniture;

  private SourceTexts(Layout layout) {
    this.layout = layout;
  }

  /** No texts: article pages show the sentences of the graph only. */
  public static SourceTexts none() {
    return new SourceTexts(null);
  }

  /** The texts of a project (read when first asked for, then kept). */
  public static SourceTexts of(Layout layout) {
    return new SourceTexts(layout);
  }

  /** The content paragraphs of source {@code id}, or empty if its text cannot be read. */
  Optional<List<String>> paragraphs(String id) {
    if (layout == null) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(id, this::read);
  }

  private Optional<List<String>> read(String id) {
    Path file = layout.sourceText(id);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Set<String> lines = furniture().getOrDefault(id, Set.of());
      return Optional.of(SourceText.read(file, lines).paragraphs());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The furniture lines of each source, from {@code sources.csv}. */
  private Map<String, Set<String>> furniture() throws IOException {
    Map<String, Set<String>> f = furniture;
    if (f == null) {
      f = new ConcurrentHashMap<>();
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      try (Reader in = Files.newBufferedReader(layout.sourcesCsv(), StandardCharsets.UTF_8)) {
        for (CSVRecord row : format.parse(in)) {
          Set<String> lines = new HashSet<>();
          if (row.isMapped("furniture") && row.isSet("furniture")) {
            for (String line : row.get("furniture").split("\\|")) {
              if (!line.isBlank()) {
                lines.add(line.strip());
              }
            }
          }
          f.put(row.get("id"), lines);
        }
      }
      furniture = f;
    }
    return f;
  }
}
