package org.w3id.newsgraph.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.w3id.newsgraph.load.GraphSink;

/**
 * A {@link GraphSink} that writes each graph as it comes, as N-Triples or N-Quads lines (the
 * graph's IRI as the fourth term), so an export never holds more than one article. Within each
 * graph the lines are sorted, and graphs come in the order the loader reads them (articles by file
 * name, then the entities, then the links): the same inputs give the same bytes. A triple that two
 * articles both assert is written once per article (N-Triples readers merge them; N-Quads keeps
 * both).
 */
public final class GraphStreamWriter implements GraphSink, AutoCloseable {
  private final Writer out;
  private final boolean quads;
  private long written;

  /**
   * @param out where the lines go (buffered here; {@link #close} flushes but does not close it)
   * @param format {@link ExportFormat#NTRIPLES} or {@link ExportFormat#NQUADS}
   */
  public GraphStreamWriter(OutputStream out, ExportFormat format) {
    if (format != ExportFormat.NTRIPLES && format != ExportFormat.NQUADS) {
      throw new IllegalArgumentException("not a line format: " + format);
    }
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    this.quads = format == ExportFormat.NQUADS;
  }

  @Override
  public void graph(String graphIri, Graph triples) {
    String end = quads ? " <" + graphIri + "> .\n" : " .\n";
    List<String> lines = new ArrayList<>(triples.size());
    triples
        .find()
        .forEachRemaining(
            (Triple t) ->
                lines.add(
                    term(t.getSubject())
                        + ' '
                        + term(t.getPredicate())
                        + ' '
                        + term(t.getObject())));
    lines.sort(null);
    try {
      for (String line : lines) {
        out.write(line);
        out.write(end);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    written += lines.size();
  }

  /**
   * A node as an N-Triples term, as Jena's {@link NodeFmtLib#strNT} writes it. Jena writes an IRI
   * one character at a time, checking each for an escape; an IRI of printable ASCII that needs none
   * (every IRI NewsGraph mints) is written here as it is, which is most of the export's own time
   * saved.
   */
  static String term(Node node) {
    if (node.isURI()) {
      String iri = node.getURI();
      if (plainAscii(iri)) {
        return "<" + iri + ">";
      }
    }
    return NodeFmtLib.strNT(node);
  }

  /** Whether an IRI has only printable ASCII that N-Triples writes as it is inside {@code <>}. */
  private static boolean plainAscii(String iri) {
    for (int i = 0; i < iri.length(); i++) {
      char c = iri.charAt(i);
      if (c <= 0x20 || c >= 0x7F || "<>\"{}|^`\\".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** How many lines were written. */
  public long written() {
    return written;
  }

  /** Flushes what is buffered. */
  @Override
  public void close() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
