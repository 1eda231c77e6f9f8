package org.w3id.newsgraph.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.w3id.newsgraph.load.LoadListener;

/**
 * Shows a long load's progress on one terminal line (articles done, facts/s, ETA), rewritten in
 * place on standard error at most five times a second. Made only when standard output is a
 * terminal; otherwise commands use {@link LoadListener#NONE} and print nothing of this.
 */
final class ProgressLine implements LoadListener {
  private static final long EVERY_NANOS = 200_000_000L;

  private final TerminalLine out;
  private final String what;
  private long start;
  private long lastShown;
  private int total;
  private int done;
  private long facts;
  private boolean shown;
  private long sendStart;

  ProgressLine(PrintStream err, String what) {
    this.out = new TerminalLine(err, true);
    this.what = what;
  }

  /** A progress line on {@code err} when the process runs on a terminal, else nothing. */
  static LoadListener forTerminal(PrintStream err, String what) {
    return System.console() != null ? new ProgressLine(err, what) : LoadListener.NONE;
  }

  @Override
  public void started(int articles) {
    total = articles;
    start = System.nanoTime();
    lastShown = start;
  }

  @Override
  public void articleDone(String sourceId, long count) {
    done++;
    facts += count;
    long now = System.nanoTime();
    if (now - lastShown >= EVERY_NANOS) {
      lastShown = now;
      show(now);
    }
  }

  @Override
  public void finished() {
    if (shown) {
      show(System.nanoTime());
      out.end();
    }
  }

  @Override
  public void sent(int graphs, int total) {
    long now = System.nanoTime();
    if (graphs == 0) {
      sendStart = now;
      lastShown = now;
    } else if (graphs == total || now - lastShown >= EVERY_NANOS) {
      lastShown = now;
      out.show(sendLine(graphs, total, now - sendStart));
      if (graphs == total) {
        out.end();
      }
    }
  }

  /** The text of the line while sending, e.g. {@code sending: 1200/5000 graphs, ETA 3:10}. */
  String sendLine(int graphs, int total, long elapsedNanos) {
    StringBuilder sb =
        new StringBuilder("sending: ").append(graphs).append('/').append(total).append(" graphs");
    return eta(sb, graphs, total, Math.max(elapsedNanos / 1e9, 1e-3)).toString();
  }

  /** Appends {@code ", ETA m:ss"} while some of {@code total} are not {@code done}. */
  private static StringBuilder eta(StringBuilder sb, int done, int total, double seconds) {
    if (done > 0 && done < total) {
      long eta = Math.round(seconds / done * (total - done));
      sb.append(String.format(Locale.ROOT, ", ETA %d:%02d", eta / 60, eta % 60));
    }
    return sb;
  }

  private void show(long now) {
    out.show(line(done, total, facts, now - start));
    shown = true;
  }

  /** The text of the line, e.g. {@code loading: 120/1000 articles, 24000 facts, 51234 facts/s}. */
  String line(int articlesDone, int articles, long factsDone, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    long rate = Math.round(factsDone / seconds);
    StringBuilder sb =
        new StringBuilder(what)
            .append(": ")
            .append(articlesDone)
            .append('/')
            .append(articles)
            .append(" articles, ")
            .append(factsDone)
            .append(" facts, ")
            .append(rate)
            .append(" facts/s");
    return eta(sb, articlesDone, articles, seconds).toString();
  }
}
