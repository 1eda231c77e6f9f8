package org.w3id.newsgraph.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.util.Span;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Resource;
import org.w3id.newsgraph.load.OntologyIndex;
import org.w3id.newsgraph.load.SourceText;
import org.w3id.newsgraph.model.NG;

/**
 * Drafts the facts of one source from its text: every sentence of the content paragraphs (furniture
 * and repeated captions skipped as the loader skips them), the entities it mentions (known ones by
 * their labels and alternative labels, new ones proposed with a guessed class and id), candidate
 * relations from the {@link Lexicon}'s cues that respect the property's domain and range, who says
 * the sentence, and the dates and numbers it gives. No rule here names an entity: everything comes
 * from the ontology, the lexicon and the project's {@code entities.csv}.
 */
public final class Drafter {
  /**
   * The source to draft.
   *
   * @param id source id
   * @param publisher entity id of the publisher
   * @param published publication date, YYYY, YYYY-MM or YYYY-MM-DD
   * @param text its text (furniture removed by {@link SourceText})
   * @param known the entities of {@code entities.csv}
   * @param skip keys ({@link Draft.Row#key()}) of rows not to propose again (rejected or already
   *     accepted)
   */
  public record Article(
      String id,
      String publisher,
      String published,
      SourceText text,
      List<Draft.Known> known,
      Set<String> skip) {}

  private static final Pattern WORD =
      Pattern.compile("\\p{L}(?:\\.\\p{L})+\\.|[\\p{L}\\p{N}]+(?:[-.][\\p{L}\\p{N}]+)*|'s\\b|\\S");
  private static final Pattern DEATHS =
      Pattern.compile(
          "(?:killing|killed|kills)\\s+(?:at least\\s+|more than\\s+|some\\s+)?(\\d+)"
              + "|(\\d+)\\s+(?:people|persons|civilians|soldiers|policemen|police officers|students"
              + "|children|militants|fighters)\\s+(?:were\\s+|have been\\s+|had been\\s+)?"
              + "(?:killed|dead|died)");
  private static final Set<String> DETERMINERS =
      Set.of("a", "an", "the", "its", "their", "his", "her", "this", "that", "these", "those");
  private static final Set<String> PERSON_PRONOUNS = Set.of("he", "she");
  private static final Pattern RELATIVE = Pattern.compile(" , (?:who|whose|which) [^,]*? , ");
  private static final Pattern DURATION =
      Pattern.compile(
          "\\bfor\\s+(?:about\\s+|some\\s+)?(\\d+|one|two|three|four|five|six|seven|eight|nine|ten"
              + "|eleven|twelve)\\s+(day|week|month|year)s?\\b"
              + "|\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten)-(day|week|month|year)"
              + "(?!s)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final List<String> NUMBERS =
      List.of(
          "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve");
  private static final Pattern SIDES =
      Pattern.compile(
          "\\b(?:the|both) (?:two )?sides\\b.*\\b(?:talks|negotiat\\w*|demands|conditions|cease-?fire|truce)\\b"
              + "|\\b(?:talks|negotiat\\w*)\\b.*\\b(?:the|both) (?:two )?sides\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PREVIOUS_CAPITAL = Pattern.compile("\\p{Lu}[\\p{L}.-]*\\s+$");
  private static final Set<String> COUNTRIES = countries();
  private static final Set<String> CONNECTORS = Set.of("of", "-", "e", "al", "bin", "ul", "ud");

  private final OntologyIndex ontology;
  private final Lexicon lexicon;
  private Nlp nlp;

  /** A drafter with the project's ontology and lexicon. */
  public Drafter(OntologyIndex ontology, Lexicon lexicon) {
    this.ontology = ontology;
    this.lexicon = lexicon.check(ontology);
  }

  /** Drafts one source. */
  public Draft draft(Article article) {
    if (nlp == null) {
      nlp = new Nlp();
    }
    return new Run(article).run();
  }

  /** A mention of an entity in a sentence, at {@code start..end} (characters). */
  private record Mention(int start, int end, String id, String why, String head) {
    Mention(int start, int end, String id, String why) {
      this(start, end, id, why, "");
    }
  }

  /** A word of a sentence's word string; {@code mention} is -1 or the index of a mention. */
  private record Word(String text, int start, int end, int mention) {}

  /** A name of an entity to look for; {@code capital}: it must start with a capital letter. */
  private record Name(
      Pattern pattern, String id, boolean capital, int length, String requires, boolean surname) {}

  /** Who says a sentence. */
  private record Voice(String stance, String by, String why, int speaker) {}

  /** The state of drafting one article. */
  private final class Run {
    private final Article article;
    private final String prefix;
    private final Map<String, String> classOf = new HashMap<>();
    private final Map<String, String> labelOf = new HashMap<>();
    private final Map<String, List<String>> namesOf = new HashMap<>();
    private final Set<String> weak = new java.util.HashSet<>();
    private final Map<String, Boolean> subclass = new HashMap<>();
    private final List<Name> names = new ArrayList<>();
    private final Map<String, Draft.NewEntity> proposed = new LinkedHashMap<>();
    private final List<Draft.Row> rows = new ArrayList<>();
    private final Set<String> emitted = new LinkedHashSet<>();
    private String lastYear;
    private String lastPerson;
    private final List<String> organizations = new ArrayList<>();
    private String lastGovernment;
    private List<String> lastSides = List.of();
    private String lastSource;
    private final Map<String, String> lastEventOfClass = new HashMap<>();
    private Map<String, String> demonyms;
    private int demonymsOf;
    private final Map<String, Integer> named = new HashMap<>();

    Run(Article article) {
      this.article = article;
      String month = article.published().length() >= 7 ? article.published().substring(0, 7) : "";
      this.prefix =
          Ids.slug(article.publisher() + "-" + (month.isEmpty() ? article.published() : month));
      for (Draft.Known k : article.known()) {
        classOf.put(k.id(), k.clazz());
        labelOf.put(k.id(), k.label());
        List<String> all = new ArrayList<>();
        all.add(k.label().replaceAll("\\s*\\([^)]*\\)\\s*$", ""));
        all.addAll(k.altLabels());
        for (String name : all) {
          // "Serena Hotel in Quetta" is "Serena Hotel" in a sentence that also names Quetta, so
          // that the place stays a mention of its own
          Matcher in = Pattern.compile("^(.+?) in (\\p{Lu}.+)$").matcher(name);
          if (in.matches()) {
            addName(in.group(1), k.id(), normalize(in.group(2)).toLowerCase(Locale.ROOT), false);
          } else {
            addName(name, k.id());
          }
        }
      }
    }

    private void addName(String name, String id) {
      addName(name, id, null, false);
    }

    /**
     * A name to look for; {@code requires}: only in a sentence that also has this text (lower
     * case); {@code surname}: not right after another capitalised word.
     */
    private void addName(String name, String id, String requires, boolean surname) {
      namesOf.computeIfAbsent(id, k -> new ArrayList<>()).add(name.strip());
      String n = normalize(name.strip());
      if (n.length() < 2) {
        return;
      }
      String body = n.toLowerCase(Locale.ROOT).startsWith("the ") ? n.substring(4) : n;
      Pattern p =
          Pattern.compile(
              "(?<![\\p{L}\\p{N}])(?:(?:the|a|an)\\s+)?"
                  + Pattern.quote(body)
                  + "(?![\\p{L}\\p{N}])",
              Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      boolean capital = Character.isUpperCase(body.codePointAt(0));
      names.add(new Name(p, id, capital, body.length(), requires, surname));
    }

    Draft run() {
      for (String paragraph : article.text().paragraphs()) {
        for (String sentence : sentences(paragraph.strip())) {
          sentence(sentence);
        }
      }
      return new Draft(List.copyOf(rows), List.copyOf(proposed.values()));
    }

    /**
     * OpenNLP's sentences, joined where the loader would not take one as a whole sentence (a
     * sentence must end with . ? or ! maybe followed by closing quotes).
     */
    private List<String> sentences(String paragraph) {
      List<String> out = new ArrayList<>();
      int start = -1;
      for (Span s : nlp.sentences(paragraph)) {
        if (start < 0) {
          start = s.getStart();
        }
        String candidate = paragraph.substring(start, s.getEnd());
        if (isWhole(paragraph, start, s.getEnd())) {
          out.add(candidate);
          start = -1;
        }
      }
      if (start >= 0) {
        String rest = paragraph.substring(start).strip();
        if (!rest.isEmpty()
            && article.text().find(rest).map(SourceText.Match::wholeSentence).orElse(false)) {
          out.add(rest);
        }
      }
      return out;
    }

    private boolean isWhole(String paragraph, int start, int end) {
      String s = paragraph.substring(start, end);
      return s.matches("(?s).*[.?!][\"\u201d\u2019')]*")
          && (end == paragraph.length() || Character.isWhitespace(paragraph.charAt(end)));
    }

    // ---- one sentence

    private void sentence(String sentence) {
      String norm = normalize(sentence);
      List<Dates.Found> dates = Dates.find(sentence, article.published(), lastYear);
      List<Mention> mentions = known(norm);
      for (int k = 0; k < mentions.size(); k++) {
        Mention m = mentions.get(k);
        if (lastSource != null
            && !m.id().equals(lastSource)
            && is(classOf.get(m.id()), NG.AnonymousSource)
            && norm.regionMatches(true, m.start(), "the source", 0, 10)) {
          mentions.set(
              k,
              new Mention(
                  m.start(),
                  m.end(),
                  lastSource,
                  "'"
                      + norm.substring(m.start(), m.end())
                      + "': the unnamed sources named before ("
                      + lastSource
                      + ")"));
        }
      }
      Span[] spans = nlp.tokens(sentence);
      String[] tokens = new String[spans.length];
      for (int i = 0; i < spans.length; i++) {
        tokens[i] = norm.substring(spans[i].getStart(), spans[i].getEnd());
      }
      String[] tags = nlp.tags(tokens);
      List<Draft.Row> local = new ArrayList<>();
      events(sentence, spans, tokens, tags, dates, mentions, local);
      sources(spans, tokens, tags, mentions);
      groups(spans, tokens, tags, mentions, local, sentence);
      properNames(sentence, spans, tokens, tags, mentions);
      phrases(sentence, spans, tokens, tags, mentions);
      pronouns(spans, tokens, tags, mentions);
      verbEvents(sentence, spans, tokens, dates, mentions, local);
      mentions.sort(Comparator.comparingInt(Mention::start));
      List<Word> words = words(norm, mentions);
      String string = wordString(words);

      List<Voice> voices = voices(string, mentions);
      statements(sentence, words, mentions, dates, local);
      inner(sentence, mentions, local);
      descriptions(sentence, spans, tags, words, mentions, local);
      relations(string, mentions, words, voices, local, sentence);
      // the same without relative clauses: "X, who seized power in August, has links with Y"
      String main = RELATIVE.matcher(string).replaceAll(" ");
      if (!main.equals(string)) {
        relations(main, mentions, words, voices, local, sentence);
      }
      sides(norm, voices, local, sentence);
      datesAndNumbers(sentence, dates, mentions, local);
      for (Draft.Row r : local) {
        add(r);
      }
      for (Mention m : mentions) {
        named.merge(m.id(), 1, Integer::sum);
      }
      for (Mention m : mentions) {
        String c = classOf.get(m.id());
        if (is(c, NG.AnonymousSource)) {
          lastSource = m.id();
        }
        if (is(c, NG.Person)) {
          lastPerson = m.id();
        } else if (is(c, NG.Organization) && !is(c, NG.MediaOrganization)) {
          organizations.remove(m.id());
          organizations.add(m.id());
        }
        if (is(c, NG.GovernmentBody)) {
          lastGovernment = m.id();
        }
      }
      for (Dates.Found d : dates) {
        lastYear = d.value().substring(0, 4);
      }
    }

    private void add(Draft.Row r) {
      String key = r.key() + "\u0001" + r.stance() + "\u0001" + r.by();
      if (article.skip().contains(r.key()) || !emitted.add(key)) {
        return;
      }
      rows.add(r);
    }

    /** Known and already proposed entities, longest name first, not overlapping. */
    private List<Mention> known(String norm) {
      return known(norm, null);
    }

    /** The same, leaving out the names of entity {@code except}. */
    private List<Mention> known(String norm, String except) {
      List<Mention> all = new ArrayList<>();
      for (Name n : names) {
        if (n.id().equals(except)) {
          continue;
        }
        Matcher m = n.pattern().matcher(norm);
        if (n.requires() != null && !norm.toLowerCase(Locale.ROOT).contains(n.requires())) {
          continue;
        }
        while (m.find()) {
          int bodyStart = m.end() - n.length();
          if (n.capital() && !Character.isUpperCase(norm.codePointAt(bodyStart))) {
            continue;
          }
          if (n.surname() && PREVIOUS_CAPITAL.matcher(norm.substring(0, m.start())).find()) {
            continue;
          }
          all.add(
              new Mention(
                  m.start(),
                  m.end(),
                  n.id(),
                  "'" + norm.substring(m.start(), m.end()) + "' names " + n.id()));
        }
      }
      all.sort(
          Comparator.comparingInt((Mention m) -> m.start() - m.end())
              .thenComparingInt(Mention::start));
      List<Mention> chosen = new ArrayList<>();
      for (Mention m : all) {
        if (free(chosen, m.start(), m.end())) {
          chosen.add(m);
        }
      }
      return chosen;
    }

    // ---- events

    private void events(
        String sentence,
        Span[] spans,
        String[] tokens,
        String[] tags,
        List<Dates.Found> dates,
        List<Mention> mentions,
        List<Draft.Row> local) {
      for (int i = 0; i < tokens.length; i++) {
        String word = stripPossessive(tokens[i]).toLowerCase(Locale.ROOT);
        int last = i;
        String clazz = null;
        if (word.endsWith("-") && i + 1 < tokens.length) {
          word = word + tokens[i + 1].toLowerCase(Locale.ROOT);
          last = i + 1;
          clazz = lexicon.classFor(word, "event");
        } else if (i + 1 < tokens.length) {
          clazz = lexicon.classFor(word + " " + tokens[i + 1].toLowerCase(Locale.ROOT), "event");
          if (clazz != null) {
            last = i + 1;
          }
        }
        if (clazz == null) {
          clazz = lexicon.classFor(word, "event");
        }
        if (clazz == null || !free(mentions, spans[i].getStart(), spans[last].getEnd())) {
          continue;
        }
        // the noun phrase: back over modifiers to a determiner, pronoun or verb
        int first = i;
        boolean secret = false;
        while (first > 0
            && (Set.of("ADJ", "NUM", "PROPN", "NOUN").contains(tags[first - 1])
                || tokens[first - 1].equals("-"))
            && free(mentions, spans[first - 1].getStart(), spans[first - 1].getEnd())) {
          secret |= tokens[first - 1].equalsIgnoreCase("secret");
          first--;
        }
        int modifiers = first; // "A massive Pakistani Army offensive": past a name used as modifier
        while (modifiers > 0
            && (Set.of("ADJ", "NUM", "PROPN", "NOUN").contains(tags[modifiers - 1])
                || tokens[modifiers - 1].equals("-")
                || !free(mentions, spans[modifiers - 1].getStart(), spans[modifiers - 1].getEnd()))
            && !DETERMINERS.contains(tokens[modifiers - 1].toLowerCase(Locale.ROOT))) {
          modifiers--;
        }
        String before = modifiers > 0 ? tags[modifiers - 1] : "";
        boolean definite =
            modifiers > 0 && DETERMINERS.contains(tokens[modifiers - 1].toLowerCase(Locale.ROOT));
        if (!definite && !Set.of("VERB", "AUX", "ADP").contains(before)) {
          continue;
        }
        int start = spans[first].getStart();
        int end = spans[last].getEnd();
        Dates.Found date = nearest(dates, start, end, 25);
        String id =
            existingEvent(
                clazz,
                date != null ? date : nearest(dates, start, end, 10_000),
                date != null,
                mentions,
                contentWords(sentence));
        String why;
        if (id != null) {
          why = "'" + sentence.substring(start, end) + "' is the known event " + id;
        } else if (tokens[modifiers - 1].equalsIgnoreCase("the")
            && date == null
            && lastEventOfClass.containsKey(clazz)) {
          id = lastEventOfClass.get(clazz);
          why =
              "'"
                  + sentence.substring(start, end)
                  + "': the "
                  + word
                  + " named before ("
                  + id
                  + ")";
        } else {
          String place = firstOfClass(mentions, NG.Place);
          String agent = firstOfClass(mentions, NG.Agent);
          String when = date != null ? date.value() : article.published().substring(0, 4);
          String about = place != null ? place : agent;
          id = Ids.slug(word + "-" + when + (about == null ? "" : "-" + about));
          String label =
              sentence.substring(start, end)
                  + (about == null ? "" : " (" + labelOf.getOrDefault(about, about) + ")")
                  + " ("
                  + when
                  + ")";
          id =
              propose(
                  id,
                  clazz,
                  capitalise(label),
                  "event noun '"
                      + word
                      + "' ("
                      + clazz
                      + ")"
                      + (date == null ? "" : " with a date"),
                  false);
          why = "new event: '" + sentence.substring(start, end) + "'";
        }
        lastEventOfClass.put(clazz, id);
        mentions.add(new Mention(start, end, id, why, word));
        if (secret) {
          local.add(
              row(
                  id,
                  "secret",
                  "",
                  "true",
                  "states",
                  article.publisher(),
                  sentence,
                  0.6,
                  "'secret' before the event noun"));
        }
      }
    }

    /**
     * A verb phrase that is an event ("X seized power in August", lexicon cues at {@code verb}):
     * the event, with the agent named right before as its participant.
     */
    private void verbEvents(
        String sentence,
        Span[] spans,
        String[] tokens,
        List<Dates.Found> dates,
        List<Mention> mentions,
        List<Draft.Row> local) {
      for (int i = 0; i < tokens.length; i++) {
        String clazz = null;
        int last = i;
        for (int len = 3; len >= 1 && clazz == null; len--) {
          if (i + len <= tokens.length) {
            String cue =
                String.join(" ", List.of(tokens).subList(i, i + len)).toLowerCase(Locale.ROOT);
            clazz = lexicon.classFor(cue, "verb");
            last = i + len - 1;
          }
        }
        if (clazz == null
            || ontology.clazz(clazz).isEmpty()
            || !free(mentions, spans[i].getStart(), spans[last].getEnd())) {
          continue;
        }
        int start = spans[i].getStart();
        int end = spans[last].getEnd();
        Mention agent = null;
        for (Mention m : mentions) {
          if (m.end() <= start
              && is(classOf.get(m.id()), NG.Agent)
              && !is(classOf.get(m.id()), NG.AnonymousSource)
              && (agent == null || m.end() > agent.end())) {
            agent = m;
          }
        }
        Dates.Found date = nearest(dates, start, end, 40);
        String id = existingEvent(clazz, date, date != null, mentions);
        String phrase = sentence.substring(start, end);
        String why;
        if (id == null) {
          String when = date != null ? date.value() : article.published().substring(0, 4);
          String who = agent == null ? "" : labelOf.getOrDefault(agent.id(), agent.id());
          id =
              propose(
                  Ids.slug(
                      clazz.replaceAll("(\\p{Ll})(\\p{Lu})", "$1-$2")
                          + "-"
                          + when
                          + (agent == null ? "" : "-" + agent.id())),
                  clazz,
                  capitalise((who.isEmpty() ? "" : who + " ") + phrase + " (" + when + ")"),
                  "the verb phrase '" + phrase + "' (" + clazz + ")",
                  false);
          why = "new event: '" + phrase + "'";
        } else {
          why = "'" + phrase + "' is the known event " + id;
        }
        mentions.add(new Mention(start, end, id, why));
        if (agent != null) {
          local.add(
              row(
                  id,
                  "participant",
                  agent.id(),
                  "",
                  "states",
                  article.publisher(),
                  sentence,
                  0.5,
                  "the agent before '" + phrase + "': " + agent.why()));
        }
      }
    }

    /** The words of a text longer than three letters, each also with or without a plural s. */
    private static Set<String> contentWords(String text) {
      Set<String> out = new LinkedHashSet<>();
      for (String w :
          normalize(text)
              .replace("'s ", " ")
              .replace("'", "")
              .replace("-", "")
              .toLowerCase(Locale.ROOT)
              .split("[^\\p{L}\\p{N}]+")) {
        if (w.length() > 3) {
          out.add(w);
          out.add(w.endsWith("s") ? w.substring(0, w.length() - 1) : w + "s");
        }
      }
      return out;
    }

    /** A known event of a compatible class that the sentence's date and names point to. */
    private String existingEvent(
        String clazz, Dates.Found date, boolean near, List<Mention> mentions) {
      return existingEvent(clazz, date, near, mentions, null);
    }

    /**
     * A known event of a compatible class that the sentence's date and names point to; {@code
     * extra}: more words its id may share (the words of what a statement says), and then an event
     * of exactly the class counts more than one of a subclass.
     */
    private String existingEvent(
        String clazz, Dates.Found date, boolean near, List<Mention> mentions, Set<String> extra) {
      Set<String> words = new LinkedHashSet<>();
      if (extra != null) {
        words.addAll(extra);
      }
      for (Mention m : mentions) {
        words.addAll(List.of(m.id().split("-")));
      }
      List<String> best = new ArrayList<>();
      int bestScore = 0;
      for (Map.Entry<String, String> e : classOf.entrySet()) {
        if (!(is(e.getValue(), clazz) || is(clazz, e.getValue())) || !is(e.getValue(), NG.Event)) {
          continue;
        }
        String id = e.getKey();
        int score = 0;
        if (date != null && id.contains(date.value())) {
          score += near ? 3 : 2;
        } else if (date != null
            && date.value().length() > 7
            && id.contains(date.value().substring(0, 7))) {
          score += 2;
        } else if (date != null && id.contains(date.value().substring(0, 4))) {
          score += 1;
        } else if (date != null && near) {
          score -= 2;
        }
        for (String w : id.split("-")) {
          if (w.length() > 2 && !w.matches("\\d+") && words.contains(w)) {
            score++;
          }
        }
        if (id.contains(article.published().substring(0, 4))) {
          score++;
        }
        if (extra != null && e.getValue().equals(clazz)) {
          score += 2;
        }
        if (score > bestScore) {
          best.clear();
          bestScore = score;
        }
        if (score == bestScore) {
          best.add(id);
        }
      }
      if (bestScore < 3 || best.isEmpty()) {
        return null;
      }
      // equal evidence: the one the text has named more often so far, if there is one
      best.sort(Comparator.comparingInt((String id) -> -named.getOrDefault(id, 0)));
      return best.size() == 1
              || named.getOrDefault(best.get(0), 0) > named.getOrDefault(best.get(1), 0)
          ? best.get(0)
          : null;
    }

    // ---- anonymous sources and groups of people

    private void sources(Span[] spans, String[] tokens, String[] tags, List<Mention> mentions) {
      for (int i = 0; i < tokens.length; i++) {
        String w = tokens[i].toLowerCase(Locale.ROOT);
        if (lexicon.classFor(w, "source") == null
            || !free(mentions, spans[i].getStart(), spans[i].getEnd())) {
          continue;
        }
        if (lexicon.classFor(w, "people") != null
            && i > 0
            && Set.of("ADJ", "NOUN", "PROPN").contains(tags[i - 1])) {
          continue; // "military officials": a group of people, not an unnamed source
        }
        int first = i;
        while (first > 0
            && Set.of("a", "the", "one", "of", "two", "several", "some", "many", "other")
                .contains(tokens[first - 1].toLowerCase(Locale.ROOT))) {
          first--;
        }
        int last = i;
        if (i + 1 < tokens.length
            && Set.of("with", "familiar", "close", "in", "inside", "within")
                .contains(tokens[i + 1].toLowerCase(Locale.ROOT))) {
          last = i + 1;
          while (last + 1 < tokens.length
              && !Set.of(",", ".", "said", "told", "added", "say", "says", "that", "\"")
                  .contains(tokens[last + 1].toLowerCase(Locale.ROOT))) {
            last++;
          }
        }
        String qualifier =
            last > i ? " " + String.join(" ", List.of(tokens).subList(i + 1, last + 1)) : "";
        String label =
            (qualifier.isEmpty()
                ? (w.equals("source") ? "sources" : w)
                : tokens[i].toLowerCase(Locale.ROOT) + qualifier);
        String id = Ids.slug(prefix + "-" + label);
        id = propose(id, lexicon.classFor(w, "source"), label, "unnamed source: '" + w + "'", true);
        mentions.add(
            new Mention(spans[first].getStart(), spans[last].getEnd(), id, "unnamed source " + id));
      }
    }

    private void groups(
        Span[] spans,
        String[] tokens,
        String[] tags,
        List<Mention> mentions,
        List<Draft.Row> local,
        String sentence) {
      for (int i = 1; i < tokens.length; i++) {
        String w = tokens[i].toLowerCase(Locale.ROOT);
        String clazz = lexicon.classFor(w, "people");
        if (clazz == null || !free(mentions, spans[i].getStart(), spans[i].getEnd())) {
          continue;
        }
        int start = -1;
        String member = null;
        Mention before = mentionEndingAt(mentions, spans[i - 1].getEnd());
        int first = i;
        while (first > 0
            && Set.of("ADJ", "PROPN", "NOUN").contains(tags[first - 1])
            && free(mentions, spans[first - 1].getStart(), spans[first - 1].getEnd())) {
          first--;
        }
        if (first < i) {
          start = spans[first].getStart();
          before = mentionEndingAt(mentions, start - 1);
        }
        if (before != null && !is(classOf.get(before.id()), NG.Person)) {
          if (is(classOf.get(before.id()), NG.Organization)) {
            member = before.id();
          }
          mentions.remove(before);
          start = before.start();
        }
        int end = spans[i].getEnd();
        if (i + 1 < tokens.length && tokens[i + 1].equalsIgnoreCase("of")) {
          for (Mention m : mentions) {
            int gap = m.start() - spans[i + 1].getEnd();
            if (gap >= 0 && gap <= 1 && is(classOf.get(m.id()), NG.Organization)) {
              end = m.end();
              mentions.remove(m);
              if (start < 0) {
                start = spans[i].getStart();
              }
              break;
            }
          }
        }
        if (start < 0) {
          continue;
        }
        if (sentence.regionMatches(true, start, "the ", 0, 4)) {
          start += 4;
        }
        String label = sentence.substring(start, end);
        String id =
            propose(
                Ids.slug(prefix + "-" + label), clazz, label, "'" + w + "' with a modifier", true);
        mentions.add(new Mention(start, end, id, "group of people '" + label + "'"));
        if (member != null) {
          local.add(
              row(
                  id,
                  "memberOf",
                  member,
                  "",
                  "states",
                  article.publisher(),
                  sentence,
                  0.6,
                  "'" + label + "' names the organisation " + member));
        }
      }
    }

    // ---- new proper names

    private void properNames(
        String sentence, Span[] spans, String[] tokens, String[] tags, List<Mention> mentions) {
      int i = 0;
      while (i < tokens.length) {
        if (!nameToken(tokens, tags, i)
            || !free(mentions, spans[i].getStart(), spans[i].getEnd())) {
          i++;
          continue;
        }
        int j = i;
        while (j + 1 < tokens.length
            && free(mentions, spans[j + 1].getStart(), spans[j + 1].getEnd())
            && !possessive(tokens[j])
            && (nameToken(tokens, tags, j + 1)
                || (CONNECTORS.contains(tokens[j + 1].toLowerCase(Locale.ROOT))
                    && j + 2 < tokens.length
                    && nameToken(tokens, tags, j + 2)))) {
          j++;
        }
        propose(sentence, spans, tokens, tags, mentions, i, j);
        i = j + 1;
      }
    }

    /**
     * Names made of a name and common words: "Pakistan's ambassador to Kabul" and "the TTP's
     * spokesperson" (a position), "Pakistan's tribal region" and "Pakistani security forces" (the
     * class of the head word), "northwestern Pakistan" (a region of a place).
     */
    private void phrases(
        String sentence, Span[] spans, String[] tokens, String[] tags, List<Mention> mentions) {
      for (int i = 0; i < tokens.length; i++) {
        String w = tokens[i].toLowerCase(Locale.ROOT);
        // a part of a place: "northwestern Pakistan"
        String part = lexicon.classFor(w, "part");
        if (part != null
            && i + 1 < tokens.length
            && Character.isLowerCase(tokens[i].codePointAt(0))) {
          Mention place = mentionStartingAt(mentions, spans[i + 1].getStart());
          if (place != null
              && is(classOf.get(place.id()), NG.Place)
              && free(mentions, spans[i].getStart(), spans[i].getEnd())) {
            proposePhrase(
                sentence,
                mentions,
                spans[i].getStart(),
                place.end(),
                part,
                "'" + w + "' before a place");
          }
          continue;
        }
        // a name or proper adjective, then common words up to a head or title word
        Mention owner = null;
        int from;
        if (possessive(tokens[i])) {
          int nameEnd = tokens[i].equals("'s") ? spans[i].getStart() : spans[i].getEnd() - 2;
          for (Mention m : mentions) {
            if (m.end() == nameEnd && !is(classOf.get(m.id()), NG.Event)) {
              owner = m;
            }
          }
          if (owner == null) {
            continue;
          }
          from = i + 1;
        } else if (Set.of("ADJ", "PROPN").contains(tags[i])
            && Character.isUpperCase(tokens[i].codePointAt(0))
            && free(mentions, spans[i].getStart(), spans[i].getEnd())
            && demonyms().containsKey(w)) {
          from = i + 1;
        } else {
          continue;
        }
        int j = from;
        String clazz = null;
        while (j < tokens.length && j < from + 4) {
          String t = tokens[j].toLowerCase(Locale.ROOT);
          if (!Character.isLowerCase(tokens[j].codePointAt(0))
              || !free(mentions, spans[j].getStart(), spans[j].getEnd())) {
            break;
          }
          String title = lexicon.classFor(t, "before");
          String head = lexicon.classFor(t, "head");
          if ("Person".equals(title) && ontology.clazz(NG.Position).isPresent()) {
            clazz = "Position";
          } else if (head != null && !is(head, NG.Building)) {
            clazz = head;
          }
          if (clazz != null
              && (j + 1 == tokens.length
                  || lexicon.classFor(tokens[j + 1].toLowerCase(Locale.ROOT), "head") == null)) {
            break;
          }
          clazz = null;
          if (!Set.of("ADJ", "NOUN").contains(tags[j])) {
            break;
          }
          j++;
        }
        if (clazz == null) {
          continue;
        }
        int start = owner != null ? owner.start() : spans[i].getStart();
        int end = spans[j].getEnd();
        // "ambassador to Kabul"
        if (clazz.equals("Position") && j + 2 < tokens.length && tokens[j + 1].equals("to")) {
          Mention to = mentionStartingAt(mentions, spans[j + 2].getStart());
          if (to != null && is(classOf.get(to.id()), NG.Place)) {
            end = to.end();
          }
        }
        proposePhrase(
            sentence, mentions, start, end, clazz, "a name with the word '" + tokens[j] + "'");
        i = j;
      }
    }

    /**
     * Proposes {@code sentence[start, end)} (less a leading "the") as a name, over the mentions
     * inside it.
     */
    private void proposePhrase(
        String sentence, List<Mention> mentions, int start, int end, String clazz, String why) {
      if (sentence.regionMatches(true, start, "the ", 0, 4)) {
        start += 4;
      }
      String label = sentence.substring(start, end);
      for (Mention m : List.copyOf(mentions)) {
        if (m.start() < end && start < m.end() && (m.start() < start - 4 || m.end() > end)) {
          return; // it would cut a name in two
        }
      }
      final int s0 = start;
      mentions.removeIf(m -> m.start() >= s0 - 4 && m.end() <= end);
      String id = propose(Ids.slug(normalize(label).replace("'s ", " ")), clazz, label, why, false);
      mentions.add(
          new Mention(start, end, id, "new name '" + label + "' (" + clazz + ", " + why + ")"));
    }

    private Mention mentionStartingAt(List<Mention> mentions, int start) {
      for (Mention m : mentions) {
        if (m.start() <= start && start < m.end() && start - m.start() <= 4) {
          return m;
        }
      }
      return null;
    }

    private boolean nameToken(String[] tokens, String[] tags, int i) {
      String t = tokens[i];
      if (t.isEmpty()
          || !Character.isUpperCase(t.codePointAt(0))
          || Dates.isMonth(stripPossessive(t))) {
        return false;
      }
      if (tags[i].startsWith("PROPN")) {
        return true;
      }
      boolean beforeName =
          i + 1 < tokens.length
              && (tags[i + 1].startsWith("PROPN")
                  || CONNECTORS.contains(tokens[i + 1].toLowerCase(Locale.ROOT)));
      if (tags[i].equals("ADJ")) {
        return beforeName; // "Pakistani Army", not "Pakistani" alone
      }
      return (tags[i].equals("NOUN") || tags[i].equals("X"))
          && (i > 0 || beforeName || t.endsWith("-"));
    }

    private void propose(
        String sentence,
        Span[] spans,
        String[] tokens,
        String[] tags,
        List<Mention> mentions,
        int first,
        int last) {
      // a title before the name: "Interior Minister X" is a position and a person
      int titleEnd = -1;
      for (int k = first; k < last; k++) {
        if ("Person".equals(lexicon.classFor(tokens[k], "before"))) {
          titleEnd = k;
        }
      }
      if (titleEnd >= 0) {
        int start = spans[first].getStart();
        // "the Taliban's Interior Minister": the owner belongs to the title
        Mention owner = null;
        for (Mention m : mentions) {
          if (m.end() < start
              && start - m.end() <= 3
              && sentence.substring(m.end(), start).strip().matches("['\u2019]s")) {
            owner = m;
          }
        }
        if (owner != null) {
          start = owner.start();
          mentions.remove(owner);
        } else if (first > 0
            && possessive(tokens[first - 1])
            && nameToken(tokens, tags, first - 1)) {
          start = spans[first - 1].getStart();
        } else if (first > 0 // "Pakistani Prime Minister X": the adjective belongs to the title
            && tags[first - 1].equals("ADJ")
            && Character.isUpperCase(tokens[first - 1].codePointAt(0))
            && free(mentions, spans[first - 1].getStart(), spans[first - 1].getEnd())) {
          start = spans[first - 1].getStart();
        }
        if (sentence.regionMatches(true, start, "the ", 0, 4)) {
          start += 4;
        }
        int end = spans[titleEnd].getEnd();
        String title = sentence.substring(start, end);
        String id = propose(Ids.slug(title), "Position", title, "a title before a name", false);
        mentions.add(new Mention(start, end, id, "title '" + title + "'"));
        proposeName(
            sentence,
            spans,
            tokens,
            tags,
            mentions,
            titleEnd + 1,
            last,
            "Person",
            "after the title '" + title + "'",
            false);
        return;
      }
      if (first == last && lexicon.classFor(tokens[first], "before") != null) {
        return; // a title alone ("Minister") is not a name
      }
      String clazz = null;
      String why = null;
      int end = last;
      // a head noun after the name, maybe past an acronym in brackets and adjectives:
      // "the X group", "X province", "X (XYZ) extremist group", "X tribal region"
      int k = last + 1;
      if (k + 2 < tokens.length && tokens[k].equals("(") && tokens[k + 2].equals(")")) {
        k += 3;
      }
      for (int look = k; look < Math.min(tokens.length, k + 3); look++) {
        String head = lexicon.classFor(tokens[look], "head");
        if (head != null && free(mentions, spans[look].getStart(), spans[look].getEnd())) {
          if (look + 1 < tokens.length && tokens[look + 1].equalsIgnoreCase("of")) {
            return; // "the Gulf state of X" describes X; it is not a name
          }
          clazz = head;
          if (look == last + 1) {
            end = look;
          }
          why = "head word '" + tokens[look] + "'";
          break;
        }
        if (!Set.of("ADJ", "NOUN").contains(tags[look])
            || Character.isUpperCase(tokens[look].codePointAt(0))) {
          break;
        }
      }
      if (clazz == null) {
        String head = lexicon.classFor(stripPossessive(tokens[last]), "head");
        if (head != null && last > first) {
          clazz = head;
          why = "head word '" + tokens[last] + "'";
        }
      }
      if (clazz == null) {
        String f = lexicon.classFor(tokens[first], "first");
        if (f != null && last > first) {
          clazz = f;
          why = "first word '" + tokens[first] + "'";
        }
      }
      String label0 = sentence.substring(spans[first].getStart(), spans[last].getEnd());
      if (clazz == null
          && COUNTRIES.contains(stripPossessive(label0).toLowerCase(Locale.ROOT))
          && ontology.clazz(NG.Country).isPresent()) {
        clazz = "Country";
        why = "the name of a country";
      }
      if (clazz == null && first > 1 && tokens[first - 1].equalsIgnoreCase("of")) {
        String head = lexicon.classFor(tokens[first - 2], "head"); // "the city of X"
        if (head != null) {
          clazz = head;
          why = "'" + tokens[first - 2] + " of' before it";
        }
      }
      if (clazz == null && first > 0) {
        String prev = tokens[first - 1];
        String b = lexicon.classFor(prev, "before");
        if (b == null && first > 1) {
          b = lexicon.classFor(tokens[first - 2] + " " + prev, "before");
        }
        if (b != null) {
          clazz = b;
          why = "'" + prev + "' before it";
        }
      }
      boolean weakGuess = false;
      if (clazz == null) {
        weakGuess = true;
        String text = stripPossessive(tokens[first]);
        if (first == last && text.length() > 1 && text.equals(text.toUpperCase(Locale.ROOT))) {
          clazz = "Organization";
          why = "an acronym";
        } else if (last > first) {
          clazz = "Person";
          why = "a name of several capitalised words (class uncertain)";
        } else if (tags[first].startsWith("PROPN")) {
          clazz = "Organization";
          why = "a single proper noun (class uncertain)";
        } else {
          return;
        }
      }
      proposeName(sentence, spans, tokens, tags, mentions, first, end, clazz, why, weakGuess);
    }

    private void proposeName(
        String sentence,
        Span[] spans,
        String[] tokens,
        String[] tags,
        List<Mention> mentions,
        int first,
        int last,
        String clazz,
        String why,
        boolean weakGuess) {
      if (first > last) {
        return;
      }
      int start = spans[first].getStart();
      int end = spans[last].getEnd();
      String label = sentence.substring(start, end);
      if (possessive(tokens[last])) {
        label = label.replaceAll("['\u2019]s$", "");
        end = start + label.length();
      }
      if (label.length() < 2) {
        return;
      }
      if (ontology.clazz(clazz).isEmpty()) {
        return;
      }
      String id = propose(Ids.slug(label), clazz, label, why, false, weakGuess);
      if (first > 0
          && Set.of("the", "a", "an").contains(tokens[first - 1].toLowerCase(Locale.ROOT))
          && free(mentions, spans[first - 1].getStart(), spans[first - 1].getEnd())) {
        start = spans[first - 1].getStart();
      }
      mentions.add(
          new Mention(start, end, id, "new name '" + label + "' (" + clazz + ", " + why + ")"));
      // an acronym in brackets right after is another name of it
      if (last + 3 < tokens.length
          && tokens[last + 1].equals("(")
          && tokens[last + 3].equals(")")
          && tokens[last + 2].equals(tokens[last + 2].toUpperCase(Locale.ROOT))) {
        addName(tokens[last + 2], id);
        if (free(mentions, spans[last + 2].getStart(), spans[last + 2].getEnd())) {
          mentions.add(
              new Mention(
                  spans[last + 2].getStart(),
                  spans[last + 2].getEnd(),
                  id,
                  "'" + tokens[last + 2] + "' in brackets after '" + label + "'"));
        }
      }
      if (clazz.equals("Person") && !weakGuess && last > first) {
        addName(stripPossessive(tokens[last]), id, null, true); // "Khan" for "Imran Khan"
      }
    }

    private void pronouns(Span[] spans, String[] tokens, String[] tags, List<Mention> mentions) {
      for (int i = 0; i < tokens.length; i++) {
        String w = tokens[i].toLowerCase(Locale.ROOT);
        String id = null;
        int end = spans[i].getEnd();
        if (PERSON_PRONOUNS.contains(w)) {
          id = lastPersonIn(mentions, spans[i].getStart());
        } else if (w.equals("the")
            && i + 1 < tokens.length
            && tokens[i + 1].equalsIgnoreCase("government")
            && (i + 2 == tokens.length || !tokens[i + 2].equalsIgnoreCase("of"))) {
          id = lastGovernment;
          end = spans[i + 1].getEnd();
        } else if (w.equals("the") && i + 1 < tokens.length) {
          // "the group", "the militant group's", "the brigade": the organisation named last
          int last = i + 1;
          if (i + 2 < tokens.length && tags[i + 1].equals("ADJ")) {
            last = i + 2;
          }
          String noun = stripPossessive(tokens[last]).toLowerCase(Locale.ROOT);
          String head = lexicon.classFor(noun, "head");
          if (head != null
              && is(head, NG.Organization)
              && !is(head, NG.GovernmentBody)
              && Character.isLowerCase(tokens[last].codePointAt(0))
              && (last + 1 == tokens.length || !tokens[last + 1].equalsIgnoreCase("of"))) {
            id = lastOrganizationIn(mentions, spans[i].getStart(), head);
            end = spans[last].getStart() + noun.length();
          }
        }
        if (id != null && free(mentions, spans[i].getStart(), end)) {
          mentions.add(
              new Mention(spans[i].getStart(), end, id, "'" + tokens[i] + "…' refers to " + id));
        }
      }
    }

    /**
     * The organisation named last before {@code before} (in the sentence, else before it) whose
     * class fits {@code head}, the class of the noun that refers to it ("the party" a party).
     */
    private String lastOrganizationIn(List<Mention> mentions, int before, String head) {
      String id = null;
      int at = -1;
      for (Mention m : mentions) {
        String c = classOf.get(m.id());
        if (m.end() <= before
            && m.start() > at
            && is(c, NG.Organization)
            && !is(c, NG.MediaOrganization)
            && fitsHead(c, head)) {
          id = m.id();
          at = m.start();
        }
      }
      for (int k = organizations.size() - 1; id == null && k >= 0; k--) {
        if (fitsHead(classOf.get(organizations.get(k)), head)) {
          id = organizations.get(k);
        }
      }
      return id;
    }

    private boolean fitsHead(String clazz, String head) {
      return is(clazz, head) || is(head, clazz);
    }

    private String lastPersonIn(List<Mention> mentions, int before) {
      String id = null;
      int at = -1;
      for (Mention m : mentions) {
        if (m.end() <= before && m.start() > at && is(classOf.get(m.id()), NG.Person)) {
          id = m.id();
          at = m.start();
        }
      }
      return id != null ? id : lastPerson;
    }

    /** Proposes a new entity (or finds it proposed already); returns its id. */
    private String propose(String id, String clazz, String label, String why, boolean exact) {
      return propose(id, clazz, label, why, exact, false);
    }

    /**
     * Proposes a new entity, or returns the one proposed with the same label (giving it this class
     * when its own was only a {@code weak} guess and this one is not).
     */
    private String propose(
        String id, String clazz, String label, String why, boolean exact, boolean weakGuess) {
      for (Draft.NewEntity e : proposed.values()) {
        if (e.label().equalsIgnoreCase(label)) {
          if (weak.contains(e.id()) && !weakGuess && !e.clazz().equals(clazz)) {
            proposed.put(e.id(), new Draft.NewEntity(e.id(), clazz, e.label(), why));
            classOf.put(e.id(), clazz);
            weak.remove(e.id());
          }
          return e.id();
        }
      }
      String unique = id;
      for (int n = 2; classOf.containsKey(unique) && !proposed.containsKey(unique); n++) {
        unique = id + "-" + n;
      }
      if (!proposed.containsKey(unique)) {
        proposed.put(unique, new Draft.NewEntity(unique, clazz, label, why));
        if (weakGuess) {
          weak.add(unique);
        }
        classOf.put(unique, clazz);
        labelOf.put(unique, label);
        if (!exact || !label.equals(label.toLowerCase(Locale.ROOT))) {
          addName(label, unique);
        }
      }
      return unique;
    }

    // ---- words, attribution, relations

    private List<Word> words(String norm, List<Mention> mentions) {
      List<Word> out = new ArrayList<>();
      int mi = 0;
      Matcher m = WORD.matcher(norm);
      int pos = 0;
      while (pos < norm.length()) {
        if (mi < mentions.size() && mentions.get(mi).start() <= pos) {
          Mention men = mentions.get(mi);
          out.add(
              new Word(
                  "@" + mi + (men.head().isEmpty() ? "" : ":" + men.head()),
                  men.start(),
                  men.end(),
                  mi));
          pos = Math.max(pos, men.end());
          mi++;
          continue;
        }
        int limit = mi < mentions.size() ? mentions.get(mi).start() : norm.length();
        m.region(pos, limit);
        if (!m.find()) {
          pos = limit;
          continue;
        }
        out.add(new Word(m.group().toLowerCase(Locale.ROOT), m.start(), m.end(), -1));
        pos = m.end();
      }
      return out;
    }

    private String wordString(List<Word> words) {
      StringBuilder sb = new StringBuilder();
      for (Word w : words) {
        sb.append(w.text().replace(' ', '_')).append(' ');
      }
      return sb.toString();
    }

    private List<Voice> voices(String string, List<Mention> mentions) {
      List<Voice> out = new ArrayList<>();
      for (Lexicon.AttributionCue cue : lexicon.attributions()) {
        Matcher m = cue.pattern().matcher(string);
        // per place where the cue ends, the speaker nearest to the verb ("Y, X have told")
        Map<Integer, Voice> byEnd = new LinkedHashMap<>();
        int from = 0;
        while (from < string.length() && m.find(from)) {
          from = string.indexOf(' ', m.start()) + 1;
          int xi = Integer.parseInt(m.group("x"));
          Mention x = mentions.get(xi);
          String clazz = classOf.get(x.id());
          if (!is(clazz, NG.Agent) || x.id().equals(article.publisher())) {
            continue;
          }
          String stance = cue.stance();
          if (stance.equals("says")) {
            stance = is(clazz, NG.AnonymousSource) ? "reports" : "claims";
          }
          byEnd.put(
              m.end(),
              new Voice(
                  stance, x.id(), "attribution '" + cue.source() + "' (" + x.why() + ")", xi));
        }
        for (Voice v : byEnd.values()) {
          if (out.stream().noneMatch(o -> o.stance().equals(v.stance()) && o.by().equals(v.by()))) {
            out.add(v);
          }
        }
      }
      if (out.isEmpty()) {
        out.add(
            new Voice(
                "states", article.publisher(), "no attribution: the publisher's own voice", -1));
      }
      return out;
    }

    private void relations(
        String string,
        List<Mention> mentions,
        List<Word> words,
        List<Voice> voices,
        List<Draft.Row> local,
        String sentence) {
      for (Lexicon.RelationCue cue : lexicon.relations()) {
        Node property = OntologyIndex.term(cue.property());
        if (!ontology.isObjectProperty(cue.property())) {
          continue;
        }
        Matcher m = cue.pattern().matcher(string);
        boolean fixed = !cue.object().isEmpty();
        int from = 0;
        while (from < string.length() && m.find(from)) {
          from = string.indexOf(' ', m.start()) + 1;
          int si = Integer.parseInt(m.group("s"));
          List<Integer> objects =
              new ArrayList<>(List.of(fixed ? -1 : Integer.parseInt(m.group("o"))));
          // "X and Y": the relation holds with both
          String rest = string.substring(m.end());
          Matcher and = Pattern.compile("^(?:both )?and @(\\d+)(?::\\S*)? ").matcher(rest);
          if (!fixed && and.find()) {
            objects.add(Integer.parseInt(and.group(1)));
          }
          Matcher andBefore =
              Pattern.compile("@(\\d+)(?::\\S*)? and $").matcher(string.substring(0, m.start()));
          List<Integer> subjects = new ArrayList<>(List.of(si));
          if (andBefore.find() && m.group().startsWith("@")) {
            subjects.add(Integer.parseInt(andBefore.group(1)));
          }
          for (int s : subjects) {
            for (int o : objects) {
              Mention sm = slot(mentions, words, s, ontology.domains(property));
              Mention om =
                  fixed
                      ? new Mention(0, 0, cue.object(), "'" + cue.object() + "'")
                      : slot(mentions, words, o, ontology.ranges(property));
              if (sm.id().equals(om.id())
                  || !fits(property, sm.id(), fixed ? null : om.id())
                  || !is(classOf.get(sm.id()), cue.slotClasses().getOrDefault("s", "Thing"))
                  || (!fixed
                      && !is(classOf.get(om.id()), cue.slotClasses().getOrDefault("o", "Thing")))) {
                continue;
              }
              String why =
                  "cue '"
                      + cue.source()
                      + "' for "
                      + cue.property()
                      + "; "
                      + sm.why()
                      + "; "
                      + om.why();
              List<Voice> vs =
                  cue.publisherVoice()
                      ? List.of(new Voice("states", article.publisher(), "background fact", -1))
                      : speakerIsAnArgument(sm.id(), om.id(), voices)
                          ? List.of(
                              new Voice(
                                  "states",
                                  article.publisher(),
                                  "the cue names the speaker: it is how the text introduces them",
                                  -1))
                          : voices;
              for (Voice v : vs) {
                local.add(
                    row(
                        sm.id(),
                        cue.property(),
                        om.id(),
                        "",
                        v.stance(),
                        v.by(),
                        sentence,
                        cue.confidence() * (v.stance().equals("states") ? 1 : 0.95),
                        why + "; " + v.why()));
              }
              if (cue.property().equals("negotiatesWith")) {
                participants(mentions, sm.id(), om.id(), vs, local, sentence);
                lastSides = List.of(sm.id(), om.id());
              }
            }
          }
        }
      }
    }

    // ---- statements, demands and appeals

    /**
     * "X said on October 1 that ...", "X told RFE/RL on November 2 ...", "X called on Y to ...", "X
     * has demanded Y", "Among X's demands is Y": a statement event (class from the lexicon's {@code
     * statement} cues) with its speaker, medium or addressee, date and what it is about. A plain "X
     * said" without a date or medium makes no event: it only gives the sentence's voice.
     */
    private void statements(
        String sentence,
        List<Word> words,
        List<Mention> mentions,
        List<Dates.Found> dates,
        List<Draft.Row> local) {
      for (int k = 0; k < words.size(); k++) {
        if (words.get(k).mention() >= 0) {
          continue;
        }
        String clazz = null;
        int n = 0;
        for (int len = 2; len >= 1 && clazz == null; len--) {
          if (k + len <= words.size()) {
            StringBuilder cue = new StringBuilder();
            for (int j = k; j < k + len; j++) {
              cue.append(j > k ? " " : "").append(words.get(j).text());
            }
            clazz = lexicon.classFor(cue.toString(), "statement");
            n = len;
          }
        }
        if (clazz == null || ontology.clazz(clazz).isEmpty()) {
          continue;
        }
        Word verb = words.get(k + n - 1);
        // "Among X's demands is Y", "X's demands are Y": the speaker owns the noun
        boolean noun =
            k + n < words.size() && Set.of("is", "are").contains(words.get(k + n).text());
        Mention speaker = null;
        for (int j = k - 1; j >= Math.max(0, k - 5) && speaker == null; j--) {
          Word w = words.get(j);
          if (w.mention() >= 0) {
            Mention m = mentions.get(w.mention());
            String c = classOf.get(m.id());
            if (is(c, NG.Agent)
                && !is(c, NG.AnonymousSource)
                && !m.id().equals(article.publisher())) {
              speaker = m;
            } else {
              break;
            }
          } else if (Set.of(".", "that", "and", "but", "said", "told").contains(w.text())) {
            break;
          }
        }
        if (speaker == null) {
          continue;
        }
        int after = k + n + (noun ? 1 : 0);
        Mention to = null;
        for (int j = after; !is(clazz, NG.Demand) && j < Math.min(words.size(), after + 4); j++) {
          Word w = words.get(j);
          if (w.mention() >= 0) {
            Mention m = mentions.get(w.mention());
            if (is(classOf.get(m.id()), NG.Agent) && !is(classOf.get(m.id()), NG.AnonymousSource)) {
              to = m;
            }
            break;
          } else if (!w.text().matches("[\\p{L}-]+")
              || Set.of("that", "to", "on", "in").contains(w.text())) {
            break;
          }
        }
        int end = to != null ? to.end() : verb.end();
        Dates.Found date = null;
        for (Dates.Found d : dates) {
          if (d.start() >= verb.start() - 1 && d.start() - end <= 4) {
            date = d;
          }
        }
        String demanded = "";
        if (is(clazz, NG.Demand)) {
          int from = words.get(Math.min(after, words.size() - 1)).start();
          Matcher np =
              Pattern.compile("^(?:the\\s+)?([^,;.\"]+)").matcher(sentence.substring(from));
          if (after < words.size() && np.find()) {
            demanded = np.group(1).strip();
          }
          if (demanded.isEmpty()) {
            continue;
          }
        }
        // a plain "X said" is the sentence's voice, not an event of its own; "X told Y that ..."
        // only when it is a statement the project knows
        boolean plain =
            clazz.equals("PublicStatement")
                && date == null
                && (to == null || !is(classOf.get(to.id()), NG.MediaOrganization));
        if (plain && to == null) {
          continue;
        }
        String said = sentence.substring(Math.min(sentence.length(), end));
        if (date == null) {
          for (Dates.Found d : dates) {
            if (d.end() <= speaker.start()
                && (d.start() <= 3 || sameClause(sentence, speaker, d.start(), d.end()))) {
              date = d; // "In 2014, the TTP demanded ..."
            }
          }
        }
        Set<String> extra = new LinkedHashSet<>(contentWords(demanded.isEmpty() ? said : demanded));
        if (to != null) {
          extra.addAll(List.of(to.id().split("-")));
        }
        extra.addAll(List.of(speaker.id().split("-")));
        String id = existingEvent(clazz, date, date != null, mentions, extra);
        String word =
            clazz.equals("PublicStatement") ? "statement" : clazz.toLowerCase(Locale.ROOT);
        String why;
        if (id == null && plain) {
          continue;
        }
        if (id == null) {
          String when = date != null ? date.value() : article.published().substring(0, 4);
          List<String> parts = new ArrayList<>(List.of(word, when, speaker.id()));
          if (to != null) {
            parts.add(to.id());
          }
          String speakerName = labelOf.getOrDefault(speaker.id(), speaker.id());
          String label =
              capitalise(word)
                  + " by "
                  + speakerName
                  + (demanded.isEmpty() ? "" : ": " + normalize(demanded))
                  + " ("
                  + when
                  + ")";
          id =
              propose(
                  Ids.slug(String.join("-", parts)),
                  clazz,
                  label,
                  "statement verb '" + sentence.substring(words.get(k).start(), verb.end()) + "'",
                  false);
          why = "new " + word + " by " + speaker.id();
        } else {
          why = "the known " + word + " " + id;
        }
        mentions.add(new Mention(verb.start(), verb.end(), id, why));
        String cue = "'" + sentence.substring(words.get(k).start(), verb.end()) + "'";
        local.add(
            row(
                id,
                is(clazz, NG.Demand) ? "demandedBy" : "speaker",
                speaker.id(),
                "",
                "states",
                article.publisher(),
                sentence,
                0.6,
                cue + " after " + speaker.why()));
        if (is(clazz, NG.Demand)) {
          local.remove(local.size() - 1);
          local.add(
              row(
                  speaker.id(),
                  "demands",
                  id,
                  "",
                  "states",
                  article.publisher(),
                  sentence,
                  0.6,
                  cue + " after " + speaker.why()));
          local.add(
              row(
                  id,
                  "description",
                  "",
                  normalize(demanded),
                  "states",
                  article.publisher(),
                  sentence,
                  0.5,
                  "what " + cue + " names"));
          Matcher number = Pattern.compile("(?<![\\d.,])(\\d+)(?![\\d.,])").matcher(demanded);
          String count = number.find() ? number.group(1) : null;
          if (count != null && !number.find()) {
            local.add(
                row(
                    id,
                    "quantity",
                    "",
                    count,
                    "states",
                    article.publisher(),
                    sentence,
                    0.4,
                    "the one number in what " + cue + " names"));
          }
        }
        if (to != null) {
          boolean media = is(classOf.get(to.id()), NG.MediaOrganization);
          local.add(
              row(
                  id,
                  media ? "medium" : "addressee",
                  to.id(),
                  "",
                  "states",
                  article.publisher(),
                  sentence,
                  0.6,
                  cue + " " + (media ? "to the medium " : "to ") + to.why()));
        }
        if (date != null) {
          local.add(
              row(
                      id,
                      "date",
                      "",
                      date.value(),
                      "states",
                      article.publisher(),
                      sentence,
                      0.6,
                      "date '" + sentence.substring(date.start(), date.end()) + "' of " + cue)
                  .with("", date.inferred(), ""));
        }
        for (Mention m : mentions) {
          if (m.start() > end
              && !m.id().equals(id)
              && !is(classOf.get(m.id()), NG.PublicStatement)
              && is(classOf.get(m.id()), NG.Event)) {
            local.add(
                row(
                    id,
                    "about",
                    m.id(),
                    "",
                    "states",
                    article.publisher(),
                    sentence,
                    0.4,
                    "the event named after " + cue + ": " + m.why()));
            break;
          }
        }
      }
    }

    // ---- positions and groups: the names inside their names

    /**
     * "Pakistani Prime Minister", "the Taliban's Interior Minister", "TTP fighters": a position is
     * in the organisation (or the government of the country) its name contains, with the country as
     * its jurisdiction; a group of people belongs to the organisation its name contains, or
     * represents it ("TTP representatives").
     */
    private void inner(String sentence, List<Mention> mentions, List<Draft.Row> local) {
      for (Mention m : List.copyOf(mentions)) {
        String c = classOf.get(m.id());
        boolean position = is(c, NG.Position);
        boolean place = is(c, NG.Place) && !is(c, NG.Country);
        boolean event = is(c, NG.Event);
        if (!(position || place || event || is(c, NG.PersonGroup)) || m.end() <= m.start()) {
          continue;
        }
        String text = normalize(sentence.substring(m.start(), m.end()));
        List<String> ids = new ArrayList<>();
        for (Mention in : known(text, m.id())) {
          if (in.end() - in.start() < text.length()) {
            ids.add(in.id());
          }
        }
        for (String w : text.split("[^\\p{L}'-]+")) {
          String country = demonyms().get(stripPossessive(w).toLowerCase(Locale.ROOT));
          if (country != null && !ids.contains(country)) {
            ids.add(country);
          }
        }
        boolean to = text.matches("(?i).*\\bto\\b.*");
        String why = "names inside '" + text + "'";
        for (int i = 0; i < ids.size(); i++) {
          String id = ids.get(i);
          String ic = classOf.get(id);
          if (place) {
            if (is(ic, NG.Country)) {
              local.add(publisherRow(sentence, m.id(), "locatedIn", id, why));
            }
            continue;
          }
          if (event) {
            if (is(ic, NG.Organization) && !is(ic, NG.MediaOrganization)) {
              local.add(publisherRow(sentence, m.id(), "participant", id, why));
            } else if (is(ic, NG.Place)) {
              local.add(publisherRow(sentence, m.id(), "location", id, why));
            }
            continue;
          }
          if (position && is(ic, NG.Country)) {
            String government = governmentOf(id);
            if (government != null && i == 0) {
              local.add(publisherRow(sentence, m.id(), "positionIn", government, why));
            }
            if (to ? i > 0 : i == 0) {
              local.add(publisherRow(sentence, m.id(), "jurisdiction", id, why));
            }
          } else if (is(ic, NG.Organization) && i == 0) {
            if (position) {
              local.add(publisherRow(sentence, m.id(), "positionIn", id, why));
            } else {
              boolean represents = false;
              for (String w : text.toLowerCase(Locale.ROOT).split("\\s+")) {
                represents |= lexicon.classFor(w, "represents") != null;
              }
              local.add(
                  represents
                      ? publisherRow(sentence, id, "representedBy", m.id(), why)
                      : publisherRow(sentence, m.id(), "memberOf", id, why));
            }
          }
        }
      }
    }

    private Draft.Row publisherRow(String sentence, String s, String p, String o, String why) {
      return row(s, p, o, "", "states", article.publisher(), sentence, 0.5, why);
    }

    /** Adjectives of the known countries: "Pakistani", "Afghan", "Iranian". */
    private Map<String, String> demonyms() {
      if (demonyms == null || demonymsOf != classOf.size()) {
        demonymsOf = classOf.size();
        demonyms = new HashMap<>();
        for (Map.Entry<String, String> e : classOf.entrySet()) {
          if (!is(e.getValue(), NG.Country)) {
            continue;
          }
          String name = labelOf.getOrDefault(e.getKey(), "").toLowerCase(Locale.ROOT);
          if (name.isEmpty() || name.contains(" ")) {
            continue;
          }
          for (String suffix : List.of("i", "n", "an", "ian", "ese")) {
            demonyms.put(name + suffix, e.getKey());
          }
          if (name.endsWith("istan")) {
            demonyms.put(name.substring(0, name.length() - 5), e.getKey());
          }
          if (name.endsWith("a")) {
            demonyms.put(name + "n", e.getKey());
          }
          if (name.endsWith("y")) {
            demonyms.put(name.substring(0, name.length() - 1) + "ish", e.getKey());
          }
        }
      }
      return demonyms;
    }

    // ---- descriptions

    /**
     * What the text says a named thing is, in the words next to its name: "the northwestern city of
     * X", "Turkish state broadcaster X", "X (XYZ) extremist group", "X tribal region".
     */
    private void descriptions(
        String sentence,
        Span[] spans,
        String[] tags,
        List<Word> words,
        List<Mention> mentions,
        List<Draft.Row> local) {
      for (int k = 0; k < words.size(); k++) {
        Word w = words.get(k);
        if (w.mention() < 0) {
          continue;
        }
        Mention m = mentions.get(w.mention());
        String c = classOf.get(m.id());
        if (c == null || is(c, NG.Event) || is(c, NG.Position) || is(c, NG.AnonymousSource)) {
          continue;
        }
        // "the ADJ HEAD of X"
        if (k >= 3
            && words.get(k - 1).text().equals("of")
            && words.get(k - 2).mention() < 0
            && lexicon.classFor(words.get(k - 2).text(), "head") != null) {
          int first = modifiers(words, spans, tags, k - 2, -1);
          if (first < k - 2 && first > 0 && DETERMINERS.contains(words.get(first - 1).text())) {
            local.add(
                description(m, sentence, words.get(first).start(), words.get(k - 2).end(), "'of'"));
          }
        }
        // "ADJ NOUN X" with a cue word right before the name: "state broadcaster X"
        if (k >= 2 && words.get(k - 1).mention() < 0) {
          String b = lexicon.classFor(words.get(k - 1).text(), "before");
          if (b != null && !is(b, NG.Person) && !is(b, NG.Place) && is(c, b)) {
            int first = modifiers(words, spans, tags, k - 1, -1);
            if (first < k - 1) {
              local.add(
                  description(
                      m, sentence, words.get(first).start(), words.get(k - 1).end(), "before"));
            }
          }
        }
        // "X (XYZ) ADJ HEAD"
        int j = k + 1;
        if (j < words.size() && words.get(j).text().equals("(")) {
          for (int c2 = j + 1; c2 < Math.min(words.size(), j + 4); c2++) {
            if (words.get(c2).text().equals(")")) {
              j = c2 + 1;
              break;
            }
          }
        }
        if (j < words.size() && words.get(j).text().equals(")")) {
          j++;
        }
        int last = modifiers(words, spans, tags, j, +1);
        if (last > j && last < words.size() && words.get(last).mention() < 0) {
          String head = lexicon.classFor(words.get(last).text(), "head");
          if (head != null && (is(c, head) || is(head, c))) {
            local.add(
                description(m, sentence, words.get(j).start(), words.get(last).end(), "after"));
          }
        }
      }
    }

    /**
     * From word {@code from}, the furthest word in direction {@code step} (not counting {@code
     * from}) of a run of up to three lower-case adjectives and nouns (or a proper adjective),
     * returning {@code from} when there is none; going forwards it returns the index after the run.
     */
    private int modifiers(List<Word> words, Span[] spans, String[] tags, int from, int step) {
      int at = from;
      int count = 0;
      while (count < 3) {
        int next = at + step;
        if (next < 0 || next >= words.size() || words.get(next).mention() >= 0) {
          break;
        }
        String tag = tagAt(spans, tags, words.get(next).start());
        String text = words.get(next).text();
        if (!Set.of("ADJ", "NOUN", "PROPN").contains(tag)
            || DETERMINERS.contains(text)
            || !text.matches("[\\p{L}][\\p{L}'-]*")
            || (step > 0 && lexicon.classFor(text, "head") != null)) {
          break;
        }
        at = next;
        count++;
      }
      return step > 0 ? (at == from ? from : at + 1) : at;
    }

    private String tagAt(Span[] spans, String[] tags, int start) {
      for (int i = 0; i < spans.length; i++) {
        if (spans[i].getStart() == start) {
          return tags[i];
        }
      }
      return "";
    }

    private Draft.Row description(Mention m, String sentence, int start, int end, String how) {
      String text = normalize(sentence.substring(start, end));
      return row(
          m.id(),
          "description",
          "",
          text,
          "states",
          article.publisher(),
          sentence,
          0.5,
          "the words '" + text + "' next to " + m.why() + " (" + how + ")");
    }

    /**
     * The entity a mention stands for in a slot that needs {@code classes}: a title right before a
     * name ("Interior Minister X") stands for the person; a country for its government (an entity
     * of class GovernmentBody one of whose names contains the country's name).
     */
    private Mention slot(List<Mention> mentions, List<Word> words, int index, List<Node> classes) {
      Mention m = mentions.get(index);
      if (belongs(m.id(), classes)) {
        return m;
      }
      String c = classOf.get(m.id());
      if (is(c, NG.Position)) {
        for (int k = 0; k + 1 < words.size(); k++) {
          if (words.get(k).mention() == index && words.get(k + 1).mention() >= 0) {
            Mention next = mentions.get(words.get(k + 1).mention());
            if (is(classOf.get(next.id()), NG.Person)) {
              return next;
            }
          }
        }
      }
      if (is(c, NG.Country)) {
        String government = governmentOf(m.id());
        if (government != null) {
          return new Mention(
              m.start(), m.end(), government, m.why() + ", for its government " + government);
        }
      }
      return m;
    }

    private String governmentOf(String country) {
      String name = labelOf.getOrDefault(country, country).toLowerCase(Locale.ROOT);
      for (Map.Entry<String, List<String>> e : namesOf.entrySet()) {
        if (!is(classOf.get(e.getKey()), NG.GovernmentBody)) {
          continue;
        }
        for (String n : e.getValue()) {
          if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b")
              .matcher(n.toLowerCase(Locale.ROOT))
              .find()) {
            return e.getKey();
          }
        }
      }
      return null;
    }

    /**
     * Whether one who says the sentence is the subject or object of the relation: "Y leader X said
     * ..." introduces X; the relation is not what X says.
     */
    private boolean speakerIsAnArgument(String subject, String object, List<Voice> voices) {
      for (Voice v : voices) {
        if (v.speaker() >= 0 && (v.by().equals(subject) || v.by().equals(object))) {
          return true;
        }
      }
      return false;
    }

    /**
     * "the two sides are fine-tuning their demands", "a claim that the sides were in negotiations":
     * the sides are the two named last as negotiating with each other.
     */
    private void sides(String norm, List<Voice> voices, List<Draft.Row> local, String sentence) {
      if (lastSides.size() != 2
          || !SIDES.matcher(norm).find()
          || local.stream().anyMatch(r -> r.property().equals("negotiatesWith"))) {
        return;
      }
      for (Voice v : voices) {
        local.add(
            row(
                lastSides.get(0),
                "negotiatesWith",
                lastSides.get(1),
                "",
                v.stance(),
                v.by(),
                sentence,
                0.4,
                "'the sides': the two named last as negotiating ("
                    + lastSides.get(0)
                    + ", "
                    + lastSides.get(1)
                    + "); "
                    + v.why()));
      }
    }

    /** Two sides that negotiate take part in the talks the sentence names. */
    private void participants(
        List<Mention> mentions,
        String a,
        String b,
        List<Voice> voices,
        List<Draft.Row> local,
        String sentence) {
      List<String> talks = new ArrayList<>();
      for (Mention m : mentions) {
        if (is(classOf.get(m.id()), NG.Talks)) {
          talks.add(m.id());
        }
      }
      boolean named = !talks.isEmpty();
      if (!named && lastEventOfClass.containsKey("Talks")) {
        talks.add(lastEventOfClass.get("Talks"));
      }
      for (String t : talks) {
        for (String side : List.of(a, b)) {
          for (Voice v : voices) {
            local.add(
                row(
                    t,
                    "participant",
                    side,
                    "",
                    v.stance(),
                    v.by(),
                    sentence,
                    named ? 0.5 : 0.4,
                    (named
                            ? "negotiating side in the talks the sentence names; "
                            : "negotiating side in the talks named last (" + t + "); ")
                        + v.why()));
          }
        }
      }
    }

    /** Whether the subject and object belong to the property's domain and range. */
    private boolean fits(Node property, String subject, String object) {
      return belongs(subject, ontology.domains(property))
          && (object == null || belongs(object, ontology.ranges(property)));
    }

    private boolean belongs(String id, List<Node> classes) {
      String clazz = classOf.get(id);
      if (clazz == null) {
        return false;
      }
      Node c = OntologyIndex.term(clazz);
      return classes.stream().allMatch(k -> ontology.isSubClassOf(c, k));
    }

    private void datesAndNumbers(
        String sentence, List<Dates.Found> dates, List<Mention> mentions, List<Draft.Row> local) {
      for (Dates.Found d : dates) {
        if (d.preposition().equals("since")) {
          List<Draft.Row> qualified = new ArrayList<>();
          for (Draft.Row r : local) {
            qualified.add(
                r.validFrom().isEmpty() && !r.property().equals("memberOf")
                    ? r.with(d.value(), d.inferred(), "'since' gives valid_from")
                    : r);
          }
          local.clear();
          local.addAll(qualified);
          continue;
        }
        Mention event = nearestEvent(mentions, d.start(), d.end());
        if (event != null && sameClause(sentence, event, d.start(), d.end())) {
          local.add(
              row(
                      event.id(),
                      d.preposition().equals("until") ? "endDate" : "date",
                      "",
                      d.value(),
                      "states",
                      article.publisher(),
                      sentence,
                      0.6,
                      "date '"
                          + sentence.substring(d.start(), d.end())
                          + "' nearest to "
                          + event.why())
                  .with("", d.inferred(), ""));
        }
      }
      Matcher du = DURATION.matcher(sentence);
      while (du.find()) {
        String n = (du.group(1) != null ? du.group(1) : du.group(3)).toLowerCase(Locale.ROOT);
        int count = n.matches("\\d+") ? Integer.parseInt(n) : NUMBERS.indexOf(n);
        String unit = (du.group(2) != null ? du.group(2) : du.group(4)).toLowerCase(Locale.ROOT);
        String value =
            switch (unit) {
              case "day" -> "P" + count + "D";
              case "week" -> "P" + (7 * count) + "D";
              case "month" -> "P" + count + "M";
              default -> "P" + count + "Y";
            };
        Mention event = nearestEvent(mentions, du.start(), du.end());
        if (event != null && sameClause(sentence, event, du.start(), du.end())) {
          local.add(
              row(
                  event.id(),
                  "duration",
                  "",
                  value,
                  "states",
                  article.publisher(),
                  sentence,
                  0.5,
                  "duration '" + du.group() + "' of " + event.id()));
        }
      }
      Matcher m = DEATHS.matcher(sentence);
      while (m.find()) {
        String n = m.group(1) != null ? m.group(1) : m.group(2);
        Mention event = nearestEvent(mentions, m.start(), m.end());
        if (event == null) {
          event = verbalAttack(sentence, dates, mentions, local);
        }
        if (event != null) {
          local.add(
              row(
                  event.id(),
                  "deaths",
                  "",
                  n,
                  "states",
                  article.publisher(),
                  sentence,
                  0.6,
                  "number of dead '" + m.group() + "' for " + event.id()));
        }
      }
    }

    /**
     * "X attacked Y ..., killing N": the attack is an event the sentence does not name; proposes it
     * with its perpetrator, target, date and place.
     */
    private Mention verbalAttack(
        String sentence, List<Dates.Found> dates, List<Mention> mentions, List<Draft.Row> local) {
      Draft.Row attack = null;
      for (Draft.Row r : local) {
        if (r.property().equals("attacked")) {
          attack = r;
          break;
        }
      }
      if (attack == null || !is("Attack", NG.Event) || ontology.clazz(NG.Attack).isEmpty()) {
        return null;
      }
      String known = existingEvent("Attack", dates.isEmpty() ? null : dates.get(0), true, mentions);
      String when = dates.isEmpty() ? article.published().substring(0, 4) : dates.get(0).value();
      String place = null;
      for (Draft.Row r : local) {
        if (r.property().equals("locatedIn") && r.subject().equals(attack.object())) {
          place = r.object();
        }
      }
      if (place == null) {
        for (Mention m : mentions) {
          if (is(classOf.get(m.id()), NG.Place) && !m.id().equals(attack.object())) {
            place = m.id();
            break;
          }
        }
      }
      String about = place != null ? place : attack.object();
      String label =
          "Attack by "
              + labelOf.getOrDefault(attack.subject(), attack.subject())
              + " on "
              + labelOf.getOrDefault(attack.object(), attack.object())
              + " ("
              + when
              + ")";
      String id =
          known != null
              ? known
              : propose(
                  Ids.slug("attack-" + when + "-" + about),
                  "Attack",
                  label,
                  "the verb 'attacked' with a number of dead",
                  false);
      String inferred = dates.isEmpty() ? "" : dates.get(0).inferred();
      local.add(
          row(
              id,
              "perpetrator",
              attack.subject(),
              "",
              "states",
              article.publisher(),
              sentence,
              0.5,
              "the attacker of the unnamed attack"));
      local.add(
          row(
              id,
              "target",
              attack.object(),
              "",
              "states",
              article.publisher(),
              sentence,
              0.5,
              "the target of the unnamed attack"));
      if (!dates.isEmpty()) {
        local.add(
            row(
                    id,
                    "date",
                    "",
                    when,
                    "states",
                    article.publisher(),
                    sentence,
                    0.5,
                    "date of the unnamed attack")
                .with("", inferred, ""));
      }
      if (place != null) {
        local.add(
            row(
                id,
                "location",
                place,
                "",
                "states",
                article.publisher(),
                sentence,
                0.5,
                "place of the target"));
      }
      return new Mention(
          0, 0, id, known != null ? "the known attack " + known : "unnamed attack " + id);
    }

    /** A date belongs to an event near it, not across a "that" or a verb of saying. */
    private boolean sameClause(String sentence, Mention event, int start, int end) {
      int from = Math.min(event.end(), end);
      int to = Math.max(event.start(), start);
      if (from >= to) {
        return true;
      }
      String between = " " + sentence.substring(from, to).toLowerCase(Locale.ROOT) + " ";
      return to - from <= 60
          && !Pattern.compile("\\b(that|said|says|told|when|since|after|before|while)\\b")
              .matcher(between)
              .find();
    }

    private Mention nearestEvent(List<Mention> mentions, int start, int end) {
      Mention best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (Mention m : mentions) {
        if (!is(classOf.get(m.id()), NG.Event)) {
          continue;
        }
        int d = m.end() <= start ? start - m.end() : m.start() >= end ? m.start() - end : 0;
        if (d < bestDistance) {
          best = m;
          bestDistance = d;
        }
      }
      return best;
    }

    private Draft.Row row(
        String s,
        String p,
        String o,
        String v,
        String stance,
        String by,
        String quote,
        double c,
        String why) {
      return new Draft.Row(
          s, p, o, v, stance, by, quote, "", "", "", "", Math.round(c * 100) / 100.0, why);
    }

    private String firstOfClass(List<Mention> mentions, Resource clazz) {
      for (Mention m : mentions) {
        if (is(classOf.get(m.id()), clazz) && !is(classOf.get(m.id()), NG.AnonymousSource)) {
          return m.id();
        }
      }
      return null;
    }

    private Mention mentionEndingAt(List<Mention> mentions, int end) {
      for (Mention m : mentions) {
        if (m.end() == end || m.end() == end - 1) {
          return m;
        }
      }
      return null;
    }

    /** Whether class {@code sub} (a local name) is the class {@code sup} or a subclass of it. */
    private boolean is(String sub, Resource sup) {
      return is(sub, sup.getLocalName());
    }

    /** Whether class {@code sub} (a local name) is {@code sup} or a subclass of it. */
    private boolean is(String sub, String sup) {
      if (sup.equals("Thing")) {
        return sub != null;
      }
      return sub != null
          && subclass.computeIfAbsent(
              sub + " " + sup,
              k -> ontology.isSubClassOf(OntologyIndex.term(sub), OntologyIndex.term(sup)));
    }
  }

  /** English names of the countries the JDK knows (ISO 3166), lower case. */
  private static Set<String> countries() {
    Set<String> out = new java.util.HashSet<>();
    for (String iso : Locale.getISOCountries()) {
      out.add(new Locale("", iso).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static boolean free(List<Mention> mentions, int start, int end) {
    for (Mention m : mentions) {
      if (start < m.end() && m.start() < end) {
        return false;
      }
    }
    return true;
  }

  private static Dates.Found nearest(List<Dates.Found> dates, int start, int end, int within) {
    Dates.Found best = null;
    int bestDistance = within + 1;
    for (Dates.Found d : dates) {
      int dist = d.end() <= start ? start - d.end() : d.start() >= end ? d.start() - end : 0;
      if (dist < bestDistance) {
        best = d;
        bestDistance = dist;
      }
    }
    return best;
  }

  private static boolean possessive(String token) {
    return token.endsWith("'s") || token.endsWith("\u2019s") || token.equals("'s");
  }

  private static String stripPossessive(String token) {
    return possessive(token) && token.length() > 2 ? token.substring(0, token.length() - 2) : token;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
  }

  /** Quotation marks and apostrophes made plain, keeping every offset. */
  static String normalize(String s) {
    return s.replace('\u2019', '\'')
        .replace('\u2018', '\'')
        .replace('\u201c', '"')
        .replace('\u201d', '"');
  }
}
