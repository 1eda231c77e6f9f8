package org.w3id.newsgraph.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.newsgraph.load.GraphLoader;
import org.w3id.newsgraph.model.NG;

/**
 * Writes a synthetic but valid {@code triples/} folder of many articles, for the scale benchmark
 * ({@code .ci/bench-scale.sh}).
 *
 * <p>Valid by construction: every fact repeats the (subject class, property, object class or kind
 * of value, stance, speaker class, occasion, qualifiers) of one fact of a seed project (the
 * project's own {@code triples/}), in the seed's proportions, with entities of those classes, so
 * the ontology's domains and ranges hold; a fact in the publisher's voice ({@code states}) is
 * attributed to the article's publisher; every quote is a whole sentence of the generated text of
 * its article. Each article has 200 facts ({@code --per-article N} for another number). Events are
 * the article's own; people, organisations and places are shared by the articles, a few of them by
 * many (the draw is skewed). The text has what real text has: typographic apostrophes and quotation
 * marks (’ “ ”) and names outside Latin-1.
 *
 * <p>The same seed number gives the same files. {@code --bad} writes a corpus whose every fact row
 * is wrong (its speaker is not declared), to time how fast a load refuses it.
 *
 * <p>{@code java -cp ... org.w3id.newsgraph.bench.CorpusGenerator --facts 100000 --out DIR [--seed
 * 1] [--per-article 200] [--project .] [--bad]} writes {@code DIR/entities.csv, sources.csv,
 * sources/, facts/, wikidata-links.csv}; validate it with {@code newsgraph validate --triples DIR}.
 */
public final class CorpusGenerator {
  /** Facts per article unless told otherwise, as in the seed article. */
  public static final int FACTS_PER_ARTICLE = 200;

  private static final CSVFormat OUT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
  private static final CSVFormat IN =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
  private static final Pattern DATE_VALUE = Pattern.compile("[0-9]{4}(-[0-9]{2}){0,2}");

  /** What kind of value a datatype property takes, judged from the seed's own value. */
  enum Kind {
    DATE,
    INTEGER,
    DURATION,
    BOOLEAN,
    TEXT;

    static Kind of(String value) {
      if (DATE_VALUE.matcher(value).matches()) {
        return DATE;
      }
      if (value.matches("[0-9]+")) {
        return INTEGER;
      }
      if (value.matches("P[0-9]+[YMWD]")) {
        return DURATION;
      }
      if (value.equals("true") || value.equals("false")) {
        return BOOLEAN;
      }
      return TEXT;
    }
  }

  /**
   * The shape of one seed fact: what the generated facts copy. {@code objectClass} is set for an
   * object that is an entity, {@code individual} for one of the ontology's own individuals
   * (statuses), {@code kind} and {@code sample} for a value.
   */
  record Combo(
      String subjectClass,
      String property,
      String objectClass,
      String individual,
      Kind kind,
      String sample,
      String stance,
      String byClass,
      String occasionClass,
      boolean validFrom,
      boolean validUntil,
      boolean validAt,
      boolean inferred) {}

  /** What was written. */
  public record Written(int articles, int entities, long facts) {}

  private final List<Combo> combos;
  private final Map<String, Integer> seedCounts; // class -> entities of it in the seed
  private final Set<String> eventClasses;
  private final Random random;
  private final int perArticle;

  private CorpusGenerator(
      List<Combo> combos,
      Map<String, Integer> seedCounts,
      Set<String> eventClasses,
      int perArticle,
      long seed) {
    if (perArticle < 1) {
      throw new IllegalArgumentException("--per-article must be at least 1");
    }
    this.perArticle = perArticle;
    this.combos = combos;
    this.seedCounts = seedCounts;
    this.eventClasses = eventClasses;
    this.random = new Random(seed);
  }

  public static void main(String[] args) throws IOException {
    long facts = 10_000;
    int perArticle = FACTS_PER_ARTICLE;
    long seed = 1;
    Path out = null;
    Path project = Path.of(".");
    boolean bad = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--facts" -> facts = parseCount(args[++i]);
        case "--per-article" -> perArticle = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--project" -> project = Path.of(args[++i]);
        case "--bad" -> bad = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required");
    }
    Written w = generate(project, out, facts, perArticle, seed, bad);
    System.out.printf(
        Locale.ROOT,
        "%s: %d articles, %d entities, %d facts%n",
        out,
        w.articles(),
        w.entities(),
        w.facts());
  }

  /** {@code 10k}, {@code 1M} or plain digits. */
  static long parseCount(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    long factor = 1;
    if (t.endsWith("k")) {
      factor = 1_000;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m")) {
      factor = 1_000_000;
      t = t.substring(0, t.length() - 1);
    }
    return Long.parseLong(t) * factor;
  }

  /**
   * Writes a corpus of {@code facts} facts into the folder {@code out} (a {@code triples/} folder),
   * copying the combinations of {@code project}'s {@code triples/} over its {@code ontology/}.
   */
  public static Written generate(Path project, Path out, long facts, long seed, boolean bad)
      throws IOException {
    return generate(project, out, facts, FACTS_PER_ARTICLE, seed, bad);
  }

  /** As {@link #generate(Path, Path, long, long, boolean)}, {@code perArticle} facts an article. */
  public static Written generate(
      Path project, Path out, long facts, int perArticle, long seed, boolean bad)
      throws IOException {
    Path triples = project.resolve("triples");
    Map<String, String> classOf = new LinkedHashMap<>();
    Map<String, Integer> seedCounts = new TreeMap<>();
    try (CSVParser p = parse(triples.resolve("entities.csv"))) {
      for (CSVRecord r : p) {
        classOf.put(r.get("id"), r.get("class"));
        seedCounts.merge(r.get("class"), 1, Integer::sum);
      }
    }
    List<Combo> combos = new ArrayList<>();
    List<Path> factFiles;
    try (var files = Files.list(triples.resolve("facts"))) {
      factFiles = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
    }
    for (Path f : factFiles) {
      try (CSVParser p = parse(f)) {
        for (CSVRecord r : p) {
          combos.add(combo(r, classOf));
        }
      }
    }
    Model ontology = RDFDataMgr.loadModel(project.resolve("ontology/newsgraph.ttl").toString());
    Set<String> events = new TreeSet<>();
    collectSubclasses(ontology, ontology.createResource(NG.NS + "Event"), events);
    return new CorpusGenerator(combos, seedCounts, events, perArticle, seed).write(out, facts, bad);
  }

  private static CSVParser parse(Path file) throws IOException {
    return CSVParser.builder()
        .setReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))
        .setFormat(IN)
        .get();
  }

  private static Combo combo(CSVRecord r, Map<String, String> classOf) {
    String object = r.get("object");
    String value = r.get("value");
    String objectClass = object.isEmpty() ? null : classOf.get(object);
    String individual = !object.isEmpty() && objectClass == null ? object : null;
    Kind kind = object.isEmpty() ? Kind.of(value) : null;
    return new Combo(
        classOf.get(r.get("subject")),
        r.get("property"),
        objectClass,
        individual,
        kind,
        value,
        r.get("stance"),
        classOf.get(r.get("by")),
        r.get("occasion").isEmpty() ? null : classOf.get(r.get("occasion")),
        !r.get("valid_from").isEmpty(),
        !r.get("valid_until").isEmpty(),
        !r.get("valid_at").isEmpty(),
        !r.get("inferred").isEmpty());
  }

  private static void collectSubclasses(Model m, Resource c, Set<String> out) {
    if (c.getURI() != null && c.getURI().startsWith(NG.NS) && out.add(c.getLocalName())) {
      m.listSubjectsWithProperty(RDFS.subClassOf, c).forEach(sub -> collectSubclasses(m, sub, out));
    }
  }

  // ---- the corpus

  /** One entity: id, class and label. */
  private record Entity(String id, String cls, String label) {}

  private final Map<String, List<Entity>> pools = new TreeMap<>(); // shared entities, by class
  private final Set<Entity> declared = new LinkedHashSet<>(); // in the order facts first use them

  private Written write(Path out, long facts, boolean bad) throws IOException {
    int articles = (int) ((facts + perArticle - 1) / perArticle);
    Files.createDirectories(out.resolve("sources"));
    Files.createDirectories(out.resolve("facts"));
    // Shared entities: each appears in about four articles on average, some in many more.
    int share = Math.max(1, articles / 4);
    for (Map.Entry<String, Integer> e : seedCounts.entrySet()) {
      if (!eventClasses.contains(e.getKey())) {
        List<Entity> pool = new ArrayList<>();
        for (int i = 0; i < e.getValue() * share; i++) {
          pool.add(newEntity(e.getKey(), null, i));
        }
        pools.put(e.getKey(), pool);
      }
    }
    long written = 0;
    List<List<String>> sources = new ArrayList<>();
    for (int a = 0; a < articles; a++) {
      int n = (int) Math.min(perArticle, facts - written);
      sources.add(article(out, a, n, bad));
      written += n;
    }
    try (CSVPrinter csv = printer(out.resolve("sources.csv"))) {
      csv.printRecord(GraphLoader.SOURCE_COLUMNS);
      for (List<String> row : sources) {
        csv.printRecord(row);
      }
    }
    try (CSVPrinter csv = printer(out.resolve("entities.csv"))) {
      csv.printRecord(GraphLoader.ENTITY_COLUMNS);
      for (Entity e : declared) {
        csv.printRecord(e.id(), e.cls(), e.label(), "", "synthetic " + words(e.cls()));
      }
    }
    writeLinks(out);
    return new Written(articles, declared.size(), written);
  }

  /** Writes one article's text and facts; returns its row of sources.csv. */
  private List<String> article(Path out, int number, int factCount, boolean bad)
      throws IOException {
    String id = String.format(Locale.ROOT, "synth-%06d", number + 1);
    // The article's cast: as many entities of each class as the seed article has.
    Map<String, List<Entity>> cast = new TreeMap<>();
    for (Map.Entry<String, Integer> e : seedCounts.entrySet()) {
      List<Entity> chosen = new ArrayList<>();
      for (int i = 0; i < e.getValue(); i++) {
        if (eventClasses.contains(e.getKey())) {
          chosen.add(newEntity(e.getKey(), id, i));
          continue;
        }
        // distinct where the pool allows, so that a relation between two of the cast is never
        // a self-loop (the loader refuses those on irreflexive relations)
        Entity drawn = draw(e.getKey());
        for (int tries = 0; tries < 50 && chosen.contains(drawn); tries++) {
          drawn = draw(e.getKey());
        }
        chosen.add(drawn);
      }
      cast.put(e.getKey(), chosen);
    }
    Entity publisher = cast.get("MediaOrganization").get(0);
    declared.add(publisher);
    int year = 2000 + random.nextInt(26);
    String published =
        String.format(
            Locale.ROOT, "%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
    String title =
        "Exclusive: "
            + cast.get("MilitantGroup").get(0).label()
            + " and "
            + cast.get("GovernmentBody").get(0).label()
            + " hold talks over a cease-fire";

    List<List<String>> rows = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    Set<String> facts = new HashSet<>();
    int offset = random.nextInt(combos.size());
    String sentence = null;
    int left = 0; // facts still to quote the current sentence
    for (int k = 0; k < factCount; k++) {
      Combo c = combos.get((offset + k) % combos.size());
      Entity subject = pick(cast, c.subjectClass(), null);
      Entity object = c.objectClass() == null ? null : pick(cast, c.objectClass(), subject);
      String value = c.kind() == null ? "" : value(c, year);
      Entity by = c.stance().equals("states") ? publisher : pick(cast, c.byClass(), null);
      String fact =
          String.join(
              "|",
              subject.id(),
              c.property(),
              object != null ? object.id() : c.individual() + value,
              c.stance(),
              by.id());
      if (left == 0 || !facts.add(fact + "|" + sentence)) {
        // a new sentence; the same fact may come again only with another quote
        sentence = sentence(c, subject, object, value, by, publisher, sentences.size());
        sentences.add(sentence);
        facts.add(fact + "|" + sentence);
        left = 1 + random.nextInt(5);
      }
      left--;
      Entity occasion = c.occasionClass() == null ? null : pick(cast, c.occasionClass(), null);
      for (Entity e : new Entity[] {subject, object, bad ? null : by, occasion}) {
        if (e != null) {
          declared.add(e);
        }
      }
      rows.add(
          List.of(
              String.format(Locale.ROOT, "f%03d", k + 1),
              subject.id(),
              c.property(),
              object != null ? object.id() : c.individual() != null ? c.individual() : "",
              value,
              c.stance(),
              bad ? "undeclared-speaker-" + (k + 1) : by.id(),
              sentence,
              occasion == null ? "" : occasion.id(),
              c.validFrom() ? Integer.toString(year - 3 - random.nextInt(10)) : "",
              c.validUntil() ? Integer.toString(year - 1) : "",
              c.validAt()
                  ? String.format(Locale.ROOT, "%d-%02d", year, 1 + random.nextInt(12))
                  : "",
              c.inferred() ? "year not stated; the article reports it as this year’s" : ""));
    }
    try (CSVPrinter csv = printer(out.resolve("facts").resolve(id + ".csv"))) {
      csv.printRecord(GraphLoader.FACT_COLUMNS);
      for (List<String> row : rows) {
        csv.printRecord(row);
      }
    }
    StringBuilder text = new StringBuilder("Accessibility links\n\nBreaking News\n\n");
    text.append(title).append("\n\n");
    for (int i = 0; i < sentences.size(); ) {
      int n = Math.min(sentences.size() - i, 1 + random.nextInt(3));
      text.append(String.join(" ", sentences.subList(i, i + n))).append("\n\n");
      i += n;
    }
    text.append("Copyright (c) ").append(year).append(' ').append(publisher.label()).append('\n');
    Files.writeString(out.resolve("sources").resolve(id + ".txt"), text, StandardCharsets.UTF_8);
    return List.of(
        id,
        title,
        publisher.id(),
        published,
        "https://news.example.org/" + id,
        "en",
        "Accessibility links|Breaking News",
        "synthetic article for the scale benchmark");
  }

  /** A shared entity of {@code cls}: a few are drawn often (the square skews towards the first). */
  private Entity draw(String cls) {
    List<Entity> pool = pools.get(cls);
    double u = random.nextDouble();
    return pool.get((int) (u * u * pool.size()));
  }

  /** An entity of the article's cast, other than {@code not} when the cast allows. */
  private Entity pick(Map<String, List<Entity>> cast, String cls, Entity not) {
    List<Entity> of = cast.get(cls);
    // Never the subject itself (a cast may draw a shared entity twice): the loader refuses a
    // self-loop on an irreflexive relation.
    int start = random.nextInt(of.size());
    for (int i = 0; i < of.size(); i++) {
      Entity e = of.get((start + i) % of.size());
      if (not == null || !e.id().equals(not.id())) {
        return e;
      }
    }
    return of.get(start);
  }

  private Entity newEntity(String cls, String article, int i) {
    String slug = cls.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    String id = article == null ? slug + "-" + (i + 1) : article + "-" + slug + "-" + (i + 1);
    return new Entity(id, cls, label(cls, article, i));
  }

  // ---- text

  private static final String[] FIRST = {
    "Amina", "Farid", "Zoë", "Nguyễn", "Şükrü", "Ali", "Mariam", "Ahmad", "Łukasz", "Olga",
    "Tariq", "Ngozi", "José", "Saadia", "Björn", "Ruqayya", "Yusuf", "Ilhan", "Chidi", "Dmitrĳ"
  };
  private static final String[] LAST = {
    "Mehsud", "Khan", "Haqqani", "Yusufzai", "Durrani", "Ćosić", "Qureshi", "O’Brien", "Afridi",
    "Núñez", "Wazir", "Bangash", "Kakar", "Øvergaard", "Achakzai", "Gandapur", "Bugti", "Rind"
  };
  private static final String[] PLACE = {
    "Kar", "Mir", "Dar", "Zan", "Shah", "Pul", "Gul", "Nur", "Bad", "Tor", "Sar", "Kot", "Wan"
  };
  private static final String[] PLACE_END = {"abad", "pur", "kot", "garh", "istan", "ak", "zai"};
  private static final String[] ADJECTIVE = {
    "Northern",
    "Free",
    "United",
    "Eastern",
    "Islamic",
    "National",
    "People’s",
    "Southern",
    "Democratic",
    "Revolutionary",
    "Tribal",
    "Frontier"
  };
  private static final String[] NOUN = {
    "Ridge", "Valley", "Front", "Movement", "Council", "Alliance", "Brigade", "Union", "League"
  };
  private static final String[] DESCRIPTION = {
    "one of the deadliest in the region’s recent history",
    "described by officials as “a turning point”",
    "under way for several weeks",
    "a largely spent force, according to analysts",
    "the group’s former stronghold",
    "condemned by rights groups",
    "reported by local media",
    "unlikely to be met",
    "seen as a test of the government’s resolve",
    "the first of its kind in a decade"
  };

  private String label(String cls, String article, int i) {
    String kind = words(cls);
    return switch (cls) {
      case "Person" ->
          FIRST[(i + (article == null ? 0 : 7)) % FIRST.length]
              + " "
              + LAST[(i / FIRST.length + i) % LAST.length]
              + (i >= FIRST.length ? " " + roman(i / FIRST.length + 1) : "");
      case "Country", "Region", "City", "Building" ->
          placeName(i) + (cls.equals("Country") ? "" : " " + kind);
      default ->
          article == null
              ? ADJECTIVE[i % ADJECTIVE.length]
                  + " "
                  + NOUN[(i / ADJECTIVE.length) % NOUN.length]
                  + " "
                  + capitalise(kind)
                  + (i >= ADJECTIVE.length * NOUN.length ? " " + (i + 1) : "")
              : capitalise(kind) + " " + (i + 1) + " reported in " + article;
    };
  }

  private static String placeName(int i) {
    String name =
        PLACE[i % PLACE.length] + PLACE_END[(i / PLACE.length) % PLACE_END.length].toLowerCase();
    int round = i / (PLACE.length * PLACE_END.length);
    return round == 0 ? name : name + " " + roman(round + 1);
  }

  private static String roman(int n) {
    String[] r = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
    return n <= r.length ? r[n - 1] : Integer.toString(n);
  }

  private static String words(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private String value(Combo c, int year) {
    String sample = c.sample();
    return switch (c.kind()) {
      case DATE -> {
        int y = year - random.nextInt(15);
        int month = 1 + random.nextInt(12);
        yield switch (sample.length()) {
          case 4 -> Integer.toString(y);
          case 7 -> String.format(Locale.ROOT, "%d-%02d", y, month);
          default -> String.format(Locale.ROOT, "%d-%02d-%02d", y, month, 1 + random.nextInt(28));
        };
      }
      case INTEGER -> Integer.toString(random.nextInt(500));
      case DURATION -> "P" + (1 + random.nextInt(30)) + sample.substring(sample.length() - 1);
      case BOOLEAN -> Boolean.toString(random.nextBoolean());
      case TEXT -> DESCRIPTION[random.nextInt(DESCRIPTION.length)];
    };
  }

  /** A sentence stating the fact in the way its stance calls for; it ends a sentence. */
  private String sentence(
      Combo c, Entity s, Entity o, String value, Entity by, Entity publisher, int n) {
    String what =
        s.label()
            + " "
            + words(c.property())
            + " "
            + (o != null ? o.label() : c.individual() != null ? c.individual() : value);
    // every sentence of an article is different: it says which account of the article it is
    String when =
        n < ORDINAL.length ? " in the " + ORDINAL[n] + " account" : " in account " + (n + 1);
    return switch (c.stance()) {
      case "states" -> capitalise(what) + when + ", " + publisher.label() + "’s reporters found.";
      case "reports" ->
          capitalise(what) + when + ", " + by.label() + " told " + publisher.label() + ".";
      case "claims" -> capitalise(by.label()) + " said" + when + " that “" + what + ".”";
      case "denies" -> capitalise(by.label()) + " denied" + when + " that " + what + ".";
      default ->
          capitalise(by.label()) + " said" + when + " they did not know whether " + what + ".";
    };
  }

  private static final String[] ORDINAL = {
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "latest",
    "morning’s",
    "evening’s",
    "week’s",
    "month’s",
    "year’s"
  };

  private void writeLinks(Path out) throws IOException {
    try (CSVPrinter csv = printer(out.resolve("wikidata-links.csv"))) {
      csv.printRecord(GraphLoader.LINK_COLUMNS);
      List<Entity> linked = new ArrayList<>();
      for (String cls : List.of("Country", "City", "Person", "MilitantGroup")) {
        List<Entity> pool = pools.getOrDefault(cls, List.of());
        for (int i = 0; i < pool.size(); i += 10) {
          if (declared.contains(pool.get(i))) { // only entities some fact uses are declared
            linked.add(pool.get(i));
          }
        }
      }
      linked.sort((a, b) -> a.id().compareTo(b.id()));
      int q = 100_000;
      for (Entity e : linked) {
        String qid = "Q" + q++;
        csv.printRecord(
            e.id(),
            qid,
            e.label(),
            "",
            "",
            "manual",
            "confirmed",
            "2026-11-01",
            "https://www.wikidata.org/wiki/" + qid,
            "synthetic");
      }
    }
  }

  private static CSVPrinter printer(Path file) throws IOException {
    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return new CSVPrinter(w, OUT);
  }
}
