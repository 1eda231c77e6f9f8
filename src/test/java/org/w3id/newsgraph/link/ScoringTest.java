package org.w3id.newsgraph.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.newsgraph.link.Scoring.Candidate;
import org.w3id.newsgraph.link.Scoring.Decision;
import org.w3id.newsgraph.link.Scoring.TypeFit;
import org.w3id.newsgraph.model.LinkMethod;

class ScoringTest {
  private static Candidate c(String qid, LinkMethod m, TypeFit fit, boolean context) {
    return new Candidate(qid, "", "", m, fit, context);
  }

  @Test
  void scoresAddNameTypeAndContext() {
    assertEquals(100, c("Q1", LinkMethod.LABEL, TypeFit.COMPATIBLE, true).score());
    assertEquals(80, c("Q1", LinkMethod.LABEL, TypeFit.COMPATIBLE, false).score());
    assertEquals(70, c("Q1", LinkMethod.ALIAS, TypeFit.COMPATIBLE, false).score());
    assertEquals(55, c("Q1", LinkMethod.SEARCH, TypeFit.COMPATIBLE, false).score());
    assertEquals(50, c("Q1", LinkMethod.LABEL, TypeFit.UNKNOWN, false).score());
    assertEquals(0, c("Q1", LinkMethod.LABEL, TypeFit.WRONG, false).score());
    assertEquals(20, c("Q1", LinkMethod.LABEL, TypeFit.WRONG, true).score());
  }

  @Test
  void acceptsOnlyAboveTheThresholdWithAClearLead() {
    Candidate best = c("Q2", LinkMethod.LABEL, TypeFit.COMPATIBLE, true);
    Decision d =
        Scoring.decide(List.of(c("Q1", LinkMethod.LABEL, TypeFit.COMPATIBLE, false), best), 80, 15);
    assertEquals(best, d.accepted());
    assertEquals("Q1", d.runnerUp().qid());

    Decision tie =
        Scoring.decide(
            List.of(
                c("Q1", LinkMethod.LABEL, TypeFit.COMPATIBLE, false),
                c("Q2", LinkMethod.LABEL, TypeFit.COMPATIBLE, false)),
            80,
            15);
    assertNull(tie.accepted());
    assertEquals(List.of("Q1", "Q2"), tie.review().stream().map(Candidate::qid).toList());
    assertEquals("a tie with Q2 (80)", tie.reason());

    Decision low =
        Scoring.decide(List.of(c("Q1", LinkMethod.ALIAS, TypeFit.COMPATIBLE, false)), 80, 15);
    assertNull(low.accepted());
    assertEquals("score below 80", low.reason());
  }

  @Test
  void aWrongTypeIsNeverAcceptedNorProposed() {
    Decision d =
        Scoring.decide(
            List.of(
                c("Q1", LinkMethod.LABEL, TypeFit.WRONG, true),
                c("Q2", LinkMethod.ALIAS, TypeFit.WRONG, true)),
            0,
            0);
    assertNull(d.accepted());
    assertEquals(List.of(), d.review());
    assertEquals("only candidates of a wrong type", d.reason());
  }

  @Test
  void anUnknownTypeIsNeverAccepted() {
    Decision d = Scoring.decide(List.of(c("Q1", LinkMethod.LABEL, TypeFit.UNKNOWN, true)), 60, 0);
    assertNull(d.accepted());
    assertEquals("type not known", d.reason());
    assertEquals(1, d.review().size());
  }

  @Test
  void aTieIsNeverAcceptedWhateverTheMargin() {
    // Pakistan Army: the army and the armed forces both found by an alias, both of a compatible
    // type: 70 and 70. With --margin 0 the lower item number used to win.
    Decision d =
        Scoring.decide(
            List.of(
                c("Q1", LinkMethod.ALIAS, TypeFit.COMPATIBLE, false),
                c("Q2", LinkMethod.ALIAS, TypeFit.COMPATIBLE, false)),
            70,
            0);
    assertNull(d.accepted());
    assertEquals(List.of("Q1", "Q2"), d.review().stream().map(Candidate::qid).toList());
    assertEquals("a tie with Q2 (70)", d.reason());
  }
}
