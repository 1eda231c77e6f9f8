package org.w3id.newsgraph.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.link.LinkOptions;
import org.w3id.newsgraph.link.LinkRecord;
import org.w3id.newsgraph.link.LinkReport;
import org.w3id.newsgraph.link.Linker;
import org.w3id.newsgraph.link.Review;
import org.w3id.newsgraph.link.WikidataHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newsgraph link}: reconcile people, organisations and places with Wikidata. */
@Command(
    name = "link",
    header = "Link entities to Wikidata items, or review the candidates.",
    mixinStandardHelpOptions = true,
    description = {
      "Links people, organisations and places to Wikidata items and writes"
          + " triples/wikidata-links.csv. Candidates come from a SPARQL endpoint (Wikidata's"
          + " RDF model only), scored by name, by type (the ng:wikidataClass of the ontology,"
          + " following P279) and by context (country, place, party). A link is accepted (auto)"
          + " only with a score of at least --min-score, a lead of --margin over the runner-up"
          + " and a compatible type; otherwise its candidates are listed for review. Rows a"
          + " person marked confirmed or rejected are never changed.",
      "Answers are cached (--cache): a second run sends no request; --offline sends none at all.",
      "Review: --review lists each entity to review and each without a candidate, with the items"
          + " found (QID, label, description, type, score and why) and those dropped; --confirm"
          + " ENTITY=QID --source URL and --reject ENTITY=QID write a person's decision."
    })
final class LinkCommand implements Callable<Integer> {
  @ParentCommand private NewsGraphCommand root;
  @Mixin private InputOptions input;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      defaultValue = "https://query.wikidata.org/sparql",
      description =
          "SPARQL endpoint holding Wikidata or a subset of it (default: ${DEFAULT-VALUE}).")
  private String endpoint;

  @Option(
      names = "--only",
      paramLabel = "ID",
      arity = "1..*",
      split = ",",
      description = "Reconcile only these entities (ids of triples/entities.csv).")
  private List<String> only = new ArrayList<>();

  @Option(
      names = "--min-score",
      paramLabel = "N",
      defaultValue = "80",
      description = "Least score, 0 to 100, to accept a link (default: ${DEFAULT-VALUE}).")
  private int minScore;

  @Option(
      names = "--margin",
      paramLabel = "N",
      defaultValue = "15",
      description = "Least lead over the runner-up to accept a link (default: ${DEFAULT-VALUE}).")
  private int margin;

  @Option(
      names = "--offline",
      description = "Send no request: use the links file and the cache only.")
  private boolean offline;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      defaultValue = ".newsgraph-cache/wikidata",
      description = "Folder of cached answers (default: ${DEFAULT-VALUE}; not to be committed).")
  private Path cache;

  @Option(
      names = "--search-api",
      paramLabel = "URL",
      description =
          "Also find candidates with Wikidata's fuzzy name search (wbsearchentities) at this"
              + " web API, e.g. https://www.wikidata.org/w/api.php (default: off).")
  private String searchApi;

  @Option(
      names = "--contact",
      paramLabel = "EMAIL|URL",
      defaultValue = "https://w3id.org/newsgraph",
      description =
          "Contact sent in the User-Agent, as Wikimedia's policy asks (default: ${DEFAULT-VALUE}).")
  private String contact;

  @Option(
      names = "--delay",
      paramLabel = "MS",
      defaultValue = "1000",
      description = "Least time between two requests, in ms (default: ${DEFAULT-VALUE}).")
  private long delay;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "How long to wait for an answer (default: ${DEFAULT-VALUE}).")
  private long timeout;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "20",
      description = "Most names or items asked in one query (default: ${DEFAULT-VALUE}).")
  private int batch;

  @Option(
      names = "--review",
      description =
          "List the entities to review and those without a candidate, with every item found and"
              + " why; from the links file and the cache only (no request, nothing written).")
  private boolean review;

  @Option(
      names = "--confirm",
      paramLabel = "ENTITY=QID",
      split = ",",
      description =
          "Confirm that ENTITY is the Wikidata item QID (needs --source); replaces the entity's"
              + " proposed rows.")
  private List<String> confirm = new ArrayList<>();

  @Option(
      names = "--reject",
      paramLabel = "ENTITY=QID",
      split = ",",
      description = "Reject the item QID for ENTITY: it is never proposed for it again.")
  private List<String> reject = new ArrayList<>();

  @Option(
      names = "--source",
      paramLabel = "URL",
      description =
          "The page you checked that shows the item for the entity (for --confirm; not the"
              + " endpoint or the search API).")
  private String source;

  @Option(
      names = "--progress",
      description =
          "Show progress (names and items asked, requests, pauses for back-off) on standard error"
              + " even when it is not a terminal (on a terminal it is shown anyway).")
  private boolean progress;

  @Override
  public Integer call() {
    if (!confirm.isEmpty() || !reject.isEmpty()) {
      return decide();
    }
    if (source != null) {
      throw new NewsGraphException("--source goes with --confirm ENTITY=QID (or --reject)");
    }
    if (delay < 0 || timeout < 1) {
      throw new NewsGraphException("--delay must be 0 or more and --timeout at least 1");
    }
    Set<String> ids = new LinkedHashSet<>();
    only.forEach(id -> ids.add(id.strip()));
    LinkOptions options =
        new LinkOptions(
            uri(endpoint, "--endpoint"),
            searchApi == null ? null : uri(searchApi, "--search-api"),
            ids,
            minScore,
            margin,
            offline,
            cache,
            new WikidataHttp.Settings(
                WikidataHttp.userAgent(contact),
                Duration.ofSeconds(timeout),
                Duration.ofMillis(delay),
                5,
                Duration.ofSeconds(120)),
            batch,
            LocalDate.now());
    KnowledgeGraph kg = input.load();
    Path file = input.layout().linksCsv();
    PrintStream out = root.streams().out();
    if (review) {
      LinkReport r = Linker.review(kg, file, options);
      ReviewListing.print(r, cache, out);
      return Main.OK;
    }
    PrintStream err = root.streams().err();
    LinkProgressLine line = new LinkProgressLine(err, progress || System.console() != null);
    LinkReport r;
    try {
      r = Linker.link(kg, file, options, line);
    } finally {
      line.end();
    }
    int decided = r.considered() - r.notCached().size();
    if (r.considered() == 0 && !r.skipped().isEmpty()) {
      out.println(
          "nothing to reconcile: "
              + shortList(r.skipped())
              + (r.skipped().size() == 1 ? " is" : " are")
              + " already confirmed by a person (to reconcile one again, --reject its link"
              + " first)");
    } else if (decided == 0 && offline && r.considered() > 0) {
      out.println(
          "nothing reconciled: offline, and the cache "
              + cache
              + " has no answer for any of the "
              + r.considered()
              + " entities, so every row was left as it was; run without --offline to ask "
              + endpoint);
    } else {
      out.printf(
          "reconciled %d entit%s: %d linked (auto), %d to review, %d without a candidate;"
              + " %d linked by a person, kept%n",
          decided, decided == 1 ? "y" : "ies", r.auto(), r.review(), r.unlinked(), r.byPerson());
      if (!r.skipped().isEmpty()) {
        out.println(
            "skipped, already confirmed by a person: "
                + shortList(r.skipped())
                + " (to reconcile one again, --reject its link first)");
      }
      if (!r.toReview().isEmpty()) {
        out.println(
            "to review: "
                + String.join(", ", r.toReview())
                + " (see them with: newsgraph link --review)");
      }
      ReviewListing.printWithout(r, out);
      List<String> kept = new ArrayList<>();
      r.outcomes().stream().filter(o -> !o.kept().isEmpty()).forEach(o -> kept.add(o.entity()));
      if (!kept.isEmpty()) {
        out.println(
            "kept earlier rows whose items this run did not find again: " + shortList(kept));
      }
      if (!r.notCached().isEmpty()) {
        out.println(
            "not in the cache"
                + (offline ? " (offline)" : "")
                + ", left as they were: "
                + shortList(r.notCached()));
      }
    }
    if (offline) {
      out.printf("offline: no request sent (cache: %s)%n", cache);
    } else {
      out.printf(
          "%d request%s to %s (cache: %s)%n",
          r.requests(), r.requests() == 1 ? "" : "s", endpoint, cache);
    }
    out.println((r.changed() ? "wrote " : "unchanged: ") + file);
    return Main.OK;
  }

  private Integer decide() {
    if (review) {
      throw new NewsGraphException("--review lists; --confirm and --reject decide: use one");
    }
    List<Review.Pick> confirms = confirm.stream().map(Review.Pick::parse).toList();
    List<Review.Pick> rejects = reject.stream().map(Review.Pick::parse).toList();
    KnowledgeGraph kg = input.load();
    Path file = input.layout().linksCsv();
    List<LinkRecord> written = Review.decide(kg, file, confirms, rejects, source, LocalDate.now());
    PrintStream out = root.streams().out();
    for (LinkRecord w : written) {
      out.printf(
          "%s %s=%s%s%n",
          w.status().token(),
          w.entity(),
          w.qid(),
          w.label().isEmpty() ? "" : " (" + w.label() + ")");
    }
    out.println("wrote " + file);
    return Main.OK;
  }

  static String shortList(List<String> ids) {
    int shown = Math.min(ids.size(), 10);
    String list = String.join(", ", ids.subList(0, shown));
    return ids.size() > shown ? list + " and " + (ids.size() - shown) + " more" : list;
  }

  private static URI uri(String text, String option) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new NewsGraphException(option + ": '" + text + "' is not a URL");
    }
  }
}
