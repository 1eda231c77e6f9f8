package org.w3id.newsgraph.cli;

import java.io.PrintStream;

/**
 * One line of standard error rewritten in place ({@code \r}), for progress on a terminal; a line
 * made with {@code on = false} prints nothing.
 */
final class TerminalLine {
  private final PrintStream err;
  private final boolean on;
  private int width;

  TerminalLine(PrintStream err, boolean on) {
    this.err = err;
    this.on = on;
  }

  /** Replaces the line's text with {@code text}. */
  void show(String text) {
    if (!on) {
      return;
    }
    String pad = " ".repeat(Math.max(0, width - text.length()));
    err.print("\r" + text + pad);
    err.flush();
    width = text.length();
  }

  /** Ends the line, so what follows starts on a line of its own. */
  void end() {
    if (on && width > 0) {
      err.println();
      err.flush();
      width = 0;
    }
  }
}
