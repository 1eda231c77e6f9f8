package org.w3id.newsgraph.link;

import java.time.Duration;

/**
 * What a run of the linker tells while it works, for a command to show: how far each kind of
 * question got, how many requests were sent, and each pause a busy service asked for. The library
 * never prints; a command decides whether and where to show it.
 */
public interface LinkProgress {
  /** Shows nothing. */
  LinkProgress NONE =
      new LinkProgress() {
        @Override
        public void asked(String what, int done, int total, int requests) {}

        @Override
        public void waiting(String service, int status, Duration wait) {}
      };

  /**
   * {@code done} of {@code total} keys of one kind were answered (from the cache or the service).
   *
   * @param what the kind of question: "names", "items" or "classes"
   * @param requests the HTTP requests sent so far in this run
   */
  void asked(String what, int done, int total, int requests);

  /** The service answered HTTP {@code status} (429 or 503); the linker waits {@code wait}. */
  void waiting(String service, int status, Duration wait);
}
