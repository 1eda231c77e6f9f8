package org.w3id.newsgraph.load;

import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.newsgraph.util.InputFile;

/** Reads Turtle files, turning parse errors into {@link Problem}s with line and column. */
final class RdfFiles {
  private RdfFiles() {}

  /** Parses a Turtle file; returns an empty graph and records problems if it cannot. */
  static Graph readTurtle(Path file, String shownAs, Problems problems) {
    Graph graph = GraphFactory.createDefaultGraph();
    java.util.Optional<String> unreadable = InputFile.whyUnreadable(file);
    if (unreadable.isPresent()) {
      problems.add(Location.of(shownAs), null, unreadable.get());
      return graph;
    }
    int before = problems.total();
    ErrorHandler handler =
        new ErrorHandler() {
          @Override
          public void warning(String message, long line, long col) {
            problems.add(new Location(shownAs, line, col), null, message);
          }

          @Override
          public void error(String message, long line, long col) {
            problems.add(new Location(shownAs, line, col), null, message);
          }

          @Override
          public void fatal(String message, long line, long col) {
            problems.add(new Location(shownAs, line, col), null, message);
            throw new RiotException(message);
          }
        };
    try {
      RDFParser.source(file).lang(Lang.TURTLE).errorHandler(handler).parse(graph);
    } catch (RiotException e) {
      if (problems.total() == before) {
        problems.add(Location.of(shownAs), null, e.getMessage());
      }
    }
    return graph;
  }
}
