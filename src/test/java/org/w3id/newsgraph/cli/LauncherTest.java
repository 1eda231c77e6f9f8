package org.w3id.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.store.GraphStore;

/** The launcher's decisions; {@code LauncherIT} runs it for real. */
class LauncherTest {
  @TempDir Path tmp;

  @Test
  void theArchiveSitsBesideTheJar() {
    assertEquals(
        Path.of("/x/target/newsgraph.jsa"),
        Launcher.archiveFor(Path.of("/x/target/newsgraph.jar")));
  }

  @Test
  void anArchiveOlderThanTheJarOrMissingIsNotUsed() throws IOException {
    Path jar = Files.writeString(tmp.resolve("newsgraph.jar"), "jar");
    Path archive = Launcher.archiveFor(jar);
    assertFalse(Launcher.usable(jar, archive), "missing");
    Files.writeString(archive, "archive");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
    Files.setLastModifiedTime(archive, FileTime.fromMillis(1_000_000));
    assertFalse(Launcher.usable(jar, archive), "older: the jar was rebuilt after it");
    Files.setLastModifiedTime(archive, FileTime.fromMillis(3_000_000));
    assertTrue(Launcher.usable(jar, archive));
  }

  @Test
  void theUsersJvmOptionsAreWhatComesBeforeJar() {
    assertEquals(
        Optional.of(List.of("-Xmx2g", "-Dx=y")),
        Launcher.jvmOptions(List.of("-Xmx2g", "-Dx=y", "-jar", "n.jar", "serve", "-jar")));
    assertEquals(Optional.of(List.of()), Launcher.jvmOptions(List.of("-jar", "n.jar")));
    assertEquals(Optional.empty(), Launcher.jvmOptions(List.of("-cp", "n.jar", "Main")));
  }

  @Test
  void c1OnlyForServeAndDraftExceptOnAStore() {
    Path a = Path.of("/t/newsgraph.jsa");
    for (String command : List.of("serve", "draft")) {
      List<String> plain = Launcher.childOptions(a, List.of(command, "x"));
      assertTrue(plain.contains("-XX:SharedArchiveFile=/t/newsgraph.jsa"), plain.toString());
      assertTrue(plain.contains("-XX:TieredStopAtLevel=1"), plain.toString());
    }
    for (List<String> args :
        List.of(
            List.of("serve", "--store", "db"),
            List.of("build", "--store=http://h/ds"),
            List.of("validate"),
            List.of("export", "--format", "ntriples"),
            List.<String>of())) {
      List<String> store = Launcher.childOptions(a, args);
      assertFalse(store.contains("-XX:TieredStopAtLevel=1"), store.toString());
      assertTrue(store.contains("-XX:SharedArchiveFile=/t/newsgraph.jsa"), store.toString());
      boolean corpus = !args.isEmpty() && Launcher.CORPUS_COMMANDS.contains(args.get(0));
      assertEquals(corpus, store.containsAll(Launcher.LEAN_C2), store.toString());
    }
    assertFalse(
        Launcher.childOptions(a, List.of("serve", "--store", "db"))
            .contains("-XX:MaxInlineLevel=6"),
        "a server keeps C2's full inlining for its queries");
  }

  @Test
  void c1OnlyForABuildThatUpdatesAStoreFolder(@TempDir Path tmp) throws IOException {
    Path a = Path.of("/t/newsgraph.jsa");
    Path dir = tmp.resolve("db");
    List<String> build = List.of("build", "--store", dir.toString());
    assertFalse(
        Launcher.childOptions(a, build).contains("-XX:TieredStopAtLevel=1"),
        "a first build (no store yet) is for a whole corpus: C2");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(GraphStore.RECORD_FILE), "format=3\n");
    assertTrue(Launcher.childOptions(a, build).contains("-XX:TieredStopAtLevel=1"));
    assertTrue(
        Launcher.childOptions(a, List.of("-v", "build", "--store=" + dir))
            .contains("-XX:TieredStopAtLevel=1"));
    assertFalse(
        Launcher.childOptions(a, List.of("serve", "--store", dir.toString()))
            .contains("-XX:TieredStopAtLevel=1"),
        "a server on a store answers queries: C2");
  }

  @Test
  void aServerOfACorpusInMemoryKeepsC2(@TempDir Path tmp) throws IOException {
    Path a = Path.of("/t/newsgraph.jsa");
    Path facts = Files.createDirectories(tmp.resolve("triples/facts"));
    Files.write(facts.resolve("small.csv"), new byte[1000]);
    List<String> serve = List.of("serve", "--triples", tmp.resolve("triples").toString());
    assertTrue(Launcher.childOptions(a, serve).contains("-XX:TieredStopAtLevel=1"));
    Files.write(facts.resolve("big.csv"), new byte[(int) Launcher.CORPUS_BYTES]);
    assertFalse(Launcher.childOptions(a, serve).contains("-XX:TieredStopAtLevel=1"));
    assertFalse(
        Launcher.childOptions(a, List.of("serve", "--triples=" + tmp.resolve("triples")))
            .contains("-XX:TieredStopAtLevel=1"));
    assertTrue(
        Launcher.childOptions(a, List.of("serve", "--triples", tmp.resolve("none").toString()))
            .contains("-XX:TieredStopAtLevel=1"),
        "a missing folder is the command's to report; the launcher keeps the quick start");
  }

  @Test
  void testsRunFromClassesSoNothingIsRelaunched() {
    assertEquals(Optional.empty(), Launcher.jar());
    assertTrue(Launcher.relaunch(new String[] {"--version"}).isEmpty());
  }
}
