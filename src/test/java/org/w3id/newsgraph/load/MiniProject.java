package org.w3id.newsgraph.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny, valid project in a temporary folder: the real ontology and shapes, and a one-article
 * triples folder that tests then break in one place each.
 */
final class MiniProject {
  static final String SOURCES =
      """
      id,title,publisher,published,url,language,furniture,note
      mini,"A Test Report, Part One",agency,2021-11-03,https://example.org/a,en,Breaking News|Menu,
      """;

  static final String TEXT =
      """
      Breaking News

      Menu

      Alpha Group attacked Beta Town on May 1. Ten people were killed, officials said.

      A caption about Bob Smith, who leads Alpha Group.
      A caption about Bob Smith, who leads Alpha Group.

      Bob Smith has led Alpha Group since 2019, the agency said.
      """;

  static final String ENTITIES =
      """
      id,class,label,alt_labels,comment
      agency,MediaOrganization,The Agency,TA,a news agency
      alpha,MilitantGroup,Alpha Group,Alpha|AG,
      beta-town,City,Beta Town,,
      bob-smith,Person,Bob Smith,,
      attack-2021-05-01-beta-town,Attack,Attack on Beta Town,,
      """;

  static final String FACTS =
      """
      id,subject,property,object,value,stance,by,quote,occasion,valid_from,valid_until,valid_at,inferred
      f1,alpha,attacked,beta-town,,states,agency,Alpha Group attacked Beta Town on May 1.,,,,,
      f2,attack-2021-05-01-beta-town,perpetrator,alpha,,states,agency,Alpha Group attacked Beta Town on May 1.,,,,,
      f3,attack-2021-05-01-beta-town,location,beta-town,,states,agency,Alpha Group attacked Beta Town on May 1.,,,,,
      f4,attack-2021-05-01-beta-town,date,,2021-05-01,states,agency,Alpha Group attacked Beta Town on May 1.,,,,,year not stated; the report is from 2021
      f5,attack-2021-05-01-beta-town,deaths,,10,states,agency,"Ten people were killed, officials said.",,,,,
      f6,bob-smith,leads,alpha,,states,agency,"A caption about Bob Smith, who leads Alpha Group.",,,,,
      f7,bob-smith,leads,alpha,,claims,agency,"Bob Smith has led Alpha Group since 2019, the agency said.",,2019,,,
      """;

  final Path root;

  private MiniProject(Path root) {
    this.root = root;
  }

  /** Writes the valid mini project under {@code dir}, using the real ontology of the build. */
  static MiniProject create(Path dir) throws IOException {
    MiniProject p = new MiniProject(dir);
    Path onto = Files.createDirectories(dir.resolve("ontology"));
    Files.copy(Path.of("ontology/newsgraph.ttl"), onto.resolve("newsgraph.ttl"));
    Files.copy(Path.of("ontology/shapes.ttl"), onto.resolve("shapes.ttl"));
    p.write("triples/sources.csv", SOURCES);
    p.write("triples/sources/mini.txt", TEXT);
    p.write("triples/entities.csv", ENTITIES);
    p.write("triples/facts/mini.csv", FACTS);
    return p;
  }

  Layout layout() {
    return Layout.of(root);
  }

  Path path(String relative) {
    return root.resolve(relative);
  }

  MiniProject write(String relative, String content) throws IOException {
    return writeBytes(relative, content.getBytes(StandardCharsets.UTF_8));
  }

  MiniProject writeBytes(String relative, byte[] content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return this;
  }

  /** Replaces the first occurrence of {@code from} in a file. */
  MiniProject replace(String relative, String from, String to) throws IOException {
    Path file = root.resolve(relative);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!text.contains(from)) {
      throw new IllegalArgumentException(relative + " does not contain " + from);
    }
    return write(
        relative,
        text.replaceFirst(
            java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
  }

  /** Appends a line to a file. */
  MiniProject append(String relative, String line) throws IOException {
    Path file = root.resolve(relative);
    return write(relative, Files.readString(file, StandardCharsets.UTF_8) + line + "\n");
  }
}
