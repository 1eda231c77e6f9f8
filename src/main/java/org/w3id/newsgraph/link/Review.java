package org.w3id.newsgraph.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.model.LinkMethod;
import org.w3id.newsgraph.model.LinkSource;
import org.w3id.newsgraph.model.LinkStatus;

/**
 * A person's decisions on links, written to the links file the way the loader expects: a confirmed
 * row cites the page that was checked (never the candidate search), carries the day and the method
 * {@code manual}, and replaces the entity's proposed rows; a rejected row keeps what the linker
 * found and is never proposed again.
 */
public final class Review {
  private static final Pattern PICK =
      Pattern.compile("([^=\\s]+)=(" + Iris.WIKIDATA_ITEM.pattern() + ")");

  /**
   * An entity and an item, as typed on the command line: {@code ENTITY=QID}.
   *
   * @param entity the entity id
   * @param qid the item
   */
  public record Pick(String entity, String qid) {
    /**
     * Reads {@code ENTITY=QID}.
     *
     * @throws NewsGraphException if it is not of that form
     */
    public static Pick parse(String text) {
      var m = PICK.matcher(text.strip());
      if (!m.matches()) {
        throw new NewsGraphException(
            "'"
                + text
                + "' is not ENTITY=QID; write the entity id, '=' and the item, e.g. quetta=Q7");
      }
      return new Pick(m.group(1), m.group(2));
    }

    @Override
    public String toString() {
      return entity + "=" + qid;
    }
  }

  private Review() {}

  /**
   * Confirms each of {@code picks} from {@code source} and rejects each of {@code rejects}, and
   * writes the links file. Nothing is written if any decision is refused.
   *
   * @param source the page that shows the item for the entity (required to confirm); a rejected row
   *     keeps the source it had, and takes this one only if it is new
   * @throws NewsGraphException if an entity is unknown, a confirm has no source or cites the
   *     candidate search, or an entity is already confirmed as another item
   */
  public static List<LinkRecord> decide(
      KnowledgeGraph kg,
      Path linksFile,
      List<Pick> confirms,
      List<Pick> rejects,
      String source,
      LocalDate today) {
    List<LinkRecord> rows = new ArrayList<>(LinksFile.read(linksFile));
    if (!confirms.isEmpty()) {
      checkSource(source, confirms.get(0));
    }
    List<LinkRecord> written = new ArrayList<>();
    for (Pick p : rejects) {
      checkEntity(kg, p);
      written.add(reject(rows, p, source, today));
    }
    for (Pick p : confirms) {
      checkEntity(kg, p);
      written.add(confirm(rows, p, source.strip(), today));
    }
    LinksFile.write(linksFile, rows);
    return written;
  }

  private static LinkRecord confirm(List<LinkRecord> rows, Pick p, String source, LocalDate today) {
    Optional<LinkRecord> was = find(rows, p);
    for (LinkRecord r : rows) {
      if (r.entity().equals(p.entity())
          && r.status() == LinkStatus.CONFIRMED
          && !r.qid().equals(p.qid())) {
        throw new NewsGraphException(
            p.entity()
                + " is already confirmed as "
                + r.qid()
                + "; reject that link first (--reject "
                + p.entity()
                + "="
                + r.qid()
                + ")");
      }
    }
    // The entity's proposals are settled by the confirmation; a person's rejections stay.
    rows.removeIf(r -> r.entity().equals(p.entity()) && !r.status().byPerson());
    rows.removeIf(r -> r.entity().equals(p.entity()) && r.qid().equals(p.qid()));
    String note =
        was.filter(r -> r.score().isPresent())
            .map(
                r ->
                    "confirmed by a person; proposed by the linker with score "
                        + r.score().getAsInt()
                        + (r.note().isEmpty() ? "" : " (" + r.note() + ")"))
            .orElse("confirmed by a person");
    LinkRecord row =
        was.orElse(manual(p)).decided(LinkStatus.CONFIRMED, today, source, note).withManualMethod();
    rows.add(row);
    return row;
  }

  private static LinkRecord reject(List<LinkRecord> rows, Pick p, String source, LocalDate today) {
    Optional<LinkRecord> was = find(rows, p);
    rows.removeIf(r -> r.entity().equals(p.entity()) && r.qid().equals(p.qid()));
    LinkRecord row =
        was.orElse(manual(p))
            .decided(
                LinkStatus.REJECTED,
                today,
                was.map(LinkRecord::source)
                    .orElse(source == null || source.isBlank() ? "" : source.strip()),
                "rejected by a person");
    rows.add(row);
    return row;
  }

  /** A row for an item the linker never proposed: what a person found by hand. */
  private static LinkRecord manual(Pick p) {
    return new LinkRecord(
        p.entity(),
        p.qid(),
        "",
        "",
        OptionalInt.empty(),
        LinkMethod.MANUAL,
        LinkStatus.REVIEW,
        LocalDate.EPOCH,
        "",
        "");
  }

  private static Optional<LinkRecord> find(List<LinkRecord> rows, Pick p) {
    return rows.stream()
        .filter(r -> r.entity().equals(p.entity()) && r.qid().equals(p.qid()))
        .findFirst();
  }

  private static void checkEntity(KnowledgeGraph kg, Pick p) {
    Node n = NodeFactory.createURI(Iris.entity(p.entity()));
    if (!kg.asserted().contains(n, RDF.type.asNode(), Node.ANY)) {
      throw new NewsGraphException(
          "unknown entity id '" + p.entity() + "' in " + p + "; use an id of triples/entities.csv");
    }
  }

  private static void checkSource(String source, Pick first) {
    if (source == null || source.isBlank()) {
      throw new NewsGraphException(
          "--confirm needs --source URL: the page you checked that shows "
              + first.qid()
              + " for "
              + first.entity()
              + ", e.g. "
              + Iris.WIKIDATA_PAGE
              + first.qid());
    }
    URI u;
    try {
      u = new URI(source.strip());
    } catch (URISyntaxException e) {
      u = null;
    }
    if (u == null
        || u.getHost() == null
        || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
      throw new NewsGraphException(
          "--source '" + source + "' is not a web address; give the http or https URL of the page");
    }
    if (LinkSource.isCandidateSearch(source)) {
      throw new NewsGraphException(
          "--source '"
              + source
              + "' is the candidate search, not a page that was checked; give the URL of a page"
              + " that shows the item for the entity, e.g. "
              + Iris.WIKIDATA_PAGE
              + first.qid());
    }
  }
}
