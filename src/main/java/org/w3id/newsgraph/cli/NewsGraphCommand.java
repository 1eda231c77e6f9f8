package org.w3id.newsgraph.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command; the work is done by its subcommands. */
@Command(
    name = "newsgraph",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    exitCodeOnInvalidInput = Main.USER_ERROR,
    exitCodeOnExecutionException = Main.BUG,
    description = {
      "Turns news articles into a validated, provenance-rich RDF knowledge graph.",
      "Reads ontology/ and triples/ of the working directory unless told otherwise."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:invalid input or data, unknown name, bad option (the message says what to fix)",
      "2:internal error (run with -v for the stack trace)"
    },
    subcommands = {
      ValidateCommand.class,
      ExportCommand.class,
      BuildCommand.class,
      QueryCommand.class,
      ServeCommand.class,
      SiteCommand.class,
      LinkCommand.class,
      DraftCommand.class
    })
public final class NewsGraphCommand implements Runnable {
  private final Main.Streams streams;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Log progress and show stack traces of errors.")
  private boolean verbose;

  NewsGraphCommand(Main.Streams streams) {
    this.streams = streams;
  }

  boolean verbose() {
    return verbose;
  }

  Main.Streams streams() {
    return streams;
  }

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing command: one of "
            + String.join(", ", spec.subcommands().keySet())
            + " (see --help)");
  }
}
