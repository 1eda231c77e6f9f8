package org.w3id.newsgraph.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The static files of the pages under {@code pages/}: the style sheet and scripts (resources {@code
 * pages/*}) and Cytoscape.js, read from its WebJar ({@code org.webjars.npm:cytoscape}) on the class
 * path: nothing is fetched from the internet.
 */
final class Assets {
  /** The files, by their name under {@code pages/}. */
  static final List<String> NAMES =
      List.of("site.css", "graph.js", "search.js", "cytoscape.min.js");

  private static final String WEBJAR = "META-INF/resources/webjars/cytoscape/";
  private static final Map<String, Optional<byte[]>> CACHE = new ConcurrentHashMap<>();

  private Assets() {}

  /** The bytes of {@code name}, or empty if it is not one of {@link #NAMES}. */
  static Optional<byte[]> get(String name) {
    if (!NAMES.contains(name)) {
      return Optional.empty();
    }
    return CACHE.computeIfAbsent(name, Assets::load);
  }

  private static Optional<byte[]> load(String name) {
    String path =
        name.equals("cytoscape.min.js")
            ? WEBJAR + cytoscapeVersion() + "/dist/cytoscape.min.js"
            : "pages/" + name;
    return Optional.ofNullable(read(path));
  }

  /** The version of the Cytoscape.js WebJar on the class path. */
  static String cytoscapeVersion() {
    byte[] props = read("META-INF/maven/org.webjars.npm/cytoscape/pom.properties");
    if (props == null) {
      throw new IllegalStateException("the Cytoscape.js WebJar is not on the class path");
    }
    Properties p = new Properties();
    try {
      p.load(new java.io.ByteArrayInputStream(props));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  private static byte[] read(String path) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The media type of an asset or page file. */
  static String contentType(String name) {
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    return "text/html; charset=utf-8";
  }
}
