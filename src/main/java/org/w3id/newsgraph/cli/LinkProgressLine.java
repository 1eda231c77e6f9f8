package org.w3id.newsgraph.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.w3id.newsgraph.link.LinkProgress;

/**
 * Shows the linker's progress on one line of standard error, rewritten in place: what is being
 * asked, how far, how many requests, and each pause a busy service asked for.
 */
final class LinkProgressLine implements LinkProgress {
  private final TerminalLine line;

  LinkProgressLine(PrintStream err, boolean on) {
    this.line = new TerminalLine(err, on);
  }

  @Override
  public void asked(String what, int done, int total, int requests) {
    show(
        String.format(
            Locale.ROOT,
            "asking %s: %d of %d done, %d request%s",
            what,
            done,
            total,
            requests,
            requests == 1 ? "" : "s"));
  }

  @Override
  public void waiting(String service, int status, Duration wait) {
    show(
        String.format(
            Locale.ROOT,
            "%s answered HTTP %d: waiting %.1f s before trying again",
            service,
            status,
            wait.toMillis() / 1000.0));
  }

  private void show(String text) {
    line.show(text);
  }

  /** Ends the line, so what follows starts on a line of its own. */
  void end() {
    line.end();
  }
}
