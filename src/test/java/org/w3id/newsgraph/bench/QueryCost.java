package org.w3id.newsgraph.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.query.NamedQuery;
import org.w3id.newsgraph.query.QueryLibrary;
import org.w3id.newsgraph.query.QueryParams;
import org.w3id.newsgraph.query.QueryRunner;

/**
 * The CPU time each query file costs, in one process, from memory and from a TDB2 store: a
 * benchmark tool, not a test. On a machine shared with other jobs wall times say more about the
 * others than about the query; the CPU time of the thread that runs it (to the last row written as
 * TSV) says what the query itself costs. Run by hand, e.g. over the corpus the scale benchmark
 * leaves in {@code target/bench}:
 *
 * <pre>
 * java -cp target/newsgraph.jar:target/test-classes org.w3id.newsgraph.bench.QueryCost \
 *     --nt target/bench/corpus-100k/export.nt --tdb target/bench/corpus-100k/store/tdb2 \
 *     --reps 5 [--param src=ngs:synth-000001] queries/leaders.rq queries/quotes.rq
 * </pre>
 *
 * <p>{@code --param NAME=VALUE} (repeatable) sets a variable as {@code newsgraph query --param}
 * does, in each query that has it (the others run as they are; the row names what was set).
 *
 * <p>The memory dataset is what {@code serve} holds (the ontology and the data in one default
 * graph); the store is opened with the union of its named graphs as the default graph, as {@code
 * serve --store} does. Prints one Markdown row per query: rows, then p50 and minimum CPU ms from
 * memory and from TDB2 (after one run not counted), or the error.
 */
public final class QueryCost {
  private QueryCost() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, String> rawParams = new LinkedHashMap<>();
    List<Path> queries = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--param")) {
        String[] pair = args[++i].split("=", 2);
        rawParams.put(pair[0], pair[1]);
      } else if (args[i].startsWith("--")) {
        options.put(args[i], args[++i]);
      } else {
        queries.add(Path.of(args[i]));
      }
    }
    int reps = Integer.parseInt(options.getOrDefault("--reps", "5"));
    Map<String, Dataset> datasets = new LinkedHashMap<>();
    if (options.containsKey("--nt")) {
      Dataset mem = DatasetFactory.createTxnMem();
      Txn.executeWrite(
          mem,
          () -> {
            RDFDataMgr.read(mem, options.get("--nt"));
            RDFDataMgr.read(mem, options.getOrDefault("--ontology", "ontology/newsgraph.ttl"));
          });
      datasets.put("memory", mem);
    }
    if (options.containsKey("--tdb")) {
      Dataset tdb = TDB2Factory.connectDataset(options.get("--tdb"));
      tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
      datasets.put("TDB2", tdb);
    }
    System.out.println("| query | rows | " + String.join(" | ", cpuHeaders(datasets)) + " |");
    Map<String, Node> params = QueryParams.parse(rawParams, Iris.prefixes());
    for (Path file : queries) {
      NamedQuery named = QueryLibrary.load(file);
      Map<String, Node> used = new LinkedHashMap<>();
      Collection<Var> vars =
          OpVars.mentionedVars(Algebra.compile(QueryRunner.parse(named, Iris.prefixes())));
      params.forEach(
          (name, value) -> {
            if (vars.contains(Var.alloc(name))) {
              used.put(name, value);
            }
          });
      Query query = QueryRunner.parse(named, Iris.prefixes(), used);
      StringBuilder row = new StringBuilder("| " + named.name());
      used.keySet()
          .forEach(name -> row.append(" ").append(name).append('=').append(rawParams.get(name)));
      String rows = "?";
      StringBuilder cells = new StringBuilder();
      for (Dataset dataset : datasets.values()) {
        try {
          long[] cpu = new long[reps];
          for (int i = -1; i < reps; i++) {
            long[] result = run(dataset, query);
            rows = Long.toString(result[0]);
            if (i >= 0) {
              cpu[i] = result[1];
            }
          }
          Arrays.sort(cpu);
          cells.append(" | ").append(cpu[reps / 2]).append(" | ").append(cpu[0]);
        } catch (RuntimeException e) {
          cells.append(" | ").append(e.getClass().getSimpleName()).append(" | ");
        }
      }
      System.out.println(row.append(" | ").append(rows).append(cells).append(" |"));
    }
  }

  private static List<String> cpuHeaders(Map<String, Dataset> datasets) {
    List<String> headers = new ArrayList<>();
    datasets.keySet().forEach(name -> headers.addAll(List.of(name + " CPU ms p50", "min")));
    return headers;
  }

  /** Runs {@code text} to its last TSV row; returns the rows and the CPU ms of this thread. */
  private static long[] run(Dataset dataset, Query query) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    long rows =
        Txn.calculateRead(
            dataset,
            () -> {
              try (QueryExecution exec =
                  QueryExecution.dataset(dataset).query(query).timeout(60_000).build()) {
                ResultSetRewindable results = exec.execSelect().rewindable();
                long n = results.size();
                results.reset();
                ResultSetFormatter.outputAsTSV(new ByteArrayOutputStream(), results);
                return n;
              }
            });
    return new long[] {rows, (threads.getCurrentThreadCpuTime() - start) / 1_000_000};
  }
}
