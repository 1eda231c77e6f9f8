package org.w3id.newsgraph.cli;

import java.util.concurrent.CountDownLatch;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sys.JenaSystem;
import org.slf4j.LoggerFactory;

/**
 * The start of {@code serve} on two cores: while the main thread reads the command line and then
 * the graph, a second thread initialises Logback and Jena, then builds (never starts) a throwaway
 * Fuseki server over an empty dataset, so that the real server's classes are ready when the main
 * thread gets to them. Takes about 0.15 s off a start of 1.5 s.
 *
 * <p>Two threads that begin Jena's initialisation at once can deadlock, so the main thread touches
 * no Jena class until {@link #awaitJena()} returns ({@link Main} calls it between parsing and
 * running the command), and none of the server's classes until {@link #await()} returns ({@link
 * ServeCommand} calls it before it builds the server). Only for {@code serve}, whose options name
 * no Jena type.
 */
final class Warmup {
  private static final CountDownLatch JENA = new CountDownLatch(1);
  private static final CountDownLatch DONE = new CountDownLatch(1);
  private static volatile Thread thread;

  private Warmup() {}

  /** Starts the warm-up thread (once). */
  static synchronized void start() {
    if (thread != null) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                LoggerFactory.getILoggerFactory();
                JenaSystem.init();
                // The classes of the in-memory graph the main thread reads next.
                DatasetGraphFactory.createTxnMem();
              } finally {
                JENA.countDown();
              }
              try {
                FusekiServer.create()
                    .fusekiModules(FusekiModules.empty())
                    .port(0)
                    .add("/warmup", DatasetGraphFactory.createTxnMem(), false)
                    .build();
              } finally {
                DONE.countDown();
              }
            },
            "newsgraph-warmup");
    t.setDaemon(true);
    t.start();
    thread = t;
  }

  /** Waits until Jena is initialised (at once when no warm-up was started). */
  static void awaitJena() {
    if (thread != null) {
      awaitUninterruptibly(JENA);
    }
  }

  /** Waits until the whole warm-up has finished (at once when none was started). */
  static void await() {
    if (thread != null) {
      awaitUninterruptibly(DONE);
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (latch.getCount() > 0) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether a warm-up was started and has not finished. */
  static boolean running() {
    return thread != null && DONE.getCount() > 0;
  }
}
