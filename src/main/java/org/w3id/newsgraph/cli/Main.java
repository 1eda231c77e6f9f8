package org.w3id.newsgraph.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.NewsGraphException;
import picocli.CommandLine;

/**
 * Entry point, and the one place that turns outcomes into exit codes: {@value #OK} success, {@value
 * #USER_ERROR} a problem with the input or the options (message only), {@value #BUG} an internal
 * error (message; stack trace with {@code -v}). Every error message ends with its {@link ErrorId}
 * in brackets, e.g. {@code [invalid-input]}.
 */
public final class Main {
  /** Success. */
  public static final int OK = 0;

  /** Bad input, invalid data, unknown name, bad option: the message says what to fix. */
  public static final int USER_ERROR = 1;

  /** A bug in NewsGraph. */
  public static final int BUG = 2;

  private Main() {}

  public static void main(String[] args) {
    OptionalInt child = Launcher.relaunch(args);
    if (child.isPresent()) {
      System.exit(child.getAsInt());
    }
    Launcher.watchParent();
    if (args.length > 0 && args[0].equals("serve")) {
      Warmup.start();
    }
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line with the given streams; returns the exit code. Never exits. */
  public static int run(String[] args, OutputStream out, OutputStream err) {
    Streams streams = new Streams(out, err);
    NewsGraphCommand root = new NewsGraphCommand(streams);
    CommandLine cmd = new CommandLine(root);
    Supplier<Object> named = args.length > 0 ? NewsGraphCommand.SUBCOMMANDS.get(args[0]) : null;
    if (named != null) {
      cmd.addSubcommand(args[0], named.get());
    } else {
      NewsGraphCommand.SUBCOMMANDS.forEach(
          (name, command) -> cmd.addSubcommand(name, command.get()));
    }
    cmd.setOut(new PrintWriter(streams.out(), true));
    cmd.setErr(new PrintWriter(streams.err(), true));
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionStrategy(
        parseResult -> {
          Warmup.awaitJena();
          setLogLevel(root.verbose());
          return new CommandLine.RunLast().execute(parseResult);
        });
    cmd.setParameterExceptionHandler(
        (ex, badArgs) -> {
          PrintWriter e = ex.getCommandLine().getErr();
          e.println(ex.getMessage() + " [" + ErrorId.BAD_OPTION + "]");
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
          e.println("See '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          e.flush();
          return USER_ERROR;
        });
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter e = commandLine.getErr();
          if (ex instanceof NewsGraphException user) {
            e.println(user.getMessage() + " [" + user.id() + "]");
            if (root.verbose()) {
              ex.printStackTrace(e);
            }
            e.flush();
            return USER_ERROR;
          }
          e.println("internal error: " + ex + " [" + ErrorId.INTERNAL + "]");
          if (root.verbose()) {
            ex.printStackTrace(e);
          } else {
            e.println("(run again with -v for the stack trace)");
          }
          e.flush();
          return BUG;
        });
    int code = cmd.execute(args);
    streams.flush();
    return code;
  }

  private static void setLogLevel(boolean verbose) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(verbose ? Level.INFO : Level.WARN);
  }

  /** The output and error streams of one run. */
  static final class Streams {
    private final PrintStream out;
    private final PrintStream err;

    Streams(OutputStream out, OutputStream err) {
      this.out = new PrintStream(out, false, StandardCharsets.UTF_8);
      this.err = new PrintStream(err, false, StandardCharsets.UTF_8);
    }

    PrintStream out() {
      return out;
    }

    PrintStream err() {
      return err;
    }

    void flush() {
      out.flush();
      err.flush();
    }
  }
}
