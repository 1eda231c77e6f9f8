package org.w3id.newsgraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.store.GraphCache;
import org.w3id.newsgraph.store.GraphStore;
import org.w3id.newsgraph.util.FileTrees;

/**
 * The training run behind {@code target/newsgraph.jsa}, the class-data archive {@link Launcher}
 * starts NewsGraph with. {@code mvn package} runs it on the project's own inputs as {@code java
 * -XX:ArchiveClassesAtExit=target/newsgraph.jsa -cp target/newsgraph.jar
 * org.w3id.newsgraph.cli.CdsTraining}: the JVM writes every class the run loaded into the archive
 * when it exits. The run does what users do first: {@code --help}, {@code validate}, a named query,
 * an export, a graph written to and read from the cache, {@code build --store} making a TDB2 store
 * and updating it after one article changed, and {@code serve} answering a query and showing its
 * pages. It is not a test: it fails only if a command it runs fails.
 */
public final class CdsTraining {
  private static final Pattern ENDPOINT =
      Pattern.compile("SPARQL endpoint: (http://[^/]+)/kg/sparql");

  private CdsTraining() {}

  /** Runs the training; exits 0 when every step worked. */
  public static void main(String[] args) throws IOException, InterruptedException {
    OutputStream quiet = OutputStream.nullOutputStream();
    Path export = Files.createTempFile("newsgraph-training", ".ttl");
    try {
      expect(0, Main.run(new String[] {"--help"}, quiet, quiet), "--help");
      expect(0, Main.run(new String[] {"validate"}, quiet, quiet), "validate");
      expect(0, Main.run(new String[] {"query", "mediators"}, quiet, quiet), "query");
      expect(
          0,
          Main.run(new String[] {"export", "--output", export.toString()}, quiet, quiet),
          "export");
    } finally {
      Files.deleteIfExists(export);
    }
    cache();
    build();
    serve();
    letTheCompilerFinish();
    System.exit(0); // the shutdown hook of serve stops the server; the JVM then writes the archive
  }

  /** Writes a checked graph to a cache and reads it back, as a second start of serve does. */
  private static void cache() throws IOException {
    Path dir = Files.createTempDirectory("newsgraph-training");
    try {
      GraphCache cache = GraphCache.in(dir, "training");
      Layout layout = Layout.of(Path.of("."));
      for (int i = 0; i < 2; i++) {
        GraphStore.inMemory(layout, false, 1, cache).close();
      }
    } finally {
      FileTrees.delete(dir);
    }
  }

  /**
   * Builds a TDB2 store of a copy of the project's inputs, then brings it up to date after one
   * article changed (the id of a fact) and once more with nothing changed, as {@code build --store
   * DIR} does on a corpus: a rebuild that loads one article of many is mostly the start of the JVM.
   */
  private static void build() throws IOException {
    Path dir = Files.createTempDirectory("newsgraph-training");
    try {
      Path triples = dir.resolve("triples");
      FileTrees.copy(Path.of("triples"), triples);
      String[] build = {
        "build", "--triples", triples.toString(), "--store", dir.resolve("store").toString()
      };
      OutputStream quiet = OutputStream.nullOutputStream();
      expect(0, Main.run(build, quiet, quiet), "build");
      try (Stream<Path> facts = Files.list(triples.resolve("facts"))) {
        Path article = facts.sorted().findFirst().orElseThrow();
        List<String> rows = Files.readAllLines(article, StandardCharsets.UTF_8);
        String first = rows.get(1); // the first fact, under a new id
        int comma = first.indexOf(',');
        rows.set(1, first.substring(0, comma) + "-training" + first.substring(comma));
        Files.write(article, rows, StandardCharsets.UTF_8);
      }
      expect(0, Main.run(build, quiet, quiet), "build after one article changed");
      expect(0, Main.run(build, quiet, quiet), "build with nothing changed");
    } finally {
      FileTrees.delete(dir);
    }
  }

  private static void serve() throws IOException, InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStream shared =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (out) {
              out.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (out) {
              out.write(b, off, len);
            }
          }
        };
    Thread server =
        new Thread(
            () -> Main.run(new String[] {"serve", "--port", "0", "--no-cache"}, shared, shared),
            "training-serve");
    server.setDaemon(true);
    server.start();
    String base = null;
    for (int i = 0; i < 3000 && base == null && server.isAlive(); i++) {
      Thread.sleep(10);
      Matcher m;
      synchronized (out) {
        m = ENDPOINT.matcher(out.toString(StandardCharsets.UTF_8));
      }
      base = m.find() ? m.group(1) : null;
    }
    if (base == null) {
      throw new IllegalStateException("serve did not start: " + out);
    }
    String query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 3";
    String q = base + "/kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    get(q, "application/sparql-results+json");
    get(q, "text/csv");
    for (String page : new String[] {"/", "/entities", "/graph", "/timeline", "/id/ttp"}) {
      get(base + page, "text/html");
    }
  }

  /**
   * Waits until the JIT compiler has been idle for half a second (at most 20 s). A method still
   * waiting in the compile queue when the JVM writes the archive is archived as queued, and JDK 17
   * then never compiles it in a run that maps the archive: measured, a rebuild of one article of
   * 1,000 hashed its inputs with SHA-256 interpreted (3 s instead of 0.2 s) with one archive, and
   * added triples to graphs interpreted with another.
   */
  private static void letTheCompilerFinish() throws InterruptedException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      Thread.sleep(2000);
      return;
    }
    long last = -1;
    int quiet = 0;
    for (int i = 0; i < 80 && quiet < 2; i++) {
      Thread.sleep(250);
      long now = jit.getTotalCompilationTime();
      quiet = now == last ? quiet + 1 : 0;
      last = now;
    }
  }

  private static void get(String url, String accept) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setRequestProperty("Accept", accept);
    int status = c.getResponseCode();
    try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      if (body != null) {
        body.transferTo(OutputStream.nullOutputStream());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(url, e);
    }
  }

  private static void expect(int expected, int actual, String step) {
    if (actual != expected) {
      throw new IllegalStateException("training step '" + step + "' exited with " + actual);
    }
  }
}
