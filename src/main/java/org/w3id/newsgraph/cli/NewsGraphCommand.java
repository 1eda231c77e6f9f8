package org.w3id.newsgraph.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
    })
public final class NewsGraphCommand implements Runnable {
  /**
   * The subcommands, in the order {@code --help} lists them. Picocli reads a command's annotations
   * when it is added, so {@link Main} adds only the one a command line names (all of them for the
   * root's help and errors): reading all eight took a tenth of a second of every start.
   */
  static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("validate", ValidateCommand::new);
    m.put("export", ExportCommand::new);
    m.put("build", BuildCommand::new);
    m.put("query", QueryCommand::new);
    m.put("serve", ServeCommand::new);
    m.put("site", SiteCommand::new);
    m.put("link", LinkCommand::new);
    m.put("draft", DraftCommand::new);
    return Collections.unmodifiableMap(m);
  }

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
