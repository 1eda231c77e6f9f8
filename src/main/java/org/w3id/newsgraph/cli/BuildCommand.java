package org.w3id.newsgraph.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
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
          + " A user and password in the URL (http://USER:PASSWORD@host:3030/ds) are sent with"
          + " every request (HTTP Basic authentication) and never printed; with a user and no"
          + " password (http://USER@host:3030/ds), the password is read from the environment"
          + " variable "
          + BuildCommand.PASSWORD_VARIABLE
          + "."
    })
final class BuildCommand implements Callable<Integer> {
  /** The environment variable with the password for a store URL that names only a user. */
  static final String PASSWORD_VARIABLE = "NEWSGRAPH_STORE_PASSWORD";

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
    String shown = store;
    String lower = store.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      if (inferred) {
        throw new NewsGraphException("--inferred works with a TDB2 store (a folder) only");
      }
      URI uri;
      try {
        uri = new URI(store);
      } catch (URISyntaxException e) {
        // the reason and place, not the URL: it may hold a password
        throw new NewsGraphException(
            "--store: not a URL: " + e.getReason() + " at character " + (e.getIndex() + 1), e);
      }
      RemoteStore remote = new RemoteStore(withPassword(uri, System.getenv(PASSWORD_VARIABLE)));
      shown = remote.dataset().toString(); // without a user and password
      build = remote.push(input.layout(), max, progress);
    } else {
      build = GraphStore.update(Path.of(store), input.layout(), inferred, max, progress);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (build.equals(GraphStore.Build.NONE)) {
      out.printf(Locale.ROOT, "%s is up to date: nothing changed.%n", shown);
    } else {
      out.printf(
          Locale.ROOT,
          "%s: %d article%s loaded, %d unchanged, %d removed%s, in %.1f s.%n",
          shown,
          build.loaded(),
          build.loaded() == 1 ? "" : "s",
          build.reused(),
          build.removed(),
          build.full() ? " (a full build)" : "",
          seconds);
    }
    return Main.OK;
  }

  /**
   * {@code uri} with {@code password} added to its user, when it names a user without a password
   * and {@code password} is not null; else {@code uri} as it is.
   */
  static URI withPassword(URI uri, String password) {
    String user = uri.getUserInfo();
    if (user == null || user.contains(":") || password == null) {
      return uri;
    }
    try {
      return new URI(
          uri.getScheme(),
          user + ":" + password,
          uri.getHost(),
          uri.getPort(),
          uri.getPath(),
          uri.getQuery(),
          null);
    } catch (URISyntaxException e) {
      throw new NewsGraphException("--store: not a URL with that user and password", e);
    }
  }
}
