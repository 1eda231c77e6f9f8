package org.w3id.newsgraph.cli;

import java.nio.file.Path;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.Layout;
import picocli.CommandLine.Option;

/** Where the ontology and the facts are: the options every command that loads the graph shares. */
final class InputOptions {
  @Option(
      names = "--ontology",
      paramLabel = "DIR",
      defaultValue = "ontology",
      description = "Folder with newsgraph.ttl and shapes.ttl (default: ${DEFAULT-VALUE}).")
  Path ontology;

  @Option(
      names = "--triples",
      paramLabel = "DIR",
      defaultValue = "triples",
      description = "Folder with the CSV facts (default: ${DEFAULT-VALUE}).")
  Path triples;

  @Option(
      names = "--max-errors",
      paramLabel = "N",
      defaultValue = "100",
      description = "Report at most N problems (default: ${DEFAULT-VALUE}).")
  private int maxErrors;

  Layout layout() {
    return Layout.of(ontology, triples);
  }

  KnowledgeGraph load() {
    return NewsGraph.load(layout(), maxErrors());
  }

  /** {@code --max-errors}, checked. */
  int maxErrors() {
    if (maxErrors < 1) {
      throw new NewsGraphException(ErrorId.BAD_OPTION, "--max-errors must be at least 1");
    }
    return maxErrors;
  }
}
