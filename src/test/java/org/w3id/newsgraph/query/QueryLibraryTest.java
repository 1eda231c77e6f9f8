package org.w3id.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.NewsGraphException;

class QueryLibraryTest {
  static final Path DIR = Path.of("src/test/resources/query/queries");
  private final QueryLibrary library = new QueryLibrary(DIR);

  @TempDir Path temp;

  @Test
  void listIsSortedByNameWithHeaders() throws IOException {
    List<NamedQuery> queries = library.list();
    assertEquals(List.of("labels", "mediators"), queries.stream().map(NamedQuery::name).toList());
    NamedQuery mediators = queries.get(1);
    assertEquals("Who mediates which talks", mediators.title());
    assertEquals("Which agents mediate which talks, and where?", mediators.question());
    assertEquals(DIR.resolve("mediators.rq"), mediators.file());
    assertEquals(Files.readString(DIR.resolve("mediators.rq")), mediators.text());
    assertEquals("Labels of things", queries.get(0).title());
  }

  @Test
  void resolveByName() {
    assertEquals("mediators", library.resolve("mediators").name());
    assertEquals("mediators", library.resolve("mediators.rq").name());
  }

  @Test
  void resolveByPath() throws IOException {
    Path elsewhere = temp.resolve("mine.rq");
    Files.writeString(elsewhere, "# Title: Mine\nASK {}\n");
    NamedQuery mine = library.resolve(elsewhere.toString());
    assertEquals("mine", mine.name());
    assertEquals("Mine", mine.title());
    assertEquals("", mine.question());
    assertEquals(elsewhere, mine.file());
    assertEquals("mediators", library.resolve(DIR.resolve("mediators.rq").toString()).name());
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    NewsGraphException e = assertThrows(NewsGraphException.class, () -> library.resolve("nope"));
    assertEquals("unknown query 'nope'; known: labels, mediators", e.getMessage());
    e = assertThrows(NewsGraphException.class, () -> library.resolve("../queries/mediators"));
    assertTrue(e.getMessage().startsWith("unknown query '../queries/mediators'"), e.getMessage());
  }

  @Test
  void missingFileGivenAsPath() {
    NewsGraphException e =
        assertThrows(NewsGraphException.class, () -> library.resolve("no/such/file.rq"));
    assertEquals("query file no/such/file.rq: file not found", e.getMessage());
  }

  @Test
  void missingTitleNamesTheFileAndLineOne() throws IOException {
    Files.writeString(temp.resolve("a-good.rq"), "# Title: Good\nASK {}\n");
    Path bad = temp.resolve("b-bad.rq");
    Files.writeString(bad, "# Question: Where is the title?\nASK {}\n");
    NewsGraphException e =
        assertThrows(NewsGraphException.class, () -> new QueryLibrary(temp).list());
    assertTrue(e.getMessage().startsWith(bad + ":1: no '# Title:' line"), e.getMessage());
    assertThrows(NewsGraphException.class, () -> new QueryLibrary(temp).resolve("b-bad"));
    // A title after the query text does not count.
    Files.writeString(bad, "ASK {}\n# Title: Too late\n");
    assertThrows(NewsGraphException.class, () -> new QueryLibrary(temp).resolve("b-bad"));
  }

  @Test
  void headerIsReadAsUtf8() throws IOException {
    Files.write(
        temp.resolve("fr.rq"),
        "\uFEFF# Title: Qui médiatise ?\n# question:   Où — et quand ?  \nASK {}\n"
            .getBytes(StandardCharsets.UTF_8));
    NamedQuery q = new QueryLibrary(temp).resolve("fr");
    assertEquals("Qui médiatise ?", q.title());
    assertEquals("Où — et quand ?", q.question());
  }

  @Test
  void notUtf8IsAUserError() throws IOException {
    Path latin1 = temp.resolve("latin1.rq");
    Files.write(
        latin1, "# Title: Qui m\u00e9diatise\nASK {}\n".getBytes(StandardCharsets.ISO_8859_1));
    NewsGraphException e =
        assertThrows(NewsGraphException.class, () -> new QueryLibrary(temp).resolve("latin1"));
    assertEquals(latin1 + ": not valid UTF-8", e.getMessage());
  }

  @Test
  void otherFilesAreIgnored() throws IOException {
    Files.writeString(temp.resolve("README.md"), "not a query");
    Files.writeString(temp.resolve("only.rq"), "# Title: Only\nASK {}\n");
    assertEquals(
        List.of("only"), new QueryLibrary(temp).list().stream().map(NamedQuery::name).toList());
  }

  @Test
  void missingDirectory() {
    QueryLibrary none = new QueryLibrary(temp.resolve("none"));
    NewsGraphException e = assertThrows(NewsGraphException.class, none::list);
    assertEquals("query directory " + temp.resolve("none") + " does not exist", e.getMessage());
    e = assertThrows(NewsGraphException.class, () -> none.resolve("x"));
    assertTrue(e.getMessage().startsWith("unknown query 'x'; query directory"), e.getMessage());
  }
}
