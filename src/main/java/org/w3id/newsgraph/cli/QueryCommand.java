package org.w3id.newsgraph.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.query.NamedQuery;
import org.w3id.newsgraph.query.QueryLibrary;
import org.w3id.newsgraph.query.QueryParams;
import org.w3id.newsgraph.query.QueryRunner;
import org.w3id.newsgraph.query.ResultFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsgraph query}: run a named query (a file of queries/) or any .rq file. */
@Command(
    name = "query",
    header = "Run a named query, or a .rq file, on the graph.",
    mixinStandardHelpOptions = true,
    description =
        "Runs a SPARQL query on the graph: a name from the queries folder, or a path to a .rq"
            + " file. The default graph holds the ontology and the data (with --inferred also the"
            + " inferred triples). Common prefixes (ng:, ngr:, rdfs:, prov:, ...) are predeclared."
            + " --list shows each named query with its title and question.")
final class QueryCommand implements Callable<Integer> {
  @ParentCommand private NewsGraphCommand root;
  @Mixin private InputOptions input;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME|FILE.rq",
      description = "The query to run.")
  private String name;

  @Option(names = "--list", description = "List the named queries and exit.")
  private boolean list;

  @Option(
      names = "--queries",
      paramLabel = "DIR",
      defaultValue = "queries",
      description = "Folder of named queries (default: ${DEFAULT-VALUE}).")
  private Path queries;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private ResultFormat format;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description =
          "Set the query variable ?NAME to VALUE before running it: an entity id (imran-khan), a"
              + " prefixed name (ng:Attack), an <IRI>, or else a plain string. Repeatable.")
  private Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--inferred",
      description =
          "Also query what the ontology entails (inverse, symmetric and transitive relations,"
              + " superclasses, property chains), as serve --inferred has it: in the default"
              + " graph, and also in the named graph "
              + Iris.INFERRED_GRAPH
              + " to tell them apart.")
  private boolean inferred;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description =
          "Run the query on a remote SPARQL endpoint (e.g. http://127.0.0.1:3030/ds/sparql,"
              + " a store filled with 'newsgraph build --store URL') instead of loading the CSV.")
  private String endpoint;

  @Override
  public Integer call() {
    QueryLibrary library = new QueryLibrary(queries);
    PrintStream out = root.streams().out();
    if (list) {
      List<NamedQuery> all = library.list();
      int width = all.stream().mapToInt(q -> q.name().length()).max().orElse(0);
      for (NamedQuery q : all) {
        out.printf("%-" + width + "s  %s%n", q.name(), q.title());
        out.printf("%-" + width + "s  %s%n", "", q.question());
      }
      return Main.OK;
    }
    if (name == null) {
      throw new NewsGraphException(
          ErrorId.BAD_OPTION, "give a query name or a .rq file, or --list");
    }
    ResultFormat fmt = format;
    NamedQuery query = library.resolve(name);
    if (endpoint != null) {
      if (inferred) {
        throw new NewsGraphException(
            "--inferred works on the local graph only; on an endpoint, ask its inferred graph");
      }
      QueryRunner.runRemote(
          endpoint, query, QueryParams.parse(params, Iris.prefixes()), fmt, Iris.prefixes(), out);
      return Main.OK;
    }
    Dataset dataset = input.load().dataset(inferred);
    QueryRunner.run(
        dataset, query, QueryParams.parse(params, Iris.prefixes()), fmt, Iris.prefixes(), out);
    return Main.OK;
  }
}
