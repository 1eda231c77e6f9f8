package org.w3id.newsgraph.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.w3id.newsgraph.draft.Draft;
import org.w3id.newsgraph.draft.Drafts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsgraph draft}: draft the facts of a source, or accept the reviewed draft. */
@Command(
    name = "draft",
    header = "Draft a new article's facts for review; accept the reviewed draft.",
    mixinStandardHelpOptions = true,
    description = {
      "Drafts the facts of SOURCE (its row in sources.csv, its text in sources/SOURCE.txt) into"
          + " triples/drafts/SOURCE.csv, and the new entities it proposes into"
          + " triples/drafts/SOURCE.entities.csv. The loader never reads drafts.",
      "Review them in a spreadsheet: write accept or reject in the decision column (edit any"
          + " cell of a row you accept), then run 'draft --accept SOURCE': accepted rows go to"
          + " facts/SOURCE.csv, accepted entities (and proposed ones an accepted row uses) to"
          + " entities.csv, but only if the whole project then validates; rejected rows are"
          + " remembered in triples/drafts/SOURCE.rejected.csv and rejected entities in"
          + " triples/drafts/SOURCE.rejected-entities.csv, and drafting again proposes neither"
          + " (nor any row that uses a rejected entity).",
      "The cues are data: the built-in lexicon plus a project's own rows in"
          + " triples/lexicon/relations.csv, classes.csv and attribution.csv (same columns),"
          + " checked against the ontology before drafting."
    })
final class DraftCommand implements Callable<Integer> {
  @ParentCommand private NewsGraphCommand root;
  @Mixin private InputOptions input;

  @Parameters(paramLabel = "SOURCE", description = "The source id, as in sources.csv.")
  private String source;

  @Option(
      names = "--accept",
      description = "Accept the reviewed draft of SOURCE instead of drafting it.")
  private boolean accept;

  @Option(
      names = "--force",
      description = "Draft again even though rows of the existing draft have a decision.")
  private boolean force;

  @Override
  public Integer call() {
    PrintStream out = root.streams().out();
    if (accept) {
      Drafts.Accepted a = Drafts.accept(input.layout(), source, input.maxErrors());
      out.printf(
          "accepted %d row%s into %s and %d new entit%s into %s; %d rejected row%s and %d"
              + " rejected entit%s remembered; %d undecided row%s left in the draft;"
              + " the project validates%n",
          a.facts(),
          a.facts() == 1 ? "" : "s",
          input.layout().factsCsv(source),
          a.entities(),
          a.entities() == 1 ? "y" : "ies",
          input.layout().entitiesCsv(),
          a.rejected(),
          a.rejected() == 1 ? "" : "s",
          a.rejectedEntities(),
          a.rejectedEntities() == 1 ? "y" : "ies",
          a.undecided(),
          a.undecided() == 1 ? "" : "s");
      return Main.OK;
    }
    Drafts.Drafted d = Drafts.draft(input.layout(), source, force);
    Draft draft = d.draft();
    out.printf(
        "drafted %d candidate fact%s into %s and %d new entit%s into %s%n",
        draft.rows().size(),
        draft.rows().size() == 1 ? "" : "s",
        d.rowsFile(),
        draft.entities().size(),
        draft.entities().size() == 1 ? "y" : "ies",
        d.entitiesFile());
    out.println(
        "review them (decision: accept or reject), then run: newsgraph draft --accept " + source);
    return Main.OK;
  }
}
