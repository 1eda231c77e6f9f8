package org.w3id.newsgraph.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.InvalidPropertyURIException;
import org.apache.jena.shared.JenaException;
import org.apache.jena.shared.PrefixMapping;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.GraphSink;
import org.w3id.newsgraph.load.LoadException;
import org.w3id.newsgraph.model.Iris;
import org.w3id.newsgraph.util.AtomicFile;

/**
 * Writes the asserted and the inferred triples in one of the {@link ExportFormat}s. Turtle,
 * N-Triples and TriG are sorted, so the same graph always gives the same bytes.
 */
public final class Exporter {
  private Exporter() {}

  /**
   * Writes {@code asserted} and {@code inferred} (which may be null) to {@code out}. TriG keeps
   * them apart: the asserted triples in the default graph, the inferred ones in the named graph
   * {@link Iris#INFERRED_GRAPH}; the other formats write them together. Flushes but does not close
   * {@code out}.
   *
   * @throws UncheckedIOException if {@code out} fails
   * @throws NewsGraphException if the graph has RDF 1.2 triple terms and the format is JSON-LD or
   *     RDF/XML
   * @throws org.apache.jena.shared.JenaException if the triples cannot be written in the format
   *     (e.g. a property IRI that RDF/XML cannot express)
   */
  public static void write(
      Graph asserted,
      Graph inferred,
      PrefixMapping prefixes,
      ExportFormat format,
      OutputStream out) {
    switch (format) {
      case TURTLE -> SortedTurtleWriter.write(union(asserted, inferred), prefixes, out);
      case NTRIPLES -> {
        // Line by line: never the whole output in one String.
        try {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          for (String line : SortedTurtleWriter.ntriplesLines(union(asserted, inferred))) {
            w.write(line);
            w.write('\n');
          }
          w.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      case TRIG ->
          SortedTurtleWriter.writeTrig(asserted, Iris.INFERRED_GRAPH, inferred, prefixes, out);
      case NQUADS -> {
        // The asserted triples in the default graph, the inferred ones in their named graph.
        // N-Triples lines: no graph name is written
        GraphStreamWriter.write(out, ExportFormat.NTRIPLES, "", asserted);
        if (inferred != null) {
          GraphStreamWriter.write(out, ExportFormat.NQUADS, Iris.INFERRED_GRAPH, inferred);
        }
      }
      case JSONLD, RDFXML -> jena(union(asserted, inferred), prefixes, format, out);
    }
  }

  /**
   * Writes as {@link #write} does, to the file {@code target}. The output goes to a temporary file
   * beside {@code target} that is then moved into place, so a failure leaves any existing file as
   * it was and no partial file behind.
   *
   * @throws NewsGraphException if the directory does not exist, the file cannot be written, or the
   *     triples cannot be written in the format
   */
  public static void writeFile(
      Graph asserted, Graph inferred, PrefixMapping prefixes, ExportFormat format, Path target) {
    atomically(target, format, out -> write(asserted, inferred, prefixes, format, out));
  }

  /** Streams a load into a sink (e.g. {@code sink -> GraphLoader.stream(..., sink, ...)}). */
  @FunctionalInterface
  public interface Load {
    /** Runs the load, handing every graph to {@code sink}; throws if the load fails. */
    void into(GraphSink sink);
  }

  /**
   * Streams what {@code load} hands over to {@code target} as N-Triples or N-Quads, one graph at a
   * time, never the whole output in memory; atomically, as {@link #writeFile}: a load that fails
   * leaves no file and any previous one as it was.
   *
   * @return how many lines were written
   */
  public static long streamFile(Load load, ExportFormat format, Path target) {
    long[] written = new long[1];
    atomically(
        target,
        format,
        out -> {
          GraphStreamWriter lines = new GraphStreamWriter(out, format);
          try (lines) {
            load.into(lines);
          }
          written[0] = lines.written(); // once closed: the lines are written on their own thread
        });
    return written[0];
  }

  /**
   * Streams as {@link #streamFile} does, to {@code out}: through a temporary file, so that a load
   * that fails half way writes nothing to {@code out}.
   *
   * @return how many lines were written
   */
  public static long stream(Load load, ExportFormat format, OutputStream out) {
    Path temp;
    try {
      temp = Files.createTempFile("newsgraph-export", "." + format.fileExtension());
    } catch (IOException e) {
      throw new NewsGraphException("cannot create a temporary file: " + message(e), e);
    }
    try {
      long written = streamFile(load, format, temp);
      Files.copy(temp, out);
      out.flush();
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // a temporary file left behind is harmless
      }
    }
  }

  private static void atomically(Path target, ExportFormat format, AtomicFile.Content content) {
    Path file = target.toAbsolutePath().normalize();
    Path dir = file.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new NewsGraphException(
          ErrorId.CANNOT_WRITE,
          "cannot write "
              + target
              + ": directory "
              + (dir == null ? target : dir)
              + " does not exist");
    }
    if (Files.isDirectory(file)) {
      throw new NewsGraphException(
          ErrorId.CANNOT_WRITE, "cannot write " + target + ": it is a directory");
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new NewsGraphException(
          ErrorId.CANNOT_WRITE, "cannot write " + target + ": the file is not writable");
    }
    try {
      AtomicFile.write(file, content);
    } catch (IOException | UncheckedIOException e) {
      throw new NewsGraphException(
          ErrorId.CANNOT_WRITE, "cannot write " + target + ": " + message(e), e);
    } catch (LoadException e) {
      throw e; // the input is at fault, not the file: its problems as they are
    } catch (NewsGraphException e) {
      throw new NewsGraphException(
          ErrorId.CANNOT_WRITE, "cannot write " + target + ": " + e.getMessage(), e);
    } catch (InvalidPropertyURIException e) {
      throw new NewsGraphException(
          ErrorId.CANNOT_WRITE,
          "cannot write "
              + target
              + " as "
              + format.displayName()
              + ": the property <"
              + e.getMessage()
              + "> has no legal XML local name; use another format",
          e);
    } catch (JenaException e) {
      throw new NewsGraphException(
          ErrorId.CANNOT_WRITE,
          "cannot write " + target + " as " + format.displayName() + ": " + e.getMessage(),
          e);
    }
  }

  private static String message(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (cause instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (cause instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  /** Writes with Jena's JSON-LD or RDF/XML writer, which know nothing of RDF 1.2 triple terms. */
  private static void jena(
      Graph graph, PrefixMapping prefixes, ExportFormat format, OutputStream out) {
    if (graph.stream()
        .anyMatch(t -> t.getSubject().isTripleTerm() || t.getObject().isTripleTerm())) {
      throw new NewsGraphException(
          ErrorId.CANNOT_WRITE,
          format.displayName()
              + " cannot express RDF 1.2 triple terms; use turtle, ntriples or trig");
    }
    if (prefixes != null) {
      graph.getPrefixMapping().setNsPrefixes(prefixes);
    }
    RDFFormat jenaFormat =
        format == ExportFormat.JSONLD ? RDFFormat.JSONLD11_PRETTY : RDFFormat.RDFXML_PLAIN;
    RDFWriter.source(graph).format(jenaFormat).output(out);
  }

  /** A new graph with the triples of both (inferred may be null). */
  private static Graph union(Graph asserted, Graph inferred) {
    Graph all = GraphMemFactory.createDefaultGraph();
    GraphUtil.addInto(all, asserted);
    if (inferred != null) {
      GraphUtil.addInto(all, inferred);
    }
    return all;
  }
}
