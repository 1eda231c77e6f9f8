package org.w3id.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/newsgraph.jar} with the class-data archive {@code mvn package} left
 * beside it: the command runs in a child JVM started with the archive, which ends with its launcher
 * however the launcher ends.
 */
class LauncherIT {
  @TempDir Path tmp;

  @Test
  void theArchiveFitsTheJar() throws Exception {
    // -Xshare:on makes an archive that does not fit the jar an error instead of a silent miss.
    Run r = java(List.of("-XX:SharedArchiveFile=" + archive(), "-Xshare:on"), "--version");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.startsWith("newsgraph "), r.out);
  }

  @Test
  void serveRunsInAChildWithTheArchiveAndTheUsersOptions() throws Exception {
    try (ServeProcess p =
        ServeProcess.start(null, List.of("-Xmx384m", "-Dnewsgraph.it=1"), "--port", "0")) {
      assertNotNull(p.awaitEndpoint(), p.errText());
      ProcessHandle child = onlyChild(p.handle());
      List<String> args = Arrays.asList(child.info().arguments().orElseThrow());
      int archive = args.indexOf("-XX:SharedArchiveFile=" + archive());
      assertTrue(archive >= 0, args.toString());
      assertTrue(args.contains("-XX:TieredStopAtLevel=1"), args.toString());
      assertTrue(
          args.indexOf("-Xmx384m") > archive, "the user's options come last and win: " + args);
      assertTrue(args.contains("-Dnewsgraph.it=1"), args.toString());
      assertEquals(List.of("serve", "--port", "0"), args.subList(args.size() - 3, args.size()));
      assertEquals(143, p.terminate(), "SIGTERM to the launcher stops both");
      assertTrue(child.onExit().get(30, TimeUnit.SECONDS) != null && !child.isAlive());
      assertEquals(List.of("newsgraph: stopped"), p.err(), "the child stopped in order");
    }
  }

  @Test
  void killingTheLauncherOutrightStopsTheServerToo() throws Exception {
    try (ServeProcess p = ServeProcess.start("--port", "0")) {
      String endpoint = p.awaitEndpoint();
      assertNotNull(endpoint, p.errText());
      int port = URI.create(endpoint).getPort();
      ProcessHandle child = onlyChild(p.handle());
      p.handle().destroyForcibly(); // SIGKILL: the launcher's hooks do not run
      child.onExit().get(60, TimeUnit.SECONDS);
      assertFalse(child.isAlive());
      assertFalse(listening(port), "the port is released");
    }
  }

  @Test
  void withTheLauncherOffEverythingRunsInOneJvm() throws Exception {
    try (ServeProcess p =
        ServeProcess.start(null, List.of("-Dnewsgraph.launcher=false"), "--port", "0")) {
      assertNotNull(p.awaitEndpoint(), p.errText());
      assertEquals(0, p.handle().children().count());
      assertEquals(143, p.terminate());
    }
  }

  @Test
  void exitCodesAndOutputPassThrough() throws Exception {
    Run bad = java(List.of(), "validate", "--triples", tmp.resolve("none").toString());
    assertEquals(1, bad.code, bad.err);
    assertEquals("", bad.out);
    assertTrue(bad.err.contains("file not found"), bad.err);
    assertTrue(bad.err.strip().endsWith("[invalid-input]"), bad.err);

    Run query = java(List.of(), "query", "mediators", "--format", "csv");
    assertEquals(0, query.code, query.err);
    assertTrue(query.out.startsWith("mediator"), query.out);
  }

  private static ProcessHandle onlyChild(ProcessHandle launcher) {
    List<ProcessHandle> children = launcher.children().toList();
    assertEquals(1, children.size(), "one child JVM: " + children);
    return children.get(0);
  }

  private static Path archive() {
    Path jar = ServeProcess.jar().toAbsolutePath();
    Path archive = jar.resolveSibling("newsgraph.jsa");
    assertTrue(Files.isRegularFile(archive), "mvn package writes " + archive);
    return archive;
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private record Run(int code, String out, String err) {}

  private Run java(List<String> jvm, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.add("-jar");
    cmd.add(ServeProcess.jar().toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
