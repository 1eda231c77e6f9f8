package org.w3id.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3id.newsgraph.model.Iris;

/**
 * The named queries on hubs: an event or a speaker with many values of every kind. Before they were
 * reshaped, attack-timeline's independent OPTIONAL blocks turned the hub attack below into a cross
 * product of 50 x 44 x 31 x 21 x 20 x 12 rows that did not finish in 600 s. Each column is now
 * gathered on its own, so these answer at once with one aggregated row per date.
 */
class HubQueriesTest {
  private static final String NG = Iris.ONTOLOGY;
  private static final String NGR = Iris.ENTITY;
  private static final String PROV = "http://www.w3.org/ns/prov#";

  private final QueryLibrary library = new QueryLibrary(Path.of("queries"));
  private Dataset dataset;
  private Graph g;

  @BeforeEach
  void ontology() {
    dataset = DatasetFactory.createTxnMem();
    Txn.executeWrite(dataset, () -> RDFDataMgr.read(dataset, "ontology/newsgraph.ttl"));
    g = dataset.asDatasetGraph().getDefaultGraph();
  }

  @Test
  void anAttackWithManyValuesOfEveryKindIsOneRowPerDate() throws IOException {
    Node attack = entity("hub-attack", "Attack", "The hub attack");
    Txn.executeWrite(
        dataset,
        () -> {
          values(attack, "perpetrator", "MilitantGroup", "perpetrator", 50);
          values(attack, "location", "City", "place", 44);
          values(attack, "target", "Building", "target", 21);
          for (int i = 0; i < 31; i++) {
            add(attack, ng("date"), date(2000 + i));
          }
          for (int i = 0; i < 20; i++) {
            add(attack, ng("deaths"), number(100 + i));
          }
          for (int i = 0; i < 12; i++) {
            add(
                entity("claimant-" + i, "MilitantGroup", "claimant " + i),
                ng("claimedResponsibilityFor"),
                attack);
          }
        });

    List<CSVRecord> rows = csv("attack-timeline");

    assertEquals(31, rows.size());
    Set<String> dates = new TreeSet<>();
    for (CSVRecord r : rows) {
      dates.add(r.get("date"));
      assertEquals("The hub attack", r.get("attack"));
      assertEquals(labels("perpetrator", 50), split(r.get("perpetrator"), "; "));
      assertEquals(labels("place", 44), split(r.get("place"), "; "));
      assertEquals(labels("target", 21), split(r.get("target"), "; "));
      assertEquals(labels("claimant", 12), split(r.get("claimedBy"), "; "));
      int deaths = Integer.parseInt(r.get("deaths"));
      assertEquals(true, deaths >= 100 && deaths < 120, "deaths " + deaths);
    }
    assertEquals(31, dates.size());
    assertEquals("2000-01-01", rows.get(0).get("date"));
  }

  @Test
  void aCeaseFireWithManyValuesOfEveryKindIsOneRowPerStartDate() throws IOException {
    Node ceasefire = entity("hub-ceasefire", "CeaseFire", "The hub cease-fire");
    Txn.executeWrite(
        dataset,
        () -> {
          values(ceasefire, "declaredBy", "MilitantGroup", "declarer", 40);
          values(ceasefire, "participant", "GovernmentBody", "party", 30);
          for (int i = 0; i < 25; i++) {
            add(ceasefire, ng("startDate"), date(2000 + i));
            add(ceasefire, ng("endDate"), date(2030 + i));
            add(
                ceasefire,
                ng("duration"),
                NodeFactory.createLiteralDT("P" + (i + 1) + "D", XSDDatatype.XSDduration));
          }
          add(ceasefire, ng("status"), NodeFactory.createURI(NG + "proposed"));
          add(ceasefire, ng("status"), NodeFactory.createURI(NG + "broken"));
        });

    List<CSVRecord> rows = csv("ceasefires");

    assertEquals(25, rows.size());
    for (CSVRecord r : rows) {
      assertEquals(labels("declarer", 40), split(r.get("declaredBy"), "; "));
      assertEquals(labels("party", 30), split(r.get("parties"), ", "));
      assertEquals(25, split(r.get("end"), "; ").size());
      assertEquals(25, split(r.get("duration"), "; ").size());
      assertEquals(Set.of("broken", "proposed"), split(r.get("status"), "; "));
    }
  }

  @Test
  void aDemandWithManyAddresseesAndOutcomesIsOneRowPerSentence() throws IOException {
    Node party = entity("hub-party", "MilitantGroup", "The hub party");
    Node demand = entity("hub-demand", "Demand", "The hub demand");
    Node speaker = entity("hub-speaker", "Person", "The hub speaker");
    Txn.executeWrite(
        dataset,
        () -> {
          add(party, ng("demands"), demand);
          values(demand, "addressee", "GovernmentBody", "addressee", 60);
          for (int i = 0; i < 40; i++) {
            add(demand, ng("quantity"), number(i));
          }
          add(demand, ng("status"), NodeFactory.createURI(NG + "declined"));
          add(demand, ng("status"), NodeFactory.createURI(NG + "proposed"));
          for (int i = 0; i < 30; i++) {
            claim(i, party, "demands", demand, "reports", speaker);
          }
        });

    List<CSVRecord> rows = csv("demands");

    assertEquals(30, rows.size());
    for (CSVRecord r : rows) {
      assertEquals(labels("addressee", 60), split(r.get("of"), "; "));
      assertEquals(40, split(r.get("quantity"), "; ").size());
      assertEquals(Set.of("declined", "proposed"), split(r.get("status"), "; "));
    }
  }

  @Test
  void aSpeakerOfManyClaimsIsCountedPerStance() throws IOException {
    Node speaker = entity("hub-speaker", "Person", "The hub speaker");
    Node subject = entity("hub-subject", "MilitantGroup", "The hub group");
    List<String> stances = List.of("states", "reports", "claims", "denies", "unaware");
    Txn.executeWrite(
        dataset,
        () -> {
          for (int i = 0; i < 5_000; i++) {
            Node object = entity("party-" + i, "GovernmentBody", "party " + i);
            claim(i, subject, object, stances.get(i % 5), speaker);
          }
        });

    List<CSVRecord> rows = csv("claims-by-source");

    assertEquals(5, rows.size());
    for (CSVRecord r : rows) {
      assertEquals("The hub speaker", r.get("saidBy"));
      assertEquals("1000", r.get("facts"));
    }
  }

  @Test
  void aSubjectOfManyClaimsShowsOnlyItsDisputedFacts() throws IOException {
    Node speaker = entity("hub-speaker", "Person", "The hub speaker");
    Node subject = entity("hub-subject", "MilitantGroup", "The hub group");
    Txn.executeWrite(
        dataset,
        () -> {
          for (int i = 0; i < 3_000; i++) {
            claim(
                i,
                subject,
                entity("party-" + i, "GovernmentBody", "party " + i),
                "reports",
                speaker);
          }
          Node disputed = NodeFactory.createURI(NGR + "party-7");
          claim(3_000, subject, disputed, "denies", speaker);
          claim(3_001, subject, disputed, "unaware", speaker);
        });

    List<CSVRecord> rows = csv("disputed-facts");

    assertEquals(
        List.of("denies", "reports", "unaware"), rows.stream().map(r -> r.get("stance")).toList());
    for (CSVRecord r : rows) {
      assertEquals("party 7", r.get("object"));
      assertEquals("true", r.get("asserted"));
    }
  }

  @Test
  void anOrganisationWithManyPartsLeadersAndDesignationsIsOneRow() throws IOException {
    Node group = entity("hub-group", "MilitantGroup", "The hub group");
    Txn.executeWrite(
        dataset,
        () -> {
          values(group, "partOf", "MilitantGroup", "whole", 20);
          values(group, "designatedTerroristBy", "GovernmentBody", "designator", 10);
          for (int i = 0; i < 15; i++) {
            add(entity("leader-" + i, "Person", "leader " + i), ng("leads"), group);
          }
        });

    List<CSVRecord> rows =
        csv("organisations").stream()
            .filter(r -> r.get("organisation").equals("The hub group"))
            .toList();

    assertEquals(1, rows.size());
    CSVRecord r = rows.get(0);
    assertEquals("militant group", r.get("class"));
    assertEquals(labels("whole", 20), split(r.get("partOf"), "; "));
    assertEquals(labels("leader", 15), split(r.get("ledBy"), "; "));
    assertEquals(labels("designator", 10), split(r.get("designatedBy"), "; "));
  }

  @Test
  void aPositionOfManyBodiesIsOneRowPerClaim() throws IOException {
    Node person = entity("hub-person", "Person", "The hub person");
    Node position = entity("hub-position", "Position", "The hub position");
    Node speaker = entity("hub-speaker", "Person", "The hub speaker");
    Txn.executeWrite(
        dataset,
        () -> {
          values(position, "positionIn", "GovernmentBody", "body", 30);
          for (int i = 0; i < 12; i++) {
            claim(i, person, "holdsPosition", position, "reports", speaker);
          }
        });

    List<CSVRecord> rows = csv("positions");

    assertEquals(12, rows.size());
    for (CSVRecord r : rows) {
      assertEquals("The hub person", r.get("person"));
      assertEquals(labels("body", 30), split(r.get("of"), "; "));
    }
  }

  @Test
  void aPartyInManyNegotiationsHasOneRowPerStatedClaim() throws IOException {
    Node speaker = entity("hub-speaker", "Person", "The hub speaker");
    Node hub = entity("hub-party", "MilitantGroup", "The hub party");
    Txn.executeWrite(
        dataset,
        () -> {
          for (int i = 0; i < 2_000; i++) {
            Node party = entity("party-" + i, "GovernmentBody", "party " + i);
            claim(2 * i, hub, party, "reports", speaker);
            claim(2 * i + 1, party, hub, "denies", speaker);
          }
        });

    List<CSVRecord> rows = csv("negotiations");

    assertEquals(2_000, rows.size());
    for (CSVRecord r : rows) {
      assertEquals("The hub party", r.get("party"));
      assertEquals("reports", r.get("stance"));
    }
  }

  // ---- the fixture

  private Node entity(String id, String cls, String label) {
    Node e = NodeFactory.createURI(NGR + id);
    add(e, RDF.type.asNode(), NodeFactory.createURI(NG + cls));
    add(e, RDFS.label.asNode(), NodeFactory.createLiteralLang(label, "en"));
    return e;
  }

  /**
   * {@code n} entities of {@code cls} labelled "{prefix} i", each the value of {@code property}.
   */
  private void values(Node subject, String property, String cls, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      add(subject, ng(property), entity(prefix + "-" + i, cls, prefix + " " + i));
    }
  }

  private void claim(int i, Node subject, Node object, String stance, Node speaker) {
    claim(i, subject, "negotiatesWith", object, stance, speaker);
  }

  private void claim(
      int i, Node subject, String property, Node object, String stance, Node speaker) {
    Node c = NodeFactory.createURI("https://w3id.org/newsgraph/fact/hub/f" + i);
    add(c, RDF.type.asNode(), ng("Claim"));
    add(c, ng("claimSubject"), subject);
    add(c, ng("claimProperty"), ng(property));
    add(c, ng("claimObject"), object);
    add(c, ng("stance"), ng(stance));
    add(c, NodeFactory.createURI(PROV + "wasAttributedTo"), speaker);
    add(c, ng("quote"), NodeFactory.createLiteralString("Sentence " + i + "."));
    if (stance.equals("states") || stance.equals("reports")) {
      add(subject, ng(property), object);
    }
  }

  private void add(Node s, Node p, Node o) {
    g.add(s, p, o);
  }

  private static Node ng(String local) {
    return NodeFactory.createURI(NG + local);
  }

  private static Node date(int year) {
    return NodeFactory.createLiteralDT(year + "-01-01", XSDDatatype.XSDdate);
  }

  private static Node number(int n) {
    return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDnonNegativeInteger);
  }

  private static Set<String> labels(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + " " + i).collect(Collectors.toSet());
  }

  private static Set<String> split(String s, String separator) {
    return Arrays.stream(s.split(separator, -1)).collect(Collectors.toSet());
  }

  private List<CSVRecord> csv(String query) throws IOException {
    return SeedQueriesTest.csv(dataset, library.resolve(query));
  }
}
