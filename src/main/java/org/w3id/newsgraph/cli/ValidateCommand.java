package org.w3id.newsgraph.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code newsgraph validate}: load, check, validate and summarise. */
@Command(
    name = "validate",
    header = "Check the ontology and the CSV facts and report every problem.",
    mixinStandardHelpOptions = true,
    description =
        "Loads the ontology and the CSV facts, checks them and runs the SHACL shapes. Prints a"
            + " summary and exits 0 when the graph is valid; prints every problem as"
            + " file:line:column: [field] message and exits 1 when it is not (nothing is loaded"
            + " then).")
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand private NewsGraphCommand root;
  @Mixin private InputOptions input;

  @Override
  public Integer call() {
    Summary s =
        NewsGraph.validate(
            input.layout(),
            input.maxErrors(),
            ProgressLine.forTerminal(root.streams().err(), "validating"));
    PrintStream out = root.streams().out();
    out.printf(
        "valid: %d source%s, %d entities (%d events), %d relations, %d claims, %d triples%n",
        s.sources(),
        s.sources() == 1 ? "" : "s",
        s.entities(),
        s.events(),
        s.relations(),
        s.claims(),
        s.triples());
    section(out, "Entities by class", s.entitiesByClass());
    section(out, "Relations by property", s.relationsByProperty());
    section(out, "Claims by stance", s.claimsByStance());
    return Main.OK;
  }

  private static void section(PrintStream out, String title, Map<String, Long> counts) {
    out.println();
    out.println(title + ":");
    int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
    counts.forEach((k, v) -> out.printf("  %-" + width + "s %5d%n", k, v));
  }
}
