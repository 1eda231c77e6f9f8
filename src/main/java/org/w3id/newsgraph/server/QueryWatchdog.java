package org.w3id.newsgraph.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;
import org.w3id.newsgraph.util.DaemonThreads;

/**
 * Cuts a query at its deadline, whatever Jena is doing. Jena's own query timeouts run on one shared
 * {@code AlarmClock} thread, and their callback waits for a lock that the query holds while it
 * builds its iterators; a query with a large OFFSET skips its rows right there (in {@code
 * QueryIterSlice}'s constructor), so the alarm thread waits for it and every other query's timeout
 * waits too. The watchdog only sets the execution's cancel signal, an {@link AtomicBoolean} that
 * every Jena iterator checks on each row, without any lock: it can never be blocked, so one query
 * cannot delay another's deadline. The query then fails with {@code QueryCancelledException}, which
 * Fuseki answers with 503.
 */
final class QueryWatchdog {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("newsgraph-query-watchdog"));

  private QueryWatchdog() {}

  /** A deadline for one execution; closing it (the query is over) disarms it. */
  static final class Watch implements AutoCloseable {
    private final ScheduledFuture<?> alarm;

    private Watch(ScheduledFuture<?> alarm) {
      this.alarm = alarm;
    }

    @Override
    public void close() {
      alarm.cancel(false);
    }
  }

  /** Arms a deadline {@code millis} from now for {@code exec}. */
  static Watch watch(QueryExec exec, long millis) {
    AtomicBoolean cancel = Context.getOrSetCancelSignal(exec.getContext());
    return new Watch(TIMER.schedule(() -> cancel.set(true), millis, TimeUnit.MILLISECONDS));
  }
}
