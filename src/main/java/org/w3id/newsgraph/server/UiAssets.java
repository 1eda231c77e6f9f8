package org.w3id.newsgraph.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of the Fuseki query UI ({@code org.apache.jena:jena-fuseki-ui}, under {@code webapp/}
 * on the class path), read once, patched, gzipped and kept in memory.
 *
 * <p>The patches make the UI a NewsGraph page that needs nothing from the internet: the page loads
 * {@code newsgraph.js} (the named queries and prefixes) before the app; the query view shows the
 * named queries as its examples and NewsGraph's prefixes in its prefix menu; the editor takes
 * prefix completions from {@code prefixes.json} instead of prefix.cc and class and property
 * completions from {@code terms} (the terms of the served graph) instead of Linked Open
 * Vocabularies. Every patch must match exactly once; {@link #check} tells which do not (a newer UI
 * release), and a test keeps them in step with the UI version in the pom.
 */
final class UiAssets {
  private static final Logger LOG = LoggerFactory.getLogger(UiAssets.class);
  private static final String ROOT = "webapp/";
  private static final Pattern STATIC_NAME = Pattern.compile("static/[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern QUERY_VIEW = Pattern.compile("static/Query-[A-Za-z0-9_-]+\\.js");

  /** A replacement in one kind of file. */
  record Patch(String name, Pattern file, Pattern find, String replacement) {
    String apply(String text, List<String> failures) {
      Matcher m = find.matcher(text);
      if (!m.find()) {
        failures.add(name + ": not found");
        return text;
      }
      int start = m.start();
      int end = m.end();
      String expanded = expand(m, replacement);
      if (m.find()) {
        failures.add(name + ": found more than once");
        return text;
      }
      return text.substring(0, start) + expanded + text.substring(end);
    }

    private static String expand(Matcher m, String replacement) {
      String out = replacement;
      for (int g = m.groupCount(); g >= 1; g--) {
        out = out.replace("$" + g, m.group(g));
      }
      return out;
    }
  }

  static final List<Patch> PATCHES =
      List.of(
          new Patch(
              "load newsgraph.js before the app",
              Pattern.compile("index\\.html"),
              Pattern.compile(Pattern.quote("<script type=\"module\"")),
              "<script src=\"./newsgraph.js\"></script>\n    <script type=\"module\""),
          new Patch(
              "page title",
              Pattern.compile("index\\.html"),
              Pattern.compile(Pattern.quote("<title>Apache Jena Fuseki UI</title>")),
              "<title>NewsGraph: SPARQL query</title>"),
          new Patch(
              "named queries as the examples",
              QUERY_VIEW,
              Pattern.compile(
                  Pattern.quote(
                      "queries:[{value:SELECT_TRIPLES_QUERY,text:\"Selection of triples\"},"
                          + "{value:SELECT_CLASSES_QUERY,text:\"Selection of classes\"}]")),
              "queries:((window.NEWSGRAPH||{}).queries||[]).concat("
                  + "[{value:SELECT_TRIPLES_QUERY,text:\"Selection of triples\"},"
                  + "{value:SELECT_CLASSES_QUERY,text:\"Selection of classes\"}])"),
          new Patch(
              "NewsGraph prefixes in the prefix menu",
              QUERY_VIEW,
              Pattern.compile(
                  "prefixes:(\\[\\{uri:\"http://www\\.w3\\.org/1999/02/22-rdf-syntax-ns#\",text:\"rdf\"\\}"
                      + "[^\\]]*\\])"),
              "prefixes:((window.NEWSGRAPH||{}).prefixes||$1)"),
          new Patch(
              "prefix completions from prefixes.json, not prefix.cc",
              QUERY_VIEW,
              Pattern.compile(
                  Pattern.quote(
                      "(window.location.protocol.indexOf(\"http\")===0?\"//\":\"http://\")"
                          + "+\"prefix.cc/popular/all.file.json\"")),
              "\"./prefixes.json\""),
          new Patch(
              "class and property completions from terms, not Linked Open Vocabularies",
              QUERY_VIEW,
              Pattern.compile(
                  "\"\"\\.concat\\([A-Za-z_$][A-Za-z0-9_$]*,"
                      + "\"lov\\.linkeddata\\.es/dataset/lov/api/v2/autocomplete/terms\\?\"\\)"),
              "\"./terms?\""));

  /** A file ready to send. */
  record Asset(String contentType, byte[] bytes, byte[] gzipped, boolean immutable) {}

  private final ClassLoader loader;
  private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

  UiAssets() {
    this(UiAssets.class.getClassLoader());
  }

  UiAssets(ClassLoader loader) {
    this.loader = loader;
  }

  /** Whether the UI is on the class path. */
  boolean available() {
    return loader.getResource(ROOT + "index.html") != null;
  }

  /**
   * The file {@code name} ({@code index.html}, {@code favicon.ico} or {@code static/...}), patched,
   * or empty if there is none.
   */
  Optional<Asset> get(String name) {
    if (!name.equals("index.html")
        && !name.equals("favicon.ico")
        && !STATIC_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(name, this::load);
  }

  /** The patches that did not apply to the UI on the class path (empty when all did). */
  List<String> check() {
    List<String> failures = new ArrayList<>();
    for (String name : List.of("index.html", queryViewName())) {
      byte[] raw = read(name);
      if (raw == null) {
        failures.add(name + ": missing");
      } else {
        patch(name, new String(raw, StandardCharsets.UTF_8), failures);
      }
    }
    return failures;
  }

  /** The name of the query view's script, found in the UI's entry script. */
  String queryViewName() {
    String index = new String(read("index.html"), StandardCharsets.UTF_8);
    Matcher entry =
        Pattern.compile("src=\"\\./(static/index-[A-Za-z0-9_-]+\\.js)\"").matcher(index);
    if (entry.find()) {
      byte[] script = read(entry.group(1));
      if (script != null) {
        Matcher view =
            Pattern.compile("(?:\\./|/)?(?:static/)?(Query-[A-Za-z0-9_-]+\\.js)")
                .matcher(new String(script, StandardCharsets.UTF_8));
        if (view.find()) {
          return "static/" + view.group(1);
        }
      }
    }
    return "static/Query.js";
  }

  private Optional<Asset> load(String name) {
    byte[] raw = read(name);
    if (raw == null) {
      return Optional.empty();
    }
    byte[] bytes = raw;
    if (name.equals("index.html") || QUERY_VIEW.matcher(name).matches()) {
      List<String> failures = new ArrayList<>();
      String patched = patch(name, new String(raw, StandardCharsets.UTF_8), failures);
      for (String failure : failures) {
        LOG.warn("query page: patch '{}' does not apply to {}", failure, name);
      }
      bytes = patched.getBytes(StandardCharsets.UTF_8);
    }
    String type = contentType(name);
    byte[] gzipped = compressible(type) ? gzip(bytes) : null;
    return Optional.of(new Asset(type, bytes, gzipped, name.startsWith("static/")));
  }

  private static String patch(String name, String text, List<String> failures) {
    String out = text;
    for (Patch p : PATCHES) {
      if (p.file().matcher(name).matches()) {
        out = p.apply(out, failures);
      }
    }
    return out;
  }

  private byte[] read(String name) {
    try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String contentType(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".html")) {
      return "text/html; charset=utf-8";
    } else if (lower.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    } else if (lower.endsWith(".css")) {
      return "text/css; charset=utf-8";
    } else if (lower.endsWith(".json")) {
      return "application/json";
    } else if (lower.endsWith(".svg")) {
      return "image/svg+xml";
    } else if (lower.endsWith(".ico")) {
      return "image/x-icon";
    } else if (lower.endsWith(".png")) {
      return "image/png";
    } else if (lower.endsWith(".woff2")) {
      return "font/woff2";
    }
    return "application/octet-stream";
  }

  private static boolean compressible(String type) {
    return type.startsWith("text/") || type.startsWith("application/json") || type.contains("svg");
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 65536)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
