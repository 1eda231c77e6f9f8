package org.w3id.newsgraph.pages;

/**
 * Where pages link to, relative to the page being written, so the same pages work on the server
 * ({@code /id/ttp}) and as files ({@code id/ttp.html}, also from {@code file://}).
 *
 * @param root the way from the current page to the top ({@code "./"} or {@code "../"})
 * @param ext what page names end with ({@code ""} on the server, {@code ".html"} in a static site)
 */
record Links(String root, String ext) {
  /** Links for the server. */
  static Links server(int depth) {
    return new Links(depth == 0 ? "./" : "../".repeat(depth), "");
  }

  /** Links for a static site. */
  static Links site(int depth) {
    return new Links(depth == 0 ? "./" : "../".repeat(depth), ".html");
  }

  /** The same kind of links from a page {@code depth} folders down. */
  Links at(int depth) {
    return new Links(depth == 0 ? "./" : "../".repeat(depth), ext);
  }

  boolean isSite() {
    return !ext.isEmpty();
  }

  String entity(String id) {
    return root + "id/" + id + ext;
  }

  String source(String id) {
    return root + "source/" + id + ext;
  }

  /** A top-level page: {@code entities}, {@code graph}, {@code timeline}. */
  String page(String name) {
    return root + name + ext;
  }

  /** A file of the pages' assets ({@code pages/site.css}, ...). */
  String asset(String name) {
    return root + "pages/" + name;
  }
}
