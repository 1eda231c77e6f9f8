package org.w3id.newsgraph.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.LoadListener;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.store.GraphStore;
import org.w3id.newsgraph.store.RemoteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newsgraph build --store DIR|URL}: bring a store up to date with the inputs. */
@Command(
    name = "build",
    header = "Bring a TDB2 or remote SPARQL store up to date with the CSV.",
    mixinStandardHelpOptions = true,
    description = {
      "Validates the inputs and brings a store up to date with them: each article in a named"
          + " graph of its own ("
          + Iris.GRAPH
          + "source/ID), the entities, links and ontology in theirs. Only the articles whose"
          + " files changed are loaded again; the graphs of removed articles are removed.",
      "DIR: a TDB2 store (as 'serve --store DIR' uses), built with Jena's bulk loader the first"
          + " time; every run is atomic (a failure or a kill leaves the previous store).",
      "URL: the dataset of a SPARQL store that allows updates (e.g. a Fuseki dataset"
          + " http://127.0.0.1:3030/ds): the changed graphs are sent in batches (a SPARQL Update"
          + " DROP, then a POST of N-Quads), or with one Graph Store Protocol PUT each to a store"
          + " that refuses those; removed ones are dropped, and what was sent is recorded in the"
          + " store's graph "
          + Iris.STATE_GRAPH
          + "."
    })
final class BuildCommand implements Callable<Integer> {
  @ParentCommand private NewsGraphCommand root;
  @Mixin private InputOptions input;

  @Option(
      names = "--store",
      required = true,
      paramLabel = "DIR|URL",
      description = "The store: a folder (TDB2) or the http(s) URL of a SPARQL dataset.")
  private String store;

  @Option(
      names = "--inferred",
      description =
          "Also keep the inferred triples, in the named graph "
              + Iris.INFERRED_GRAPH
              + " (TDB2 only; a full rebuild every time, since inference needs the whole graph).")
  private boolean inferred;

  @Override
  public Integer call() {
    int max = input.maxErrors();
    PrintStream out = root.streams().out();
    LoadListener progress = ProgressLine.forTerminal(root.streams().err(), "building");
    long start = System.nanoTime();
    GraphStore.Build build;
    String lower = store.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      if (inferred) {
        throw new NewsGraphException("--inferred works with a TDB2 store (a folder) only");
      }
      URI uri;
      try {
        uri = URI.create(store);
      } catch (IllegalArgumentException e) {
        throw new NewsGraphException("--store: '" + store + "' is not a URL", e);
      }
      build = new RemoteStore(uri).push(input.layout(), max, progress);
    } else {
      build = GraphStore.update(Path.of(store), input.layout(), inferred, max, progress);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (build.equals(GraphStore.Build.NONE)) {
      out.printf(Locale.ROOT, "%s is up to date: nothing changed.%n", store);
    } else {
      out.printf(
          Locale.ROOT,
          "%s: %d article%s loaded, %d unchanged, %d removed%s, in %.1f s.%n",
          store,
          build.loaded(),
          build.loaded() == 1 ? "" : "s",
          build.reused(),
          build.removed(),
          build.full() ? " (a full build)" : "",
          seconds);
    }
    return Main.OK;
  }
}
