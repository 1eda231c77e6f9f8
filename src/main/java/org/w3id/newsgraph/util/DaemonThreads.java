package org.w3id.newsgraph.util;

import java.util.concurrent.ThreadFactory;

/** Threads that do not keep the JVM alive, named for thread dumps and profiles. */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** A factory of daemon threads called {@code name}. */
  public static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
