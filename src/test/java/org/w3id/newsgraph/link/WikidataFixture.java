package org.w3id.newsgraph.link;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;

/**
 * The test kit of the linker: a real SPARQL endpoint (embedded Fuseki, loopback only) holding the
 * Wikidata-shaped fixture {@code link/wikidata.ttl}, and a small project (the real ontology, the
 * triples of {@code link/project/}) to link.
 */
public final class WikidataFixture {
  /** The day the tests pretend it is. */
  public static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

  private WikidataFixture() {}

  /** Starts Fuseki on a free loopback port with the fixture at {@code /wikidata}. */
  public static FusekiServer start() {
    Dataset ds = DatasetFactory.createTxnMem();
    try (InputStream in = resource("link/wikidata.ttl")) {
      RDFDataMgr.read(ds, in, org.apache.jena.riot.Lang.TURTLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return FusekiServer.create().port(0).loopback(true).add("/wikidata", ds, false).build().start();
  }

  /** The SPARQL endpoint of a started server. */
  public static URI endpoint(FusekiServer server) {
    return URI.create("http://127.0.0.1:" + server.getPort() + "/wikidata/sparql");
  }

  /** An endpoint nothing listens on. */
  public static URI deadEndpoint() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/sparql");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JDK HTTP server on a free loopback port (not started). */
  public static HttpServer httpServer() {
    try {
      return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the test project under {@code dir}: {@code ontology/} (the real one of the build) and
   * {@code triples/} (from {@code link/project/triples}), and returns {@code dir}.
   */
  public static Path project(Path dir) throws IOException {
    Path onto = Files.createDirectories(dir.resolve("ontology"));
    Files.copy(Path.of("ontology/newsgraph.ttl"), onto.resolve("newsgraph.ttl"));
    Files.copy(Path.of("ontology/shapes.ttl"), onto.resolve("shapes.ttl"));
    Path from = Path.of("src/test/resources/link/project/triples");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path dest = dir.resolve("triples").resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
    return dir;
  }

  /** Options for a test run: no pause between requests, a short timeout. */
  public static LinkOptions options(URI endpoint, Path cache) {
    return new LinkOptions(endpoint, null, Set.of(), 80, 15, false, cache, settings(), 20, TODAY);
  }

  /** HTTP settings for tests: the real User-Agent, no pause, a short timeout. */
  public static WikidataHttp.Settings settings() {
    return new WikidataHttp.Settings(
        WikidataHttp.userAgent("https://w3id.org/newsgraph"),
        Duration.ofSeconds(10),
        Duration.ZERO,
        3,
        Duration.ofSeconds(5));
  }

  private static InputStream resource(String name) {
    InputStream in = WikidataFixture.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    return in;
  }
}
