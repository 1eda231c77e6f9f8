package org.w3id.newsgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.export.ExportFormat;
import org.w3id.newsgraph.export.Exporter;
import org.w3id.newsgraph.load.LoadListener;
import org.w3id.newsgraph.load.LoadPlan;
import org.w3id.newsgraph.model.Iris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newsgraph export}: the whole graph in an RDF format. */
@Command(
    name = "export",
    header = "Write the graph in an RDF format (Turtle, N-Triples, TriG, ...).",
    mixinStandardHelpOptions = true,
    description =
        "Loads and validates the graph, then writes it (the data, not the ontology) in an RDF"
            + " format. Turtle, N-Triples and TriG are sorted and byte-for-byte stable from run to"
            + " run, so they diff well in git. With --output the file is written to a temporary"
            + " file first and moved into place: a failed export never leaves a half-written file.")
final class ExportCommand implements Callable<Integer> {
  @ParentCommand private NewsGraphCommand root;
  @Mixin private InputOptions input;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "turtle",
      description =
          "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})."
              + " ntriples and nquads stream one article at a time (each article's facts in its"
              + " own named graph in nquads), in bounded memory, sorted within each graph.")
  private ExportFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  private Path output;

  @Option(
      names = "--inferred",
      description =
          "Add what the ontology entails (inverse, symmetric and transitive relations,"
              + " superclasses, property chains). TriG keeps them in the named graph "
              + Iris.INFERRED_GRAPH
              + ".")
  private boolean inferred;

  @Override
  public Integer call() {
    ExportFormat fmt = format;
    if ((fmt == ExportFormat.NTRIPLES || fmt == ExportFormat.NQUADS) && !inferred) {
      int max = input.maxErrors();
      LoadListener progress = ProgressLine.forTerminal(root.streams().err(), "exporting");
      Exporter.Load load =
          sink -> NewsGraph.stream(input.layout(), max, LoadPlan.ALL, sink, progress);
      if (output == null) {
        Exporter.stream(load, fmt, root.streams().out());
      } else {
        Exporter.streamFile(load, fmt, output);
      }
      return Main.OK;
    }
    KnowledgeGraph kg = input.load();
    var extra = inferred ? kg.inferred() : null;
    if (output == null) {
      Exporter.write(kg.asserted(), extra, Iris.prefixes(), fmt, root.streams().out());
    } else {
      Exporter.writeFile(kg.asserted(), extra, Iris.prefixes(), fmt, output);
    }
    return Main.OK;
  }
}
