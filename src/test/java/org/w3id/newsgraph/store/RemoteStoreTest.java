package org.w3id.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.load.LoadListener;

/** What {@link RemoteStore} does before any store answers it (the store itself: RemoteStoreIT). */
class RemoteStoreTest {
  @TempDir Path tmp;

  @Test
  void theUrlsPasswordIsNeverShownNorSentOnToWhereARedirectPoints() throws Exception {
    // A real HTTP server in front of the store, as a proxy that moved it would answer: 301.
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          seen.add(path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
          if (path.equals("/ds")) {
            exchange.getResponseHeaders().add("Location", "/moved/ds");
            exchange.sendResponseHeaders(301, -1);
          } else {
            exchange.sendResponseHeaders(404, -1);
          }
          exchange.close();
        });
    server.start();
    try {
      String base = "127.0.0.1:" + server.getAddress().getPort() + "/ds";
      RemoteStore store = new RemoteStore(URI.create("http://editor:s3cret-word@" + base));
      assertEquals("http://" + base, store.dataset().toString());
      NewsGraphException moved =
          assertThrows(
              NewsGraphException.class,
              () -> store.push(TestProject.copy(tmp).layout(), 10, LoadListener.NONE));
      assertTrue(moved.getMessage().contains("HTTP 301"), moved.getMessage());
      assertTrue(moved.getMessage().contains("the store moved to /moved/ds"), moved.getMessage());
      assertFalse(moved.getMessage().contains("s3cret-word"), moved.getMessage());
      // The one request went to the URL given, with the password; none followed the redirect.
      assertEquals(1, seen.size(), seen.toString());
      assertTrue(seen.get(0).startsWith("/ds Basic "), seen.toString());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aUrlThatIsNotHttpIsRefusedWithoutItsPassword() {
    NewsGraphException e =
        assertThrows(
            NewsGraphException.class,
            () -> new RemoteStore(URI.create("ftp://editor:s3cret-word@127.0.0.1/ds")));
    assertEquals("not an http or https URL: ftp://127.0.0.1/ds", e.getMessage());
  }
}
