package org.w3id.newsgraph.draft;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3id.newsgraph.load.GraphLoader;
import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.load.OntologyIndex;

/**
 * Measures the drafter against a curated article: drafts it from its text alone (its facts file out
 * of the way) and compares with {@code facts/<source>.csv}; then drafts it again with an empty
 * {@code entities.csv} and compares the proposed entities with the curated ones. Run by {@code
 * .ci/draft-eval.sh}; prints the numbers the README reports.
 *
 * <p>Usage: {@code DraftEval PROJECT_DIR SOURCE}
 */
public final class DraftEval {
  static final Set<String> CORE = Set.of("mediates", "leads", "attacked", "negotiatesWith");

  private DraftEval() {}

  /** The measured numbers. */
  record Result(
      int curated,
      int drafted,
      double sentenceCoverage,
      double corePrecision,
      double coreRecall,
      double allPrecision,
      double allRecall,
      double stanceSpeaker,
      int stanceMatched,
      double mentionRecall,
      int mentionsCurated,
      double classAccuracy,
      double classCompatible,
      long coldMillis,
      long warmMillis) {}

  public static void main(String[] args) throws IOException {
    Path project = Path.of(args.length > 0 ? args[0] : ".");
    String source = args.length > 1 ? args[1] : "rferl-2021-11-ttp-secret-talks";
    Result r = evaluate(project, source, System.out);
    System.out.printf(
        Locale.ROOT,
        "%nsummary: coverage %.1f%%, core P %.1f%% R %.1f%%, all P %.1f%% R %.1f%%,"
            + " stance+speaker %.1f%% of %d, mentions R %.1f%% of %d, class %.1f%% (compatible %.1f%%),"
            + " draft %d ms cold / %d ms warm%n",
        100 * r.sentenceCoverage(),
        100 * r.corePrecision(),
        100 * r.coreRecall(),
        100 * r.allPrecision(),
        100 * r.allRecall(),
        100 * r.stanceSpeaker(),
        r.stanceMatched(),
        100 * r.mentionRecall(),
        r.mentionsCurated(),
        100 * r.classAccuracy(),
        100 * r.classCompatible(),
        r.coldMillis(),
        r.warmMillis());
  }

  static Result evaluate(Path project, String source, PrintStream log) throws IOException {
    Layout real = Layout.of(project);
    Path scratch = Files.createTempDirectory("draft-eval-");
    Path triples = scratch.resolve("triples");
    Files.createDirectories(triples.resolve("sources"));
    Files.copy(real.sourcesCsv(), triples.resolve("sources.csv"));
    Files.copy(real.entitiesCsv(), triples.resolve("entities.csv"));
    Files.copy(real.sourceText(source), triples.resolve("sources").resolve(source + ".txt"));
    Layout layout = new Layout(real.ontology(), real.shapes(), triples);

    long t0 = System.nanoTime();
    Draft draft = Drafts.propose(layout, source, Lexicon.load(triples));
    long cold = (System.nanoTime() - t0) / 1_000_000;
    t0 = System.nanoTime();
    Drafts.propose(layout, source, Lexicon.load(triples));
    long warm = (System.nanoTime() - t0) / 1_000_000;

    List<Csv.Row> curated = Csv.read(real.factsCsv(source), GraphLoader.FACT_COLUMNS, false);
    Set<String> draftedQuotes = new HashSet<>();
    draft.rows().forEach(r -> draftedQuotes.add(r.quote()));
    long covered = curated.stream().filter(c -> draftedQuotes.contains(c.get("quote"))).count();

    Set<String> cur = new LinkedHashSet<>();
    Set<String> curCore = new LinkedHashSet<>();
    for (Csv.Row c : curated) {
      String t = triple(c.get("subject"), c.get("property"), c.get("object"), c.get("value"));
      cur.add(t);
      if (CORE.contains(c.get("property"))) {
        curCore.add(t);
      }
    }
    Set<String> dr = new LinkedHashSet<>();
    Set<String> drCore = new LinkedHashSet<>();
    for (Draft.Row d : draft.rows()) {
      String t = triple(d.subject(), d.property(), d.object(), d.value());
      dr.add(t);
      if (CORE.contains(d.property())) {
        drCore.add(t);
      }
    }
    // stance and speaker: drafted rows whose triple and sentence match a curated row
    Map<String, List<String>> curatedVoices = new HashMap<>();
    for (Csv.Row c : curated) {
      curatedVoices
          .computeIfAbsent(
              triple(c.get("subject"), c.get("property"), c.get("object"), c.get("value"))
                  + "|"
                  + c.get("quote"),
              k -> new ArrayList<>())
          .add(c.get("stance") + " " + c.get("by"));
    }
    int matched = 0;
    int right = 0;
    for (Draft.Row d : draft.rows()) {
      List<String> voices =
          curatedVoices.get(
              triple(d.subject(), d.property(), d.object(), d.value()) + "|" + d.quote());
      if (voices != null) {
        matched++;
        if (voices.contains(d.stance() + " " + d.by())) {
          right++;
        } else {
          log.println(
              "  voice: "
                  + triple(d.subject(), d.property(), d.object(), d.value())
                  + " drafted "
                  + d.stance()
                  + " "
                  + d.by()
                  + ", curated "
                  + voices);
        }
      }
    }
    log.printf(
        Locale.ROOT, "curated facts: %d, drafted rows: %d%n", curated.size(), draft.rows().size());
    log.println("true positives (all):");
    dr.stream().filter(cur::contains).forEach(t -> log.println("  + " + t));
    log.println("false positives (all):");
    dr.stream().filter(t -> !cur.contains(t)).forEach(t -> log.println("  - " + t));
    log.println("sentences without a draft row:");
    curated.stream()
        .map(c -> c.get("quote"))
        .distinct()
        .filter(q -> !draftedQuotes.contains(q))
        .forEach(q -> log.println("  ! " + q));
    log.println("missed core:");
    curCore.stream().filter(t -> !dr.contains(t)).forEach(t -> log.println("  ? " + t));

    // entities: draft again knowing no entity
    Files.writeString(
        triples.resolve("entities.csv"),
        String.join(",", GraphLoader.ENTITY_COLUMNS) + "\n",
        StandardCharsets.UTF_8);
    Draft fresh = Drafts.propose(layout, source, Lexicon.load(triples));
    String text = Files.readString(real.sourceText(source), StandardCharsets.UTF_8);
    String norm = Drafter.normalize(text);
    OntologyIndex onto = ontology(real);
    int mentioned = 0;
    int found = 0;
    int classRight = 0;
    int classCompatible = 0;
    for (Csv.Row e : Csv.read(real.entitiesCsv(), GraphLoader.ENTITY_COLUMNS, false)) {
      List<String> names = new ArrayList<>();
      names.add(e.get("label"));
      for (String a : e.get("alt_labels").split("\\|")) {
        if (!a.isBlank()) {
          names.add(a.strip());
        }
      }
      boolean inText =
          names.stream()
              .anyMatch(
                  n ->
                      Pattern.compile(
                              "(?<![\\p{L}])"
                                  + Pattern.quote(Drafter.normalize(n))
                                  + "(?![\\p{L}])")
                          .matcher(norm)
                          .find());
      if (!inText || e.get("id").equals("rferl")) {
        continue;
      }
      mentioned++;
      Draft.NewEntity hit = null;
      for (Draft.NewEntity p : fresh.entities()) {
        for (String n : names) {
          if (plain(n).equals(plain(p.label()))) {
            hit = p;
          }
        }
      }
      if (hit == null) {
        log.println("  entity not proposed: " + e.get("id") + " " + names);
        continue;
      }
      found++;
      if (hit.clazz().equals(e.get("class"))) {
        classRight++;
      } else {
        log.println(
            "  class: " + e.get("id") + " is " + e.get("class") + ", guessed " + hit.clazz());
      }
      if (onto.isSubClassOf(OntologyIndex.term(e.get("class")), OntologyIndex.term(hit.clazz()))
          || onto.isSubClassOf(
              OntologyIndex.term(hit.clazz()), OntologyIndex.term(e.get("class")))) {
        classCompatible++;
      }
    }
    return new Result(
        curated.size(),
        draft.rows().size(),
        ratio(covered, curated.size()),
        ratio(drCore.stream().filter(curCore::contains).count(), drCore.size()),
        ratio(curCore.stream().filter(dr::contains).count(), curCore.size()),
        ratio(dr.stream().filter(cur::contains).count(), dr.size()),
        ratio(cur.stream().filter(dr::contains).count(), cur.size()),
        ratio(right, matched),
        matched,
        ratio(found, mentioned),
        mentioned,
        ratio(classRight, found),
        ratio(classCompatible, found),
        cold,
        warm);
  }

  private static OntologyIndex ontology(Layout layout) {
    org.apache.jena.graph.Graph g =
        org.apache.jena.riot.RDFDataMgr.loadGraph(layout.ontology().toString());
    return new OntologyIndex(g);
  }

  private static String plain(String name) {
    return Drafter.normalize(name)
        .toLowerCase(Locale.ROOT)
        .replaceAll("^(the|a|an) ", "")
        .replaceAll("'s$", "")
        .strip();
  }

  private static String triple(String s, String p, String o, String v) {
    return s + " " + p + " " + (o.isEmpty() ? "\"" + v + "\"" : o);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
