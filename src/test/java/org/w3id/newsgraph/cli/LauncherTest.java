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
    }
  }

  @Test
  void testsRunFromClassesSoNothingIsRelaunched() {
    assertEquals(Optional.empty(), Launcher.jar());
    assertTrue(Launcher.relaunch(new String[] {"--version"}).isEmpty());
  }
}
