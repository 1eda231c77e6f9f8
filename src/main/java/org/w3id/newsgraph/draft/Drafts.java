package org.w3id.newsgraph.draft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.newsgraph.NewsGraph;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.GraphLoader;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.load.LoadException;
import org.w3id.newsgraph.load.OntologyIndex;
import org.w3id.newsgraph.load.SourceText;
import org.w3id.newsgraph.util.AtomicFile;
import org.w3id.newsgraph.util.FileTrees;

/**
 * The draft files of a project and the two operations on them: {@link #draft} writes {@code
 * triples/drafts/<source>.csv} (candidate facts) and {@code triples/drafts/<source>.entities.csv}
 * (proposed entities), which the loader never reads; {@link #accept} moves the rows a person marked
 * {@code accept} into {@code facts/<source>.csv} and {@code entities.csv}, only if the whole
 * project then passes every check of {@code validate}, and remembers the rows marked {@code reject}
 * in {@code triples/drafts/<source>.rejected.csv} so that drafting again does not propose them.
 */
public final class Drafts {
  /** The folder under {@code triples/} that holds the drafts. */
  public static final String FOLDER = "drafts";

  /** Extra columns of a draft around the columns of a facts file. */
  public static final List<String> ROW_COLUMNS = columns();

  /** Columns of the proposed-entities file. */
  public static final List<String> ENTITY_COLUMNS =
      List.of("decision", "id", "class", "label", "alt_labels", "comment", "why");

  /** Columns of the file of rejected rows. */
  public static final List<String> REJECTED_COLUMNS =
      List.of("subject", "property", "object", "value", "quote");

  /** Columns of the file of rejected entities. */
  public static final List<String> REJECTED_ENTITY_COLUMNS = List.of("id", "class", "label");

  private static final Pattern FACT_ID = Pattern.compile("f(\\d+)");

  private Drafts() {}

  private static List<String> columns() {
    List<String> c = new ArrayList<>();
    c.add("decision");
    c.addAll(GraphLoader.FACT_COLUMNS);
    c.add("confidence");
    c.add("why");
    return List.copyOf(c);
  }

  /** {@code triples/drafts/<source>.csv}. */
  public static Path rowsFile(Layout layout, String source) {
    return layout.triples().resolve(FOLDER).resolve(source + ".csv");
  }

  /** {@code triples/drafts/<source>.entities.csv}. */
  public static Path entitiesFile(Layout layout, String source) {
    return layout.triples().resolve(FOLDER).resolve(source + ".entities.csv");
  }

  /** {@code triples/drafts/<source>.rejected.csv}. */
  public static Path rejectedFile(Layout layout, String source) {
    return layout.triples().resolve(FOLDER).resolve(source + ".rejected.csv");
  }

  /** {@code triples/drafts/<source>.rejected-entities.csv}. */
  public static Path rejectedEntitiesFile(Layout layout, String source) {
    return layout.triples().resolve(FOLDER).resolve(source + ".rejected-entities.csv");
  }

  /**
   * What a draft run made.
   *
   * @param draft the draft as proposed
   * @param rowsFile where the rows went
   * @param entitiesFile where the proposed entities went
   */
  public record Drafted(Draft draft, Path rowsFile, Path entitiesFile) {}

  /**
   * Drafts {@code source}, which needs its row in {@code sources.csv} and its text in {@code
   * sources/}. Refuses to overwrite a draft in which a person has already decided rows, unless
   * {@code force}.
   */
  public static Drafted draft(Layout layout, String source, boolean force) {
    Draft draft = propose(layout, source, Lexicon.load(layout.triples()));
    Path rows = rowsFile(layout, source);
    Path entities = entitiesFile(layout, source);
    if (!force) {
      for (Path p : List.of(rows, entities)) {
        if (Files.isRegularFile(p)) {
          for (Csv.Row r : Csv.read(p, List.of("decision"), true)) {
            if (!r.get("decision").isEmpty()) {
              throw new NewsGraphException(
                  p
                      + ":"
                      + r.line()
                      + ": [decision] a person has decided rows of this draft; run 'draft --accept'"
                      + " first, or draft again with --force to overwrite them");
            }
          }
        }
      }
    }
    List<List<String>> out = new ArrayList<>();
    out.add(ROW_COLUMNS);
    int n = 0;
    for (Draft.Row r : draft.rows()) {
      out.add(
          List.of(
              "",
              String.format(Locale.ROOT, "d%03d", ++n),
              r.subject(),
              r.property(),
              r.object(),
              r.value(),
              r.stance(),
              r.by(),
              r.quote(),
              "",
              r.validFrom(),
              r.validUntil(),
              r.validAt(),
              r.inferred(),
              String.valueOf(r.confidence()),
              r.why()));
    }
    List<List<String>> ents = new ArrayList<>();
    ents.add(ENTITY_COLUMNS);
    for (Draft.NewEntity e : draft.entities()) {
      ents.add(List.of("", e.id(), e.clazz(), e.label(), "", "", e.why()));
    }
    try {
      Files.createDirectories(rows.getParent());
      write(rows, Csv.format(out, true));
      write(entities, Csv.format(ents, true));
    } catch (IOException e) {
      throw new NewsGraphException("cannot write the draft: " + e.getMessage(), e);
    }
    return new Drafted(draft, rows, entities);
  }

  /** Drafts {@code source} in memory, writing nothing. */
  public static Draft propose(Layout layout, String source, Lexicon lexicon) {
    Set<String> skip = new HashSet<>();
    if (Files.isRegularFile(layout.factsCsv(source))) {
      for (Csv.Row r : Csv.read(layout.factsCsv(source), GraphLoader.FACT_COLUMNS, false)) {
        skip.add(keyOf(r));
      }
    }
    if (Files.isRegularFile(rejectedFile(layout, source))) {
      for (Csv.Row r : Csv.read(rejectedFile(layout, source), REJECTED_COLUMNS, true)) {
        skip.add(keyOf(r));
      }
    }
    Draft draft = new Drafter(ontologyOf(layout), lexicon).draft(article(layout, source, skip));
    Path rejectedEntities = rejectedEntitiesFile(layout, source);
    if (!Files.isRegularFile(rejectedEntities)) {
      return draft;
    }
    // a rejected entity is not proposed again, by its id or its name, nor any row that uses it
    Set<String> ids = new HashSet<>();
    Set<String> labels = new HashSet<>();
    for (Csv.Row r : Csv.read(rejectedEntities, REJECTED_ENTITY_COLUMNS, true)) {
      ids.add(r.get("id"));
      labels.add(r.get("label").toLowerCase(Locale.ROOT));
    }
    Set<String> gone = new HashSet<>();
    List<Draft.NewEntity> entities = new ArrayList<>();
    for (Draft.NewEntity e : draft.entities()) {
      if (ids.contains(e.id()) || labels.contains(e.label().toLowerCase(Locale.ROOT))) {
        gone.add(e.id());
      } else {
        entities.add(e);
      }
    }
    List<Draft.Row> rows = new ArrayList<>();
    for (Draft.Row r : draft.rows()) {
      if (!gone.contains(r.subject()) && !gone.contains(r.object()) && !gone.contains(r.by())) {
        rows.add(r);
      }
    }
    return new Draft(List.copyOf(rows), List.copyOf(entities));
  }

  /** What the drafter needs to know of {@code source}; {@code skip}: rows not to propose. */
  static Drafter.Article article(Layout layout, String source, Set<String> skip) {
    Map<String, String> row = sourceRow(layout, source);
    Set<String> furniture = new HashSet<>();
    for (String f : row.get("furniture").split("\\|")) {
      if (!f.isBlank()) {
        furniture.add(f.strip());
      }
    }
    Path textFile = layout.sourceText(source);
    SourceText text;
    try {
      text = SourceText.read(textFile, furniture);
    } catch (IOException e) {
      throw new NewsGraphException(
          textFile + ": cannot read the source text: " + e.getMessage(), e);
    }
    List<Draft.Known> known = new ArrayList<>();
    if (Files.isRegularFile(layout.entitiesCsv())) {
      for (Csv.Row r : Csv.read(layout.entitiesCsv(), GraphLoader.ENTITY_COLUMNS, false)) {
        List<String> alts = new ArrayList<>();
        for (String a : r.get("alt_labels").split("\\|")) {
          if (!a.isBlank()) {
            alts.add(a.strip());
          }
        }
        known.add(new Draft.Known(r.get("id"), r.get("class"), r.get("label"), alts));
      }
    }
    return new Drafter.Article(
        source, row.get("publisher"), row.get("published"), text, known, skip);
  }

  private static String keyOf(Csv.Row r) {
    return Draft.Row.key(
        r.get("subject"), r.get("property"), r.get("object"), r.get("value"), r.get("quote"));
  }

  private static Map<String, String> sourceRow(Layout layout, String source) {
    for (Csv.Row r : Csv.read(layout.sourcesCsv(), GraphLoader.SOURCE_COLUMNS, false)) {
      if (r.get("id").equals(source)) {
        if (!r.get("published").matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
          throw new NewsGraphException(
              layout.sourcesCsv()
                  + ":"
                  + r.line()
                  + ": [published] '"
                  + r.get("published")
                  + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : GraphLoader.SOURCE_COLUMNS) {
          m.put(c, r.get(c));
        }
        return m;
      }
    }
    throw new NewsGraphException(
        layout.sourcesCsv()
            + ": no source '"
            + source
            + "'; add its row (id, title, publisher, published, ...) first");
  }

  static OntologyIndex ontologyOf(Layout layout) {
    Graph g = GraphFactory.createDefaultGraph();
    try {
      RDFParser.source(layout.ontology()).lang(org.apache.jena.riot.Lang.TURTLE).parse(g);
    } catch (RiotException e) {
      throw new NewsGraphException(layout.ontology() + ": " + e.getMessage(), e);
    }
    return new OntologyIndex(g);
  }

  // ---- accept

  /**
   * What {@link #accept} did.
   *
   * @param facts rows added to {@code facts/<source>.csv}
   * @param entities entities added to {@code entities.csv}
   * @param rejected rows remembered as rejected
   * @param undecided rows left in the draft
   * @param rejectedEntities proposed entities remembered as rejected
   */
  public record Accepted(
      int facts, int entities, int rejected, int undecided, int rejectedEntities) {}

  private enum Decision {
    ACCEPT,
    REJECT,
    NONE
  }

  /**
   * Moves the accepted rows of the draft of {@code source} into the project, checks the whole
   * project as {@code validate} does, and writes the files only if it is valid. Nothing is written
   * when anything is wrong.
   *
   * @throws NewsGraphException naming file, line and field of what is wrong
   */
  public static Accepted accept(Layout layout, String source, int maxErrors) {
    Path rowsFile = rowsFile(layout, source);
    Path entsFile = entitiesFile(layout, source);
    if (!Files.isRegularFile(rowsFile)) {
      throw new NewsGraphException(rowsFile + ": no draft; run 'newsgraph draft " + source + "'");
    }
    sourceRow(layout, source);
    List<Csv.Row> rows = Csv.read(rowsFile, ROW_COLUMNS, true);
    List<Csv.Row> ents =
        Files.isRegularFile(entsFile) ? Csv.read(entsFile, ENTITY_COLUMNS, true) : List.of();

    List<Csv.Row> accepted = new ArrayList<>();
    List<Csv.Row> rejected = new ArrayList<>();
    List<Csv.Row> undecided = new ArrayList<>();
    for (Csv.Row r : rows) {
      switch (decision(r, rowsFile)) {
        case ACCEPT -> accepted.add(r);
        case REJECT -> rejected.add(r);
        default -> undecided.add(r);
      }
    }
    Set<String> used = new HashSet<>();
    for (Csv.Row r : accepted) {
      for (String c : List.of("subject", "object", "by", "occasion")) {
        used.add(r.get(c));
      }
    }
    List<Csv.Row> newEntities = new ArrayList<>();
    List<Csv.Row> entsLeft = new ArrayList<>();
    List<Csv.Row> entsRejected = new ArrayList<>();
    for (Csv.Row e : ents) {
      Decision d = decision(e, entsFile);
      if (d == Decision.ACCEPT || (d == Decision.NONE && used.contains(e.get("id")))) {
        newEntities.add(e);
      } else if (d == Decision.REJECT && used.contains(e.get("id"))) {
        throw new NewsGraphException(
            entsFile
                + ":"
                + e.line()
                + ": [decision] entity '"
                + e.get("id")
                + "' is rejected but an accepted row of "
                + rowsFile.getFileName()
                + " uses it; accept it, give the row another id, or reject the row");
      } else if (d == Decision.NONE) {
        entsLeft.add(e);
      } else if (d == Decision.REJECT) {
        entsRejected.add(e);
      }
    }

    try {
      String entitiesOld =
          Files.isRegularFile(layout.entitiesCsv()) ? read(layout.entitiesCsv()) : null;
      List<List<String>> entityRecords = new ArrayList<>();
      for (Csv.Row e : newEntities) {
        entityRecords.add(
            List.of(
                e.get("id"),
                e.get("class"),
                e.get("label"),
                e.get("alt_labels"),
                e.get("comment")));
      }
      String entitiesNew = append(entitiesOld, GraphLoader.ENTITY_COLUMNS, entityRecords);

      Path factsFile = layout.factsCsv(source);
      String factsOld = Files.isRegularFile(factsFile) ? read(factsFile) : null;
      int next = nextFactNumber(factsFile);
      List<List<String>> factRecords = new ArrayList<>();
      for (Csv.Row r : accepted) {
        List<String> rec = new ArrayList<>();
        for (String c : GraphLoader.FACT_COLUMNS) {
          rec.add(c.equals("id") ? String.format(Locale.ROOT, "f%03d", next++) : r.get(c));
        }
        factRecords.add(rec);
      }
      String factsNew = append(factsOld, GraphLoader.FACT_COLUMNS, factRecords);

      validate(layout, source, entitiesNew, factsNew, maxErrors);

      // valid: write, entities first; put the entities back if the facts cannot be written
      write(layout.entitiesCsv(), entitiesNew);
      try {
        Files.createDirectories(factsFile.getParent());
        write(factsFile, factsNew);
      } catch (IOException | RuntimeException e) {
        if (entitiesOld == null) {
          Files.deleteIfExists(layout.entitiesCsv());
        } else {
          write(layout.entitiesCsv(), entitiesOld);
        }
        throw e;
      }
      List<List<String>> left = new ArrayList<>();
      left.add(ROW_COLUMNS);
      undecided.forEach(r -> left.add(values(r, ROW_COLUMNS)));
      write(rowsFile, Csv.format(left, true));
      if (Files.isRegularFile(entsFile)) {
        List<List<String>> le = new ArrayList<>();
        le.add(ENTITY_COLUMNS);
        entsLeft.forEach(e -> le.add(values(e, ENTITY_COLUMNS)));
        write(entsFile, Csv.format(le, true));
      }
      remember(rejectedFile(layout, source), REJECTED_COLUMNS, rejected);
      remember(rejectedEntitiesFile(layout, source), REJECTED_ENTITY_COLUMNS, entsRejected);
    } catch (IOException e) {
      throw new NewsGraphException("cannot write: " + e.getMessage(), e);
    }
    return new Accepted(
        accepted.size(),
        newEntities.size(),
        rejected.size(),
        undecided.size(),
        entsRejected.size());
  }

  /** Appends rows a person rejected to the file that remembers them. */
  private static void remember(Path file, List<String> columns, List<Csv.Row> rejected)
      throws IOException {
    if (rejected.isEmpty()) {
      return;
    }
    String old = Files.isRegularFile(file) ? read(file) : null;
    List<List<String>> recs = new ArrayList<>();
    rejected.forEach(r -> recs.add(values(r, columns)));
    write(
        file,
        old == null ? Csv.format(prepend(columns, recs), true) : old + Csv.format(recs, true));
  }

  private static Decision decision(Csv.Row r, Path file) {
    String d = r.get("decision").toLowerCase(Locale.ROOT);
    return switch (d) {
      case "accept", "accepted", "a", "yes", "y" -> Decision.ACCEPT;
      case "reject", "rejected", "r", "no", "n" -> Decision.REJECT;
      case "" -> Decision.NONE;
      default ->
          throw new NewsGraphException(
              file
                  + ":"
                  + r.line()
                  + ": [decision] '"
                  + r.get("decision")
                  + "' is not accept, reject or empty");
    };
  }

  /**
   * Checks the project as it would be with the new entities and facts, in a scratch copy of the
   * triples folder (the other files linked, not copied), with every check of {@code validate}.
   */
  private static void validate(
      Layout layout, String source, String entities, String facts, int maxErrors)
      throws IOException {
    Path scratch = Files.createTempDirectory("newsgraph-accept-");
    try {
      Path triples = layout.triples().toAbsolutePath();
      try (Stream<Path> files = Files.list(triples)) {
        for (Path p : files.toList()) {
          String name = p.getFileName().toString();
          if (!name.equals("entities.csv") && !name.equals("facts")) {
            link(scratch.resolve(name), p);
          }
        }
      }
      Files.writeString(scratch.resolve("entities.csv"), entities, StandardCharsets.UTF_8);
      Path facts0 = Files.createDirectory(scratch.resolve("facts"));
      if (Files.isDirectory(layout.factsDir())) {
        try (Stream<Path> files = Files.list(layout.factsDir().toAbsolutePath())) {
          for (Path p : files.toList()) {
            if (!p.getFileName().toString().equals(source + ".csv")) {
              link(facts0.resolve(p.getFileName()), p);
            }
          }
        }
      }
      Files.writeString(facts0.resolve(source + ".csv"), facts, StandardCharsets.UTF_8);
      try {
        NewsGraph.load(new Layout(layout.ontology(), layout.shapes(), scratch), maxErrors);
      } catch (LoadException e) {
        throw new NewsGraphException(
            "not accepted, nothing written: with the accepted rows the project does not validate"
                + " (fix the draft and accept again):\n"
                + e.getMessage()
                    .replace(scratch.toString() + "/", layout.triples() + "/")
                    .replace(scratch.toString(), layout.triples().toString()),
            e);
      }
    } finally {
      FileTrees.delete(scratch);
    }
  }

  private static void link(Path link, Path target) throws IOException {
    try {
      Files.createSymbolicLink(link, target);
    } catch (UnsupportedOperationException | IOException e) {
      if (Files.isDirectory(target)) {
        FileTrees.copy(target, link);
      } else {
        Files.copy(target, link);
      }
    }
  }

  private static int nextFactNumber(Path factsFile) {
    int max = 0;
    if (Files.isRegularFile(factsFile)) {
      for (Csv.Row r : Csv.read(factsFile, List.of("id"), false)) {
        Matcher m = FACT_ID.matcher(r.get("id"));
        if (m.matches()) {
          max = Math.max(max, Integer.parseInt(m.group(1)));
        }
      }
    }
    return max + 1;
  }

  private static String append(String old, List<String> header, List<List<String>> records) {
    if (old == null) {
      return Csv.format(prepend(header, records), false);
    }
    String base = old.isEmpty() || old.endsWith("\n") ? old : old + "\n";
    return base + Csv.format(records, false);
  }

  private static List<List<String>> prepend(List<String> header, List<List<String>> records) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(records);
    return all;
  }

  private static List<String> values(Csv.Row r, List<String> columns) {
    return columns.stream().map(r::get).toList();
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static void write(Path file, String text) throws IOException {
    AtomicFile.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
