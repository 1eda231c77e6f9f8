package org.w3id.newsgraph.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.util.FileTrees;

/**
 * Writes the pages as a static site: plain files that work on any static host and from {@code
 * file://} ({@code index.html}, {@code entities.html}, {@code graph.html}, {@code timeline.html},
 * {@code id/<id>.html} with {@code .ttl} and {@code .jsonld}, {@code source/<id>.html}, and the
 * files under {@code pages/}). The site is written to a new folder beside the target and moved into
 * place when complete: a failure never leaves half a site.
 */
public final class SiteWriter {
  /** The file that marks a folder as a site written here (so it may be replaced). */
  public static final String MARKER = ".newsgraph-site";

  /** What was written. */
  public record Summary(int entities, int sources, int files) {}

  private final Pages pages;

  public SiteWriter(Pages pages) {
    this.pages = pages;
  }

  /**
   * Writes the site to {@code dir}, which must not exist, be empty, or hold a site written before
   * (it is replaced).
   *
   * @throws NewsGraphException if {@code dir} holds anything else or cannot be written
   */
  public Summary write(Path dir) {
    Path target = dir.toAbsolutePath().normalize();
    if (Files.exists(target) && !replaceable(target)) {
      throw new NewsGraphException(
          "--output "
              + dir
              + " exists and is not a site written by newsgraph; choose a new or empty folder");
    }
    Path parent = target.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(parent);
      tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
      Summary s = writeInto(tmp);
      FileTrees.delete(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return s;
    } catch (IOException | UncheckedIOException e) {
      if (tmp != null) {
        try {
          FileTrees.delete(tmp);
        } catch (IOException ignored) {
          // the write error is the one to report
        }
      }
      throw new NewsGraphException("cannot write the site to " + dir + ": " + e.getMessage(), e);
    }
  }

  private Summary writeInto(Path dir) throws IOException {
    int files = 0;
    Links top = Links.site(0);
    Links down = Links.site(1);
    String entities = pages.entities(top, "");
    files += file(dir.resolve("index.html"), entities);
    files += file(dir.resolve("entities.html"), entities);
    files += file(dir.resolve("graph.html"), pages.graph(top));
    files += file(dir.resolve("timeline.html"), pages.timeline(top));
    Files.createDirectories(dir.resolve("pages/data"));
    for (String name : Assets.NAMES) {
      Files.write(dir.resolve("pages").resolve(name), Assets.get(name).orElseThrow());
      files++;
    }
    files += file(dir.resolve("pages/data/graph.js"), pages.graphData());
    Files.createDirectories(dir.resolve("id"));
    int entityCount = 0;
    for (EntityList.Entry e : pages.entries()) {
      Optional<String> page = pages.entity(down, e.id());
      if (page.isEmpty()) {
        continue;
      }
      files += file(dir.resolve("id/" + e.id() + ".html"), page.get());
      for (Pages.Rdf rdf : Pages.Rdf.values()) {
        Files.write(
            dir.resolve("id/" + e.id() + "." + rdf.extension()),
            pages.entityRdf(e.id(), rdf).orElseThrow());
        files++;
      }
      entityCount++;
    }
    Files.createDirectories(dir.resolve("source"));
    int sourceCount = 0;
    for (Binding row : pages.queries().select("sources")) {
      String id = Show.sourceId(row.get("source"));
      Optional<String> page = id == null ? Optional.empty() : pages.source(down, id);
      if (page.isEmpty()) {
        continue;
      }
      files += file(dir.resolve("source/" + id + ".html"), page.get());
      for (Pages.Rdf rdf : Pages.Rdf.values()) {
        Files.write(
            dir.resolve("source/" + id + "." + rdf.extension()),
            pages.sourceRdf(id, rdf).orElseThrow());
        files++;
      }
      sourceCount++;
    }
    Files.writeString(dir.resolve(MARKER), "written by newsgraph site\n");
    return new Summary(entityCount, sourceCount, files);
  }

  private static int file(Path p, String text) throws IOException {
    Files.write(p, Pages.utf8(text));
    return 1;
  }

  private static boolean replaceable(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    if (Files.isRegularFile(dir.resolve(MARKER))) {
      return true;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
