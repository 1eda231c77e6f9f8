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
import org.w3id.newsgraph.load.OntologyIndex;
import org.w3id.newsgraph.load.SourceText;

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
              + "|eleven|twelve)\\s+(day|week|month|year)s?\\b",
          Pattern.CASE_INSENSITIVE);
  private static final List<String> NUMBERS =
      List.of(
          "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve");
  private static final Pattern PREVIOUS_CAPITAL = Pattern.compile("\\p{Lu}[\\p{L}.-]*\\s+$");
  private static final Set<String> COUNTRIES = countries();
  private static final Set<String> CONNECTORS = Set.of("of", "-", "e", "al", "bin", "ul", "ud");

  private final OntologyIndex ontology;
  private final Lexicon lexicon;
  private Nlp nlp;

  /** A drafter with the project's ontology and lexicon. */
  public Drafter(OntologyIndex ontology, Lexicon lexicon) {
    this.ontology = ontology;
    this.lexicon = lexicon;
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
    private String lastOrganization;
    private String lastSource;
    private final Map<String, String> lastEventOfClass = new HashMap<>();

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
            && is(classOf.get(m.id()), "AnonymousSource")
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
      sources(spans, tokens, mentions);
      groups(spans, tokens, tags, mentions, local, sentence);
      properNames(sentence, spans, tokens, tags, mentions);
      pronouns(spans, tokens, mentions);
      mentions.sort(Comparator.comparingInt(Mention::start));
      List<Word> words = words(norm, mentions);
      String string = wordString(words);

      List<Voice> voices = voices(string, mentions);
      relations(string, mentions, words, voices, local, sentence);
      // the same without relative clauses: "X, who seized power in August, has links with Y"
      String main = RELATIVE.matcher(string).replaceAll(" ");
      if (!main.equals(string)) {
        relations(main, mentions, words, voices, local, sentence);
      }
      datesAndNumbers(sentence, dates, mentions, local);
      for (Draft.Row r : local) {
        add(r);
      }
      for (Mention m : mentions) {
        String c = classOf.get(m.id());
        if (is(c, "AnonymousSource")) {
          lastSource = m.id();
        }
        if (is(c, "Person")) {
          lastPerson = m.id();
        } else if (is(c, "Organization") && !is(c, "MediaOrganization")) {
          lastOrganization = m.id();
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
      List<Mention> all = new ArrayList<>();
      for (Name n : names) {
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
            && Set.of("ADJ", "NUM", "PROPN", "NOUN").contains(tags[first - 1])
            && free(mentions, spans[first - 1].getStart(), spans[first - 1].getEnd())) {
          secret |= tokens[first - 1].equalsIgnoreCase("secret");
          first--;
        }
        int modifiers = first; // "A massive Pakistani Army offensive": past a name used as modifier
        while (modifiers > 0
            && (Set.of("ADJ", "NUM", "PROPN", "NOUN").contains(tags[modifiers - 1])
                || !free(mentions, spans[modifiers - 1].getStart(), spans[modifiers - 1].getEnd()))
            && !DETERMINERS.contains(tokens[modifiers - 1].toLowerCase(Locale.ROOT))) {
          modifiers--;
        }
        String before = modifiers > 0 ? tags[modifiers - 1] : "";
        boolean definite =
            modifiers > 0 && DETERMINERS.contains(tokens[modifiers - 1].toLowerCase(Locale.ROOT));
        if (!definite && !before.equals("VERB") && !before.equals("AUX")) {
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
                mentions);
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
          String place = firstOfClass(mentions, "Place");
          String agent = firstOfClass(mentions, "Agent");
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

    /** A known event of a compatible class that the sentence's date and names point to. */
    private String existingEvent(
        String clazz, Dates.Found date, boolean near, List<Mention> mentions) {
      Set<String> words = new LinkedHashSet<>();
      for (Mention m : mentions) {
        words.addAll(List.of(m.id().split("-")));
      }
      String best = null;
      int bestScore = 0;
      boolean tie = false;
      for (Map.Entry<String, String> e : classOf.entrySet()) {
        if (!(is(e.getValue(), clazz) || is(clazz, e.getValue())) || !is(e.getValue(), "Event")) {
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
          if (w.length() > 2 && words.contains(w)) {
            score++;
          }
        }
        if (id.contains(article.published().substring(0, 4))) {
          score++;
        }
        if (score > bestScore) {
          best = id;
          bestScore = score;
          tie = false;
        } else if (score == bestScore) {
          tie = true;
        }
      }
      return bestScore >= 3 && !tie ? best : null;
    }

    // ---- anonymous sources and groups of people

    private void sources(Span[] spans, String[] tokens, List<Mention> mentions) {
      for (int i = 0; i < tokens.length; i++) {
        String w = tokens[i].toLowerCase(Locale.ROOT);
        if (lexicon.classFor(w, "source") == null
            || !free(mentions, spans[i].getStart(), spans[i].getEnd())) {
          continue;
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
            (qualifier.isEmpty() ? "sources" : tokens[i].toLowerCase(Locale.ROOT) + qualifier);
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
        if (before != null && !is(classOf.get(before.id()), "Person")) {
          if (is(classOf.get(before.id()), "Organization")) {
            member = before.id();
          }
          mentions.remove(before);
          start = before.start();
        }
        int end = spans[i].getEnd();
        if (i + 1 < tokens.length && tokens[i + 1].equalsIgnoreCase("of")) {
          for (Mention m : mentions) {
            int gap = m.start() - spans[i + 1].getEnd();
            if (gap >= 0 && gap <= 1 && is(classOf.get(m.id()), "Organization")) {
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
          && ontology.clazz("Country").isPresent()) {
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
      }
      if (clazz.equals("Person") && !weakGuess && last > first) {
        addName(stripPossessive(tokens[last]), id, null, true); // "Khan" for "Imran Khan"
      }
    }

    private void pronouns(Span[] spans, String[] tokens, List<Mention> mentions) {
      for (int i = 0; i < tokens.length; i++) {
        String w = tokens[i].toLowerCase(Locale.ROOT);
        String id = null;
        int end = spans[i].getEnd();
        if (PERSON_PRONOUNS.contains(w)) {
          id = lastPersonIn(mentions, spans[i].getStart());
        } else if (w.equals("the")
            && i + 1 < tokens.length
            && (tokens[i + 1].equalsIgnoreCase("group")
                || (i + 2 < tokens.length
                    && tokens[i + 1].equalsIgnoreCase("militant")
                    && tokens[i + 2].equalsIgnoreCase("group")))) {
          id = lastOrganizationIn(mentions, spans[i].getStart());
          end = spans[tokens[i + 1].equalsIgnoreCase("group") ? i + 1 : i + 2].getEnd();
        }
        if (id != null && free(mentions, spans[i].getStart(), end)) {
          mentions.add(
              new Mention(spans[i].getStart(), end, id, "'" + tokens[i] + "…' refers to " + id));
        }
      }
    }

    private String lastOrganizationIn(List<Mention> mentions, int before) {
      String id = null;
      int at = -1;
      for (Mention m : mentions) {
        String c = classOf.get(m.id());
        if (m.end() <= before
            && m.start() > at
            && is(c, "Organization")
            && !is(c, "MediaOrganization")) {
          id = m.id();
          at = m.start();
        }
      }
      return id != null ? id : lastOrganization;
    }

    private String lastPersonIn(List<Mention> mentions, int before) {
      String id = null;
      int at = -1;
      for (Mention m : mentions) {
        if (m.end() <= before && m.start() > at && is(classOf.get(m.id()), "Person")) {
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
          if (!is(clazz, "Agent") || x.id().equals(article.publisher())) {
            continue;
          }
          String stance = cue.stance();
          if (stance.equals("says")) {
            stance = is(clazz, "AnonymousSource") ? "reports" : "claims";
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
        int from = 0;
        while (from < string.length() && m.find(from)) {
          from = string.indexOf(' ', m.start()) + 1;
          int si = Integer.parseInt(m.group("s"));
          List<Integer> objects = new ArrayList<>(List.of(Integer.parseInt(m.group("o"))));
          // "X and Y": the relation holds with both
          String rest = string.substring(m.end());
          Matcher and = Pattern.compile("^(?:both )?and @(\\d+)(?::\\S*)? ").matcher(rest);
          if (and.find()) {
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
              Mention om = slot(mentions, words, o, ontology.ranges(property));
              if (sm.id().equals(om.id()) || !fits(property, sm.id(), om.id())) {
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
              }
            }
          }
        }
      }
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
      if (is(c, "Position")) {
        for (int k = 0; k + 1 < words.size(); k++) {
          if (words.get(k).mention() == index && words.get(k + 1).mention() >= 0) {
            Mention next = mentions.get(words.get(k + 1).mention());
            if (is(classOf.get(next.id()), "Person")) {
              return next;
            }
          }
        }
      }
      if (is(c, "Country")) {
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
        if (!is(classOf.get(e.getKey()), "GovernmentBody")) {
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

    /** Two sides that negotiate take part in the talks the sentence names. */
    private void participants(
        List<Mention> mentions,
        String a,
        String b,
        List<Voice> voices,
        List<Draft.Row> local,
        String sentence) {
      for (Mention m : mentions) {
        if (!is(classOf.get(m.id()), "Talks")) {
          continue;
        }
        for (String side : List.of(a, b)) {
          for (Voice v : voices) {
            local.add(
                row(
                    m.id(),
                    "participant",
                    side,
                    "",
                    v.stance(),
                    v.by(),
                    sentence,
                    0.5,
                    "negotiating side in the talks the sentence names; " + v.why()));
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
        String n = du.group(1).toLowerCase(Locale.ROOT);
        int count = n.matches("\\d+") ? Integer.parseInt(n) : NUMBERS.indexOf(n);
        String unit = du.group(2).toLowerCase(Locale.ROOT);
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
      if (attack == null || !is("Attack", "Event") || ontology.clazz("Attack").isEmpty()) {
        return null;
      }
      String known = existingEvent("Attack", dates.isEmpty() ? null : dates.get(0), true, mentions);
      if (known != null) {
        return new Mention(0, 0, known, "the known attack " + known);
      }
      String when = dates.isEmpty() ? article.published().substring(0, 4) : dates.get(0).value();
      String place = null;
      for (Draft.Row r : local) {
        if (r.property().equals("locatedIn") && r.subject().equals(attack.object())) {
          place = r.object();
        }
      }
      if (place == null) {
        for (Mention m : mentions) {
          if (is(classOf.get(m.id()), "Place") && !m.id().equals(attack.object())) {
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
          propose(
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
      return new Mention(0, 0, id, "unnamed attack " + id);
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
        if (!is(classOf.get(m.id()), "Event")) {
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

    private String firstOfClass(List<Mention> mentions, String clazz) {
      for (Mention m : mentions) {
        if (is(classOf.get(m.id()), clazz) && !is(classOf.get(m.id()), "AnonymousSource")) {
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

    /** Whether class {@code sub} (a local name) is {@code sup} or a subclass of it. */
    private boolean is(String sub, String sup) {
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
