package org.w3id.newsgraph.server;

import org.w3id.newsgraph.load.Layout;
import org.w3id.newsgraph.pages.SourceTexts;
import org.w3id.newsgraph.store.GraphStore;

/**
 * A project loaded in memory and served by a real {@link GraphServer} on an ephemeral port: the
 * fixture of the tests that talk to the server over HTTP. Closing it stops the server and releases
 * the graph.
 */
public final class ServedGraph implements AutoCloseable {
  private final GraphStore store;
  private final GraphServer server;

  private ServedGraph(GraphStore store, GraphServer server) {
    this.store = store;
    this.server = server;
  }

  /**
   * Loads {@code layout} (with the inferred triples if {@code inferred}) and serves it with {@code
   * options} on a free port, with the source texts of the layout.
   */
  public static ServedGraph start(Layout layout, boolean inferred, ServerOptions options) {
    GraphStore store = GraphStore.inMemory(layout, inferred, 10);
    try {
      return new ServedGraph(
          store,
          new GraphServer(store.dataset(), options.withPort(0), SourceTexts.of(layout)).start());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The served graph. */
  public GraphStore store() {
    return store;
  }

  /** The running server. */
  public GraphServer server() {
    return server;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      store.close();
    }
  }
}
