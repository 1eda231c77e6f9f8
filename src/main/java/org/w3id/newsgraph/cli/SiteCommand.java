package org.w3id.newsgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.w3id.newsgraph.KnowledgeGraph;
import org.w3id.newsgraph.pages.Pages;
import org.w3id.newsgraph.pages.SiteWriter;
import org.w3id.newsgraph.pages.SourceTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newsgraph site}: the pages of {@code serve} as a static site. */
@Command(
    name = "site",
    header = "Write the pages serve shows as a static site.",
    mixinStandardHelpOptions = true,
    description = {
      "Loads and validates the graph, then writes the pages that serve shows (entities,",
      "articles, network, timeline, entity list with search) as plain files, with the",
      "scripts and data they need next to them: publish DIR on any static host, or open",
      "DIR/index.html from disk. Entities also as .ttl and .jsonld. The site is written to",
      "a new folder and moved into place when complete; DIR must be new, empty, or a site",
      "written before (which is replaced)."
    })
final class SiteCommand implements Callable<Integer> {
  @ParentCommand private NewsGraphCommand root;
  @Mixin private InputOptions input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      required = true,
      description = "Folder to write the site to.")
  private Path output;

  @Override
  public Integer call() {
    KnowledgeGraph kg = input.load();
    Dataset dataset = kg.dataset(false);
    Pages pages = new Pages(dataset.asDatasetGraph(), SourceTexts.of(input.layout()));
    SiteWriter.Summary s = new SiteWriter(pages).write(output);
    root.streams()
        .out()
        .printf(
            "Wrote %d files to %s: %d entity pages, %d article %s, the network and the"
                + " timeline. Open %s.%n",
            s.files(),
            output,
            s.entities(),
            s.sources(),
            s.sources() == 1 ? "page" : "pages",
            output.resolve("index.html"));
    return Main.OK;
  }
}
