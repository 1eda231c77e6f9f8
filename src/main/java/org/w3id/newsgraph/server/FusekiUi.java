package org.w3id.newsgraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the Fuseki query UI ({@code org.apache.jena:jena-fuseki-ui}, under {@code webapp/} on the
 * class path) is, and which files its own {@code index.html} starts it with. Jetty serves its files
 * unchanged ({@link GraphServer}); NewsGraph's page starts it with those files ({@link QueryPage}).
 */
final class FusekiUi {
  private static final String ROOT = "webapp/";
  private static final Pattern TAG = Pattern.compile("<(script|link)\\b([^>]*)>");
  private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)(?:=\"([^\"]*)\")?");

  /** The UI's entry module and stylesheets, as paths relative to the page. */
  record Entry(String script, List<String> stylesheets) {}

  private final ClassLoader loader;

  FusekiUi() {
    this(FusekiUi.class.getClassLoader());
  }

  FusekiUi(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * The folder of the UI's files (a {@code jar:} or {@code file:} URL ending in a slash), if any.
   */
  Optional<String> base() {
    URL index = loader.getResource(ROOT + "index.html");
    if (index == null) {
      return Optional.empty();
    }
    String url = index.toExternalForm();
    return Optional.of(url.substring(0, url.length() - "index.html".length()));
  }

  /** The entry module and the stylesheets the UI's {@code index.html} loads. */
  Entry entry() {
    String html = new String(read("index.html"), StandardCharsets.UTF_8);
    String script = null;
    List<String> stylesheets = new ArrayList<>();
    Matcher tag = TAG.matcher(html);
    while (tag.find()) {
      Matcher a = ATTRIBUTE.matcher(tag.group(2));
      String type = "";
      String rel = "";
      String url = "";
      while (a.find()) {
        String value = a.group(2) == null ? "" : a.group(2);
        switch (a.group(1)) {
          case "type" -> type = value;
          case "rel" -> rel = value;
          case "src", "href" -> url = value;
          default -> {
            // other attributes do not matter here
          }
        }
      }
      if (tag.group(1).equals("script") && type.equals("module") && script == null) {
        script = url;
      } else if (tag.group(1).equals("link") && rel.equals("stylesheet")) {
        stylesheets.add(url);
      }
    }
    if (script == null) {
      throw new IllegalStateException("the Fuseki UI's index.html loads no module script");
    }
    return new Entry(script, List.copyOf(stylesheets));
  }

  /** A file of the UI ({@code index.html}, {@code static/...}), or null if there is none. */
  byte[] read(String name) {
    try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
