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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.w3id.newsgraph.load.GraphSink;
import org.w3id.newsgraph.util.DaemonThreads;

/**
 * A {@link GraphSink} that writes each graph as it comes, as N-Triples or N-Quads lines (the
 * graph's IRI as the fourth term), so an export never holds more than one article. Within each
 * graph the lines are sorted, and graphs come in the order the loader reads them (articles by file
 * name, then the entities, then the links): the same inputs give the same bytes. A triple that two
 * articles both assert is written once per article (N-Triples readers merge them; N-Quads keeps
 * both).
 *
 * <p>The lines are made, sorted and written on a thread of their own, in the order the graphs came,
 * while the loader reads the next article; at most two graphs wait for it. A failure to write is
 * thrown by the next call after it, at the latest by {@link #close}.
 */
public final class GraphStreamWriter implements GraphSink, AutoCloseable {
  private final Writer out;
  private final boolean quads;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(DaemonThreads.named("newsgraph-export"));
  private final Semaphore waiting = new Semaphore(2);
  private volatile Throwable failed;
  private long written;

  /**
   * @param out where the lines go (buffered here; {@link #close} flushes but does not close it)
   * @param format {@link ExportFormat#NTRIPLES} or {@link ExportFormat#NQUADS}
   */
  public GraphStreamWriter(OutputStream out, ExportFormat format) {
    this.out = buffered(out, format);
    this.quads = format == ExportFormat.NQUADS;
  }

  @Override
  public void graph(String graphIri, Graph triples) {
    rethrow();
    waiting.acquireUninterruptibly();
    writer.execute(
        () -> {
          try {
            if (failed == null) {
              write(graphIri, triples);
            }
          } catch (RuntimeException | Error e) {
            failed = e;
          } finally {
            waiting.release();
          }
        });
  }

  private void write(String graphIri, Graph triples) {
    written += writeLines(out, quads, graphIri, triples);
  }

  /**
   * Writes one graph's lines, sorted, to {@code out} on the calling thread and flushes them (a
   * single graph needs no thread of its own: e.g. one graph to send to a remote store).
   *
   * @param out where the lines go (buffered here; flushed, not closed)
   * @param format {@link ExportFormat#NTRIPLES} or {@link ExportFormat#NQUADS}
   * @param graphIri the graph's IRI, written as the fourth term of N-Quads
   * @return how many lines were written
   * @throws UncheckedIOException if {@code out} cannot be written
   */
  public static long write(OutputStream out, ExportFormat format, String graphIri, Graph triples) {
    Writer w = buffered(out, format);
    long n = writeLines(w, format == ExportFormat.NQUADS, graphIri, triples);
    try {
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  private static Writer buffered(OutputStream out, ExportFormat format) {
    if (format != ExportFormat.NTRIPLES && format != ExportFormat.NQUADS) {
      throw new IllegalArgumentException("not a line format: " + format);
    }
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  private static long writeLines(Writer out, boolean quads, String graphIri, Graph triples) {
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
    return lines.size();
  }

  /**
   * A node as an N-Triples term, as Jena's {@link NodeFmtLib#strNT} writes it. Jena writes a term
   * one character at a time, checking each for an escape; an IRI of printable ASCII that needs none
   * (every IRI NewsGraph mints), and a literal without a language whose text needs no escape, are
   * written here as they are, which is most of the export's own time saved ({@code
   * GraphStreamWriterTest} compares the two).
   */
  static String term(Node node) {
    if (node.isURI()) {
      String iri = node.getURI();
      if (plainAscii(iri)) {
        return "<" + iri + ">";
      }
    } else if (node.isLiteral() && node.getLiteralLanguage().isEmpty()) {
      String text = node.getLiteralLexicalForm();
      String datatype = node.getLiteralDatatypeURI();
      if (plainText(text)) {
        if (XSDDatatype.XSDstring.getURI().equals(datatype)) {
          return '"' + text + '"';
        } else if (plainAscii(datatype)) {
          return '"' + text + "\"^^<" + datatype + '>';
        }
      }
    }
    return NodeFmtLib.strNT(node);
  }

  /** The printable ASCII characters N-Triples writes as they are inside {@code <>}, as bits. */
  private static final long[] IRI_PLAIN = bits(0x21, 0x7F, "<>\"{}|^`\\");

  /** The characters below 128 N-Triples writes as they are inside {@code ""}, as bits. */
  private static final long[] TEXT_PLAIN = bits(0x20, 0x80, "\"\\");

  private static long[] bits(int from, int to, String except) {
    long[] bits = new long[2];
    for (char c = (char) from; c < to; c++) {
      if (except.indexOf(c) < 0) {
        bits[c >> 6] |= 1L << c;
      }
    }
    return bits;
  }

  private static boolean in(long[] bits, char c) {
    return c < 128 && (bits[c >> 6] & (1L << c)) != 0;
  }

  /** Whether an IRI has only printable ASCII that N-Triples writes as it is inside {@code <>}. */
  private static boolean plainAscii(String iri) {
    for (int i = 0; i < iri.length(); i++) {
      if (!in(IRI_PLAIN, iri.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a literal's text is written as it is inside {@code ""}: no quote, backslash or control
   * character, and no U+FFFD (which Jena escapes); other characters outside ASCII are written as
   * they are, in UTF-8.
   */
  private static boolean plainText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 128 ? !in(TEXT_PLAIN, c) : c == '\uFFFD') {
        return false;
      }
    }
    return true;
  }

  private void rethrow() {
    Throwable e = failed;
    if (e instanceof RuntimeException r) {
      throw r;
    } else if (e instanceof Error err) {
      throw err;
    }
  }

  /** How many lines were written (once {@link #close closed}). */
  public long written() {
    return written;
  }

  /** Waits for every graph to be written and flushes what is buffered. */
  @Override
  public void close() {
    writer.shutdown();
    boolean done = false;
    while (!done) {
      try {
        done = writer.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        writer.shutdownNow();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing", e);
      }
    }
    rethrow();
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
