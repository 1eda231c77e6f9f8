package org.w3id.newsgraph.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.w3id.newsgraph.link.LinkReport;
import org.w3id.newsgraph.link.Outcome;

/** How {@code link} shows what a person has to review, and why entities have no candidate. */
final class ReviewListing {
  private ReviewListing() {}

  /** The summary lines of the entities without a candidate, one line per reason. */
  static void printWithout(LinkReport r, PrintStream out) {
    line(out, r.without(Outcome.Kind.NO_NAME_MATCH), "without a candidate, no item has the name");
    List<Outcome> wrong = r.without(Outcome.Kind.WRONG_TYPE);
    if (!wrong.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (Outcome o : wrong) {
        if (sb.length() > 0) {
          sb.append("; ");
        }
        sb.append(o.entity()).append(" (");
        for (int i = 0; i < o.found().size(); i++) {
          Outcome.Found f = o.found().get(i);
          sb.append(i == 0 ? "" : ", ").append(f.qid()).append(' ').append(types(f));
        }
        sb.append(')');
      }
      out.println(
          "without a candidate, items found but none of a compatible type (dropped): " + sb);
    }
    line(
        out,
        r.without(Outcome.Kind.ALL_REJECTED),
        "without a candidate, every item found was rejected by a person");
  }

  private static void line(PrintStream out, List<Outcome> outcomes, String what) {
    if (!outcomes.isEmpty()) {
      out.println(
          what + ": " + LinkCommand.shortList(outcomes.stream().map(Outcome::entity).toList()));
    }
  }

  /** The review listing: each entity to review or without a candidate, its items and why. */
  static void print(LinkReport r, Path cache, PrintStream out) {
    int shown = 0;
    for (Outcome o : r.outcomes()) {
      if (o.kind() == Outcome.Kind.AUTO || o.kind() == Outcome.Kind.NOT_CACHED) {
        continue;
      }
      shown++;
      out.printf(
          "%s \"%s\" (%s; compatible Wikidata classes: %s)%n",
          o.entity(),
          o.label(),
          o.entityClass(),
          o.compatible().isEmpty() ? "none declared" : String.join(", ", o.compatible()));
      out.printf("  %s: %s%n", o.kind() == Outcome.Kind.REVIEW ? "to review" : "none", o.reason());
      for (Outcome.Found f : o.found()) {
        out.printf(
            "  %s %-11s %s%s%n",
            f.wrongType() ? "dropped" : "       ",
            f.qid(),
            f.label().isEmpty() ? "(no English label)" : f.label(),
            f.description().isEmpty() ? "" : " - " + f.description());
        out.printf(
            "          type %s; score %d = %s%n",
            f.types().isEmpty() ? "unknown (no P31)" : String.join(", ", f.types()),
            f.score(),
            f.why());
      }
      o.kept()
          .forEach(
              k ->
                  out.printf(
                      "  kept    %-11s %s (%s, not found again)%n",
                      k.qid(), k.label(), k.status().token()));
      if (o.kind() == Outcome.Kind.REVIEW) {
        out.printf(
            "  decide: newsgraph link --confirm %s=QID --source URL-OF-THE-PAGE-YOU-CHECKED"
                + " | --reject %s=QID%n",
            o.entity(), o.entity());
      }
    }
    List<String> missing = r.notCached();
    if (!missing.isEmpty()) {
      out.println(
          "not in the cache "
              + cache
              + ", so not listed: "
              + LinkCommand.shortList(missing)
              + "; run newsgraph link first");
    }
    if (shown == 0 && missing.isEmpty()) {
      out.println("nothing to review: every entity is linked or decided by a person");
    }
  }

  private static String types(Outcome.Found f) {
    return f.types().isEmpty() ? "(no type)" : "(" + String.join(", ", f.types()) + ")";
  }
}
