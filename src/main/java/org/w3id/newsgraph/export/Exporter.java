package org.w3id.newsgraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
        StringBuilder sb = new StringBuilder();
        SortedTurtleWriter.ntriplesLines(union(asserted, inferred))
            .forEach(line -> sb.append(line).append('\n'));
        SortedTurtleWriter.writeUtf8(sb.toString(), out);
      }
      case TRIG ->
          SortedTurtleWriter.writeTrig(asserted, Iris.INFERRED_GRAPH, inferred, prefixes, out);
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
      AtomicFile.write(file, out -> write(asserted, inferred, prefixes, format, out));
    } catch (IOException | UncheckedIOException e) {
      throw new NewsGraphException(
          ErrorId.CANNOT_WRITE, "cannot write " + target + ": " + message(e), e);
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
