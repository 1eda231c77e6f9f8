package org.w3id.newsgraph.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.w3id.newsgraph.store.GraphStore;

/**
 * Starts NewsGraph in a JVM set up for a quick start, when it can: {@code java -jar newsgraph.jar
 * ...} cannot name JVM options in the jar, so when {@code mvn package} has left a class-data
 * archive beside the jar ({@code newsgraph.jsa}, made by {@link CdsTraining}), this launcher runs
 * the same command once more in a child JVM that maps the archive's classes instead of loading,
 * parsing and verifying them one by one, and compiles with C1 only (on a small machine C2 competes
 * with the start for the few cores; see the README's startup section). The child's exit code is
 * this process's; standard streams are shared.
 *
 * <p>It steps aside, and the command runs in this JVM as before, when there is no archive or it is
 * older than the jar, when NewsGraph does not run from a jar, when the JVM was started with a
 * class-data option of its own, when {@value #OFF_PROPERTY}{@code =false}, and in the child itself
 * ({@value #CHILD_PROPERTY}). The user's own JVM options are passed on after the launcher's, so
 * they win.
 *
 * <p>The child stops when this process does: a TERM or INT here is passed on and waited for; if
 * this process is killed outright, the child notices its parent is gone ({@link #watchParent}) and
 * shuts down in order.
 */
final class Launcher {
  /** Set in the child, to the launching process's id. */
  static final String CHILD_PROPERTY = "newsgraph.launcher.parent";

  /** {@code -Dnewsgraph.launcher=false} runs every command in the JVM {@code java} started. */
  static final String OFF_PROPERTY = "newsgraph.launcher";

  /**
   * The commands whose start is most of their run on a project of a few articles, and which have a
   * start-time goal: they compile with C1 only (on 2 cores, C2's compiler threads compete with the
   * start). Every other command ({@code validate}, {@code export}, a first {@code build} of a
   * corpus...) keeps the JVM's full compilation, which pays off within seconds of work.
   */
  static final Set<String> C1_COMMANDS = Set.of("serve", "draft");

  /**
   * The commands that read a whole corpus once and end: with full compilation, C2 inlining Jena's
   * deep chains of iterators along their type profiles compiled for longer than the run itself
   * (22.9 s of compile time in an 18 s {@code validate} of 100,000 facts, on 2 cores beside the
   * loader's two threads). With shallower inlining and no type profiles ({@link #LEAN_C2}), C2
   * compiles what matters in a fraction of that: {@code validate} of 100 k facts took 13.5–14.2 s
   * (24 s CPU) against 19.1–19.9 s (36 s CPU), measured alternately on an idle machine; {@code
   * export} 16.4 against 19.5 s. At 1 M facts {@code validate} took the same either way (65.6 and
   * 62.7 s), and a first {@code build} of 1 M facts into TDB2, most of it Jena's bulk loader, was
   * slower (372 against 331 s), so {@code build} keeps C2's defaults.
   */
  static final Set<String> CORPUS_COMMANDS = Set.of("validate", "export");

  /** C2 with shallower inlining and without type profiles: see {@link #CORPUS_COMMANDS}. */
  static final List<String> LEAN_C2 = List.of("-XX:MaxInlineLevel=6", "-XX:-UseTypeProfile");

  /**
   * The JVM options of the child, before the user's own: the archive, and C1 only for {@link
   * #C1_COMMANDS}, except on a {@code --store} or a {@code serve} of a corpus in memory ({@link
   * #CORPUS_BYTES}), where queries gain more from C2's code than the start loses. A {@code build}
   * that updates a TDB2 store built before is C1 only too: it reads the shared files and the
   * changed articles once and ends, and C2 compiling that short run cost more CPU than the run
   * itself (measured: 11 s of CPU against 4.5 s with C1 for one changed article of 1,000; see the
   * README's section on many articles). The {@link #CORPUS_COMMANDS} compile with {@link #LEAN_C2}.
   */
  static List<String> childOptions(Path archive, List<String> args) {
    List<String> options = new ArrayList<>();
    options.add("-XX:SharedArchiveFile=" + archive);
    options.add("-Xshare:auto");
    options.add("-Xlog:cds=off");
    options.add("-Xlog:cds+dynamic=off");
    Optional<String> store = option(args, "--store");
    boolean quickStart =
        command(args).filter(C1_COMMANDS::contains).isPresent()
            && store.isEmpty()
            && !(command(args).equals(Optional.of("serve")) && isCorpus(args));
    if (quickStart || store.isPresent() && isUpdate(args, store.get())) {
      options.add("-XX:TieredStopAtLevel=1");
    } else if (command(args).filter(CORPUS_COMMANDS::contains).isPresent()) {
      options.addAll(LEAN_C2);
    }
    return options;
  }

  /** The command {@code args} name: the first that is not an option. */
  private static Optional<String> command(List<String> args) {
    return args.stream().filter(a -> !a.startsWith("-")).findFirst();
  }

  /** The value of the option {@code name} in {@code args}, if any. */
  private static Optional<String> option(List<String> args, String name) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith(name + "=")) {
        return Optional.of(a.substring(name.length() + 1));
      }
      if (a.equals(name)) {
        return Optional.of(i + 1 < args.size() ? args.get(i + 1) : "");
      }
    }
    return Optional.empty();
  }

  /**
   * Facts files of more than this many bytes in all make a corpus, which {@code serve} holds in
   * memory: its load and its queries gain more from C2 than its start loses (the seed project's are
   * about 50 KB; 100,000 synthetic facts are 25 MB).
   */
  static final long CORPUS_BYTES = 4L << 20;

  /** Whether the facts folder that {@code args} name holds more than {@link #CORPUS_BYTES}. */
  private static boolean isCorpus(List<String> args) {
    long bytes = 0;
    try (DirectoryStream<Path> facts =
        Files.newDirectoryStream(
            Path.of(option(args, "--triples").orElse("triples")).resolve("facts"), "*.csv")) {
      for (Path f : facts) {
        bytes += Files.size(f);
        if (bytes > CORPUS_BYTES) {
          return true;
        }
      }
    } catch (IOException | InvalidPathException e) {
      return false; // the command itself will say what is wrong with the folder
    }
    return false;
  }

  /** Whether {@code args} is a {@code build} into a TDB2 store folder that a build made before. */
  private static boolean isUpdate(List<String> args, String store) {
    if (!command(args).equals(Optional.of("build")) || store.contains("://")) {
      return false;
    }
    try {
      return Files.isRegularFile(Path.of(store).resolve(GraphStore.RECORD_FILE));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private Launcher() {}

  /**
   * Runs {@code args} in a child JVM and returns its exit code, or empty when the command should
   * run in this JVM.
   */
  static OptionalInt relaunch(String[] args) {
    if (System.getProperty(CHILD_PROPERTY) != null
        || "false".equals(System.getProperty(OFF_PROPERTY))) {
      return OptionalInt.empty();
    }
    Optional<Path> jar = jar();
    if (jar.isEmpty()) {
      return OptionalInt.empty();
    }
    Path archive = archiveFor(jar.get());
    ProcessHandle.Info self = ProcessHandle.current().info();
    Optional<List<String>> jvmOptions = self.arguments().flatMap(a -> jvmOptions(Arrays.asList(a)));
    if (!usable(jar.get(), archive)
        || jvmOptions.isEmpty()
        || jvmOptions.get().stream().anyMatch(Launcher::isCdsOption)) {
      return OptionalInt.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(childOptions(archive, Arrays.asList(args)));
    command.addAll(jvmOptions.get());
    command.add("-D" + CHILD_PROPERTY + "=" + ProcessHandle.current().pid());
    command.add("-jar");
    command.add(jar.get().toString());
    command.addAll(Arrays.asList(args));
    Process child;
    try {
      child = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      return OptionalInt.empty(); // run here instead
    }
    Thread passOn =
        new Thread(
            () -> {
              if (child.isAlive()) {
                child.destroy(); // TERM: the child's own shutdown hooks run
                try {
                  child.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            },
            "newsgraph-launcher");
    Runtime.getRuntime().addShutdownHook(passOn);
    while (true) {
      try {
        int code = child.waitFor();
        return OptionalInt.of(code);
      } catch (InterruptedException e) {
        // keep waiting: the child decides when the command is over
      }
    }
  }

  /**
   * In the child: exits (running the shutdown hooks) as soon as the launching process is gone, so
   * that killing it never leaves a server running behind. Does nothing in a JVM nobody launched.
   */
  static void watchParent() {
    String parent = System.getProperty(CHILD_PROPERTY);
    if (parent == null) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(parent);
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      System.exit(Main.BUG); // already gone
    }
    handle.get().onExit().thenRun(() -> System.exit(Main.USER_ERROR));
  }

  /** The archive that belongs beside {@code jar}: {@code newsgraph.jar} → {@code newsgraph.jsa}. */
  static Path archiveFor(Path jar) {
    String name = jar.getFileName().toString();
    String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    return jar.resolveSibling(base + ".jsa");
  }

  /** Whether {@code archive} exists and was made after {@code jar} (a rebuilt jar voids it). */
  static boolean usable(Path jar, Path archive) {
    try {
      return Files.isRegularFile(archive)
          && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The JVM options of a {@code java} command line: what comes before {@code -jar}; empty when it
   * was not started with {@code -jar}.
   */
  static Optional<List<String>> jvmOptions(List<String> arguments) {
    int jar = arguments.indexOf("-jar");
    return jar < 0 ? Optional.empty() : Optional.of(List.copyOf(arguments.subList(0, jar)));
  }

  private static boolean isCdsOption(String option) {
    return option.startsWith("-Xshare")
        || option.startsWith("-XX:SharedArchiveFile")
        || option.startsWith("-XX:ArchiveClassesAtExit");
  }

  /** The jar NewsGraph runs from; empty when it runs from classes (in tests, in an IDE). */
  static Optional<Path> jar() {
    CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(source.getLocation().toURI()).toAbsolutePath();
      return Files.isRegularFile(path) && path.toString().endsWith(".jar")
          ? Optional.of(path)
          : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
