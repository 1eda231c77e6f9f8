package org.w3id.newsgraph.draft;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.OntologyIndex;

/**
 * The cue lexicon, kept as data: which phrases propose which property with which argument roles
 * ({@code relations.csv}), which words suggest the class of a new entity ({@code classes.csv}) and
 * which phrases say who says a sentence ({@code attribution.csv}). The built-in tables are
 * resources of this package; a project adds its own rows in {@code triples/lexicon/<same name>.csv}
 * (same columns), which are tried before the built-in ones.
 *
 * <p>A pattern is a sequence of space-separated items matched against a sentence's words (lower
 * case; a mention of an entity counts as one word): {@code {s}} the subject, {@code {o}} the
 * object, {@code {x}} the speaker; {@code a/b} either word; {@code neg*} any word starting so;
 * {@code ~} up to six words of anything ({@code ~3}: up to three); any other item is that word.
 */
public final class Lexicon {
  /** The folder under {@code triples/} with a project's own lexicon rows. */
  public static final String USER_FOLDER = "lexicon";

  /**
   * A relation cue: when {@link #pattern} matches, propose {@link #property}; {@code slotClasses}:
   * the class a slot's entity must have ({@code {s:Attack}}); {@code object}: a fixed object (an
   * individual of the ontology such as {@code ongoing}) for a pattern without {@code {o}}, else "";
   * {@code at}: file and line, for errors.
   */
  record RelationCue(
      String property,
      Pattern pattern,
      String source,
      double confidence,
      boolean publisherVoice,
      Map<String, String> slotClasses,
      String object,
      String at) {}

  /**
   * A class cue: a word {@code where} relative to a name (before, head, first, event, verb, source,
   * people, statement); {@code at}: file and line, for errors.
   */
  record ClassCue(String cue, String where, String clazz, String at) {}

  /** An attribution cue; {@code stance} is says, claims, denies or unaware. */
  record AttributionCue(Pattern pattern, String source, String stance) {}

  private static final Pattern SLOT = Pattern.compile("\\{([a-z])(?::([A-Za-z]+))?\\}");

  /** Where a class cue word stands. */
  static final List<String> WHERE =
      List.of(
          "before",
          "head",
          "first",
          "event",
          "verb",
          "source",
          "people",
          "represents",
          "statement",
          "part");

  private final List<RelationCue> relations = new ArrayList<>();
  private final List<ClassCue> classes = new ArrayList<>();
  private final List<AttributionCue> attributions = new ArrayList<>();

  private Lexicon() {}

  /** The built-in lexicon plus a project's rows in {@code triplesDir/lexicon/}, if any. */
  public static Lexicon load(Path triplesDir) {
    Lexicon lx = new Lexicon();
    Path user = triplesDir == null ? null : triplesDir.resolve(USER_FOLDER);
    for (String table : List.of("relations.csv", "classes.csv", "attribution.csv")) {
      if (user != null && Files.isRegularFile(user.resolve(table))) {
        lx.add(table, user.resolve(table).toString(), read(user.resolve(table)));
      }
      lx.add(table, "built-in " + table, builtIn(table));
    }
    return lx;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NewsGraphException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static String builtIn(String name) {
    try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void add(String table, String shownAs, String text) {
    switch (table) {
      case "relations.csv" -> {
        for (Csv.Row r :
            Csv.parse(
                text, shownAs, List.of("property", "pattern", "confidence", "voice"), false)) {
          String where = shownAs + ":" + r.line();
          String object = r.get("object");
          Map<String, String> slotClasses = new LinkedHashMap<>();
          Pattern pattern =
              object.isEmpty()
                  ? compile(r.get("pattern"), where, slotClasses, "s", "o")
                  : compile(r.get("pattern"), where, slotClasses, "s");
          if (!List.of("sentence", "publisher").contains(r.get("voice"))) {
            throw new NewsGraphException(
                where + ": [voice] '" + r.get("voice") + "' is not sentence or publisher");
          }
          relations.add(
              new RelationCue(
                  r.get("property"),
                  pattern,
                  r.get("pattern"),
                  confidence(r.get("confidence"), where),
                  r.get("voice").equals("publisher"),
                  Map.copyOf(slotClasses),
                  object,
                  where));
        }
      }
      case "classes.csv" -> {
        for (Csv.Row r : Csv.parse(text, shownAs, List.of("cue", "where", "class"), false)) {
          String where = shownAs + ":" + r.line();
          if (!WHERE.contains(r.get("where"))) {
            throw new NewsGraphException(
                where + ": [where] '" + r.get("where") + "' is not one of " + WHERE);
          }
          if (r.get("cue").isEmpty()) {
            throw new NewsGraphException(where + ": [cue] is empty");
          }
          classes.add(
              new ClassCue(
                  r.get("cue").toLowerCase(Locale.ROOT), r.get("where"), r.get("class"), where));
        }
      }
      default -> {
        for (Csv.Row r : Csv.parse(text, shownAs, List.of("pattern", "stance"), false)) {
          String stance = r.get("stance");
          if (!List.of("says", "claims", "denies", "unaware").contains(stance)) {
            throw new NewsGraphException(
                shownAs
                    + ":"
                    + r.line()
                    + ": [stance] '"
                    + stance
                    + "' is not says, claims, denies or unaware");
          }
          attributions.add(
              new AttributionCue(
                  compile(r.get("pattern"), shownAs + ":" + r.line(), new LinkedHashMap<>(), "x"),
                  r.get("pattern"),
                  stance));
        }
      }
    }
  }

  private static double confidence(String text, String where) {
    try {
      double c = Double.parseDouble(text);
      if (c >= 0 && c <= 1) {
        return c;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new NewsGraphException(where + ": [confidence] '" + text + "' is not a number 0..1");
  }

  /**
   * Compiles a pattern to a regular expression over a sentence's word string (see {@link
   * Sentence#words()}): words separated by single spaces, each followed by a space, a mention
   * written {@code @n}.
   */
  static Pattern compile(
      String pattern, String where, Map<String, String> slotClasses, String... slots) {
    StringBuilder re = new StringBuilder("(?<![^ ])");
    List<String> seen = new ArrayList<>();
    for (String item : pattern.strip().split("\\s+")) {
      Matcher slot = SLOT.matcher(item);
      if (!slot.matches()) {
        item = item.toLowerCase(Locale.ROOT);
      }
      if (slot.matches()) {
        String name = slot.group(1);
        if (!List.of(slots).contains(name) || seen.contains(name)) {
          throw new NewsGraphException(
              where + ": [pattern] '" + item + "' is not one of the slots " + List.of(slots));
        }
        seen.add(name);
        if (slot.group(2) != null) {
          slotClasses.put(name, slot.group(2));
        }
        re.append("@(?<").append(name).append(">\\d+)(?::[^ ]*)? ");
      } else if (item.matches("~\\d?")) {
        re.append("(?:\\S+ ){0,").append(item.length() > 1 ? item.substring(1) : "6").append("}?");
      } else {
        List<String> alts = new ArrayList<>();
        for (String alt : item.split("/")) {
          if (alt.isEmpty()) {
            continue;
          }
          alts.add(
              alt.endsWith("*") && alt.length() > 1
                  ? Pattern.quote(alt.substring(0, alt.length() - 1)) + "[^ @]*"
                  : Pattern.quote(alt.replace('\u2019', '\'')));
        }
        re.append("(?:@\\d+:)?(?:").append(String.join("|", alts)).append(") ");
      }
    }
    if (seen.size() != slots.length) {
      throw new NewsGraphException(
          where + ": [pattern] '" + pattern + "' must use each of the slots " + List.of(slots));
    }
    return Pattern.compile(re.toString());
  }

  /**
   * Checks the lexicon against the ontology: every property a relation cue names is an object
   * property, a slot's class and a fixed object fit its domain and range, every class a class cue
   * names exists.
   *
   * @throws NewsGraphException naming the lexicon file, line and column of the first problem
   */
  public Lexicon check(OntologyIndex ontology) {
    for (RelationCue c : relations) {
      if (!ontology.isObjectProperty(c.property())) {
        throw new NewsGraphException(
            c.at()
                + ": [property] '"
                + c.property()
                + "' is not an object property of the ontology");
      }
      Node p = OntologyIndex.term(c.property());
      for (Map.Entry<String, String> e : c.slotClasses().entrySet()) {
        List<Node> need = e.getKey().equals("s") ? ontology.domains(p) : ontology.ranges(p);
        if (ontology.clazz(e.getValue()).isEmpty()) {
          throw new NewsGraphException(
              c.at() + ": [pattern] '" + e.getValue() + "' is not a class of the ontology");
        }
        Node k = OntologyIndex.term(e.getValue());
        for (Node n : need) {
          if (!ontology.isSubClassOf(k, n) && !ontology.isSubClassOf(n, k)) {
            throw new NewsGraphException(
                c.at()
                    + ": [pattern] {"
                    + e.getKey()
                    + ":"
                    + e.getValue()
                    + "} does not fit the "
                    + (e.getKey().equals("s") ? "domain " : "range ")
                    + n.getLocalName()
                    + " of "
                    + c.property());
          }
        }
      }
      if (!c.object().isEmpty()) {
        boolean fits =
            ontology.individual(c.object()).isPresent()
                && ontology.ranges(p).stream()
                    .allMatch(
                        r ->
                            ontology.typesOf(OntologyIndex.term(c.object())).stream()
                                .anyMatch(t -> ontology.isSubClassOf(t, r)));
        if (!fits) {
          throw new NewsGraphException(
              c.at()
                  + ": [object] '"
                  + c.object()
                  + "' is not an individual of the ontology in the range of "
                  + c.property());
        }
      }
    }
    for (ClassCue c : classes) {
      if (ontology.clazz(c.clazz()).isEmpty()) {
        throw new NewsGraphException(
            c.at() + ": [class] '" + c.clazz() + "' is not a class of the ontology");
      }
    }
    return this;
  }

  List<RelationCue> relations() {
    return relations;
  }

  List<ClassCue> classes() {
    return classes;
  }

  List<AttributionCue> attributions() {
    return attributions;
  }

  /** The class a cue word suggests at a position, or null. */
  String classFor(String word, String where) {
    String w = word.toLowerCase(Locale.ROOT);
    for (ClassCue c : classes) {
      if (c.where().equals(where) && c.cue().equals(w)) {
        return c.clazz();
      }
    }
    return null;
  }
}
