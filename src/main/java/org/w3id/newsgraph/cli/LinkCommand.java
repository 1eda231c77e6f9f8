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
import org.w3id.newsgraph.link.LinkReport;
import org.w3id.newsgraph.link.Linker;
import org.w3id.newsgraph.link.WikidataHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newsgraph link}: reconcile people, organisations and places with Wikidata. */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description = {
      "Links people, organisations and places to Wikidata items and writes"
          + " triples/wikidata-links.csv. Candidates come from a SPARQL endpoint (Wikidata's"
          + " RDF model only), scored by name, by type (the ng:wikidataClass of the ontology,"
          + " following P279) and by context (country, place, party). A link is accepted (auto)"
          + " only with a score of at least --min-score, a lead of --margin over the runner-up"
          + " and a compatible type; otherwise its candidates are listed for review. Rows a"
          + " person marked confirmed or rejected are never changed.",
      "Answers are cached (--cache): a second run sends no request; --offline sends none at all."
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

  @Override
  public Integer call() {
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
    LinkReport r = Linker.link(kg, file, options);
    PrintStream out = root.streams().out();
    out.printf(
        "reconciled %d entit%s: %d linked (auto), %d to review, %d without a candidate;"
            + " %d linked by a person, kept%n",
        r.considered(),
        r.considered() == 1 ? "y" : "ies",
        r.auto(),
        r.review(),
        r.unlinked(),
        r.byPerson());
    if (!r.toReview().isEmpty()) {
      out.println("to review: " + String.join(", ", r.toReview()));
    }
    if (!r.notCached().isEmpty()) {
      out.println("not in the cache, left as they were: " + shortList(r.notCached()));
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

  private static String shortList(List<String> ids) {
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
