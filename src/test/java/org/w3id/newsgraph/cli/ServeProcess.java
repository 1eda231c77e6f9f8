package org.w3id.newsgraph.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code java -jar target/newsgraph.jar serve ...} as a separate process: started, watched until it
 * prints its endpoint (or exits), and stopped with SIGTERM as Ctrl-C or a service manager would.
 */
final class ServeProcess implements AutoCloseable {
  static final String ENDPOINT = "  SPARQL endpoint: ";

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();
  private final Thread outReader;
  private final Thread errReader;
  private final long startNanos;
  private Path ownCache;

  private ServeProcess(Process process, long startNanos) {
    this.process = process;
    this.startNanos = startNanos;
    this.outReader = drain(process.getInputStream(), out);
    this.errReader = drain(process.getErrorStream(), err);
  }

  /** The fat jar the build made (failsafe passes its path). */
  static Path jar() {
    return Path.of(System.getProperty("newsgraph.jar", "target/newsgraph.jar"));
  }

  /**
   * Starts {@code newsgraph serve args...} in {@code dir} (the project folder if null), with an
   * empty cache of checked graphs of its own, so that it loads the CSV as on a first start.
   */
  static ServeProcess start(Path dir, List<String> jvm, String... args) {
    try {
      Path cache = Files.createTempDirectory("newsgraph-cache");
      ServeProcess p = start(dir, jvm, cache, args);
      p.ownCache = cache;
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts {@code newsgraph serve args...} in {@code dir} (the project folder if null), with {@code
   * cacheHome} as its {@code XDG_CACHE_HOME}.
   */
  static ServeProcess start(Path dir, List<String> jvm, Path cacheHome, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.add("-jar");
    cmd.add(jar().toAbsolutePath().toString());
    cmd.add("serve");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("XDG_CACHE_HOME", cacheHome.toString());
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    try {
      long start = System.nanoTime();
      return new ServeProcess(pb.start(), start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ServeProcess start(String... args) {
    return start(null, List.of(), args);
  }

  /**
   * Waits until the endpoint line is printed and returns the endpoint URL, or null if the process
   * ended first.
   */
  String awaitEndpoint() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      for (String line : out) {
        if (line.startsWith(ENDPOINT)) {
          return line.substring(ENDPOINT.length()).strip();
        }
      }
      if (!process.isAlive()) {
        outReader.join(5000);
        errReader.join(5000);
        return null;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("no endpoint after 120 s; out=" + out + " err=" + err);
  }

  /** Milliseconds since the process was started. */
  long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** Waits for the process to end by itself; returns its exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("did not exit; out=" + out + " err=" + err);
    }
    outReader.join(5000);
    errReader.join(5000);
    return process.exitValue();
  }

  /** Sends SIGTERM and waits for the process to end; returns its exit code. */
  int terminate() throws InterruptedException {
    // SIGTERM through the handle: Process.destroy() would also close our ends of the pipes and
    // lose what the process prints while it stops.
    process.toHandle().destroy();
    return awaitExit();
  }

  /** The process {@code java} started: the launcher, when the jar relaunches itself. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  List<String> out() {
    return List.copyOf(out);
  }

  List<String> err() {
    return List.copyOf(err);
  }

  String outText() {
    return String.join("\n", out);
  }

  String errText() {
    return String.join("\n", err);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.onExit().join();
    }
    if (ownCache != null) {
      try (Stream<Path> files = Files.walk(ownCache)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Thread drain(InputStream in, List<String> into) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  into.add(line);
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "serve-output");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
