package org.w3id.newsgraph.query;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.util.InputFile;

/**
 * The query files in one directory. A query's name is its file name without {@code .rq}; the file
 * starts with comment lines {@code # Title: ...} (required) and {@code # Question: ...} (optional),
 * and may have more comment lines before the query.
 */
public final class QueryLibrary {
  /** The extension of query files. */
  public static final String EXTENSION = ".rq";

  private static final Pattern TITLE =
      Pattern.compile("#\\s*Title:\\s*(.*?)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern QUESTION =
      Pattern.compile("#\\s*Question:\\s*(.*?)\\s*", Pattern.CASE_INSENSITIVE);

  private final Path dir;

  /** A library of the {@code .rq} files in {@code dir} (which is read only when needed). */
  public QueryLibrary(Path dir) {
    this.dir = dir;
  }

  /** The directory of query files. */
  public Path directory() {
    return dir;
  }

  /**
   * All queries in the directory, sorted by name.
   *
   * @throws NewsGraphException if the directory does not exist or a file cannot be read or has no
   *     title
   */
  public List<NamedQuery> list() {
    if (!Files.isDirectory(dir)) {
      throw new NewsGraphException(
          ErrorId.UNKNOWN_NAME, "query directory " + dir + " does not exist");
    }
    List<NamedQuery> queries = new ArrayList<>();
    for (String name : names()) {
      queries.add(load(dir.resolve(name + EXTENSION)));
    }
    return queries;
  }

  /**
   * The query {@code nameOrFile}: a path to an existing {@code .rq} file, or the name of a query in
   * the directory (with or without {@code .rq}).
   *
   * @throws NewsGraphException if there is no such query, or it cannot be read or has no title
   */
  public NamedQuery resolve(String nameOrFile) {
    if (nameOrFile.endsWith(EXTENSION)) {
      Path file = pathOrNull(nameOrFile);
      if (file != null && Files.isRegularFile(file)) {
        return load(file);
      }
    }
    String name =
        nameOrFile.endsWith(EXTENSION)
            ? nameOrFile.substring(0, nameOrFile.length() - EXTENSION.length())
            : nameOrFile;
    if (Files.isDirectory(dir) && names().contains(name)) {
      return load(dir.resolve(name + EXTENSION));
    }
    if (nameOrFile.endsWith(EXTENSION) && (nameOrFile.contains("/") || nameOrFile.contains("\\"))) {
      Path file = pathOrNull(nameOrFile);
      String why =
          file == null ? "not a file name" : InputFile.whyUnreadable(file).orElse("cannot be read");
      throw new NewsGraphException(
          ErrorId.UNREADABLE_FILE, "query file " + nameOrFile + ": " + why);
    }
    if (!Files.isDirectory(dir)) {
      throw new NewsGraphException(
          ErrorId.UNKNOWN_NAME,
          "unknown query '" + nameOrFile + "'; query directory " + dir + " does not exist");
    }
    throw new NewsGraphException(
        ErrorId.UNKNOWN_NAME,
        "unknown query '" + nameOrFile + "'; known: " + String.join(", ", names()));
  }

  /**
   * Reads one query file (UTF-8) and its header.
   *
   * @throws NewsGraphException if the file cannot be read, is not UTF-8 or has no title
   */
  public static NamedQuery load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new NewsGraphException(ErrorId.UNREADABLE_FILE, file + ": not valid UTF-8", e);
    } catch (IOException e) {
      throw new NewsGraphException(
          ErrorId.UNREADABLE_FILE, "query file " + file + ": " + InputFile.reason(file, e), e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String title = null;
    String question = "";
    for (String line : text.lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!trimmed.startsWith("#")) {
        break;
      }
      Matcher m;
      if (title == null && (m = TITLE.matcher(trimmed)).matches()) {
        title = m.group(1);
      } else if (question.isEmpty() && (m = QUESTION.matcher(trimmed)).matches()) {
        question = m.group(1);
      }
    }
    if (title == null || title.isEmpty()) {
      throw new NewsGraphException(
          ErrorId.INVALID_QUERY,
          file
              + ":1: no '# Title:' line; a query file starts with comment lines"
              + " '# Title: ...' and '# Question: ...'");
    }
    String name = baseName(file);
    return new NamedQuery(
        name == null ? file.getFileName().toString() : name, title, question, file, text);
  }

  /** The names of the query files in the directory, sorted. */
  private List<String> names() {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(QueryLibrary::baseName)
          .filter(name -> name != null)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new NewsGraphException(
          ErrorId.UNREADABLE_FILE, "cannot read query directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The file name without {@code .rq}, or null if it does not end with {@code .rq}. */
  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : null;
  }

  private static Path pathOrNull(String path) {
    try {
      return Path.of(path);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
