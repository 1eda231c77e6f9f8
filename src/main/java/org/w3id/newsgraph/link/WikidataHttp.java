package org.w3id.newsgraph.link;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.newsgraph.NewsGraphException;

/**
 * HTTP to a SPARQL endpoint or to Wikidata's web API, as Wikimedia asks of its clients: a
 * descriptive User-Agent with a contact, one request at a time at a polite pace, a timeout, and on
 * HTTP 429 or 503 a pause of the time {@code Retry-After} asks for (or a growing back-off) before
 * trying again.
 */
public final class WikidataHttp {
  private static final Logger LOG = LoggerFactory.getLogger(WikidataHttp.class);

  /**
   * How to behave.
   *
   * @param userAgent the User-Agent header: a name, a version and a contact
   * @param timeout how long to wait for an answer (and for a connection)
   * @param interval the least time between the starts of two requests
   * @param retries how often to try again after HTTP 429 or 503
   * @param maxWait the longest pause before a retry; a longer Retry-After is an error
   */
  public record Settings(
      String userAgent, Duration timeout, Duration interval, int retries, Duration maxWait) {}

  /** How a pause is taken: {@link Thread#sleep} here, a recorder in tests. */
  @FunctionalInterface
  interface Pause {
    /** Waits {@code d}. */
    void take(Duration d) throws InterruptedException;
  }

  private final Settings settings;
  private final Pause pause;
  private final HttpClient client;
  private long lastStart;
  private boolean started;
  private int requests;
  private LinkProgress progress = LinkProgress.NONE;

  public WikidataHttp(Settings settings) {
    this(settings, d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000)));
  }

  /** With {@code pause} taking the pauses (a test's, so that it need not wait them out). */
  WikidataHttp(Settings settings, Pause pause) {
    this.settings = settings;
    this.pause = pause;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** Where to tell each pause before a retry. */
  synchronized void progress(LinkProgress listener) {
    this.progress = listener;
  }

  /** The User-Agent NewsGraph sends: {@code NewsGraph/<version> (<contact>) Java/<version>}. */
  public static String userAgent(String contact) {
    String version = WikidataHttp.class.getPackage().getImplementationVersion();
    return "NewsGraph/"
        + (version == null ? "dev" : version)
        + " ("
        + contact
        + ") Java/"
        + Runtime.version().feature();
  }

  /** How many HTTP requests were sent so far, retries included. */
  public synchronized int requests() {
    return requests;
  }

  /**
   * Runs a SPARQL query (an HTML-form POST, as the SPARQL 1.1 Protocol allows) and returns the body
   * of the answer, in the SPARQL JSON results format.
   *
   * @throws NewsGraphException if the endpoint cannot be reached, does not answer in time or
   *     answers with an error
   */
  public synchronized String sparql(URI endpoint, String query) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(settings.timeout())
            .header("User-Agent", settings.userAgent())
            .header("Accept", "application/sparql-results+json")
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
            .build();
    return send(request, endpoint);
  }

  /**
   * GETs {@code url} and returns the body (JSON from Wikidata's web API).
   *
   * @throws NewsGraphException as {@link #sparql}
   */
  public synchronized String get(URI url) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(settings.timeout())
            .header("User-Agent", settings.userAgent())
            .header("Accept", "application/json")
            .GET()
            .build();
    return send(request, URI.create(url.getScheme() + "://" + url.getAuthority() + url.getPath()));
  }

  private String send(HttpRequest request, URI shown) {
    for (int attempt = 0; ; attempt++) {
      pace();
      requests++;
      HttpResponse<String> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (HttpConnectTimeoutException e) {
        throw unreachable(shown, "no connection within " + seconds(settings.timeout()), e);
      } catch (HttpTimeoutException e) {
        throw new NewsGraphException(
            "no answer from "
                + shown
                + " within "
                + seconds(settings.timeout())
                + "; try again later or raise --timeout",
            e);
      } catch (IOException e) {
        throw unreachable(shown, describe(e), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NewsGraphException("interrupted while waiting for " + shown, e);
      }
      int code = response.statusCode();
      if (code == 200) {
        return response.body();
      }
      if ((code == 429 || code == 503) && attempt < settings.retries()) {
        Duration wait = retryAfter(response).orElse(backOff(attempt));
        if (wait.compareTo(settings.maxWait()) > 0) {
          throw new NewsGraphException(
              shown
                  + " answered HTTP "
                  + code
                  + " and asks to wait "
                  + seconds(wait)
                  + "; try again later");
        }
        LOG.warn("{} answered HTTP {}; trying again in {}", shown, code, seconds(wait));
        progress.waiting(shown.toString(), code, wait);
        sleep(wait);
        continue;
      }
      throw new NewsGraphException(
          shown + " answered HTTP " + code + firstLine(response.body()) + tries(attempt));
    }
  }

  /** Waits until {@code interval} has passed since the start of the previous request. */
  private void pace() {
    long now = System.nanoTime();
    if (started) {
      long wait = lastStart + settings.interval().toNanos() - now;
      if (wait > 0) {
        sleep(Duration.ofNanos(wait));
      }
    }
    started = true;
    lastStart = System.nanoTime();
  }

  private Duration backOff(int attempt) {
    Duration d = Duration.ofSeconds(1L << Math.min(attempt, 10));
    return d.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : d;
  }

  /** Retry-After as seconds or as an HTTP date (RFC 9110). */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> value = response.headers().firstValue("Retry-After").map(String::strip);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get();
    if (v.matches("[0-9]{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private void sleep(Duration d) {
    try {
      pause.take(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NewsGraphException("interrupted while waiting to send a request", e);
    }
  }

  private static NewsGraphException unreachable(URI shown, String why, Exception e) {
    return new NewsGraphException(
        "cannot reach "
            + shown
            + ": "
            + why
            + "; check --endpoint and the network, or use --offline to work from the links file"
            + " and the cache",
        e);
  }

  private static String describe(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException) {
        return "host not found";
      }
      if (t instanceof ConnectException) {
        return "connection refused (nothing answers at that address and port)";
      }
    }
    if (e.getMessage() != null && !e.getMessage().isBlank()) {
      return e.getMessage();
    }
    return e.getCause() != null ? e.getCause().toString() : e.getClass().getSimpleName();
  }

  private static String firstLine(String body) {
    String line = body == null ? "" : body.strip().lines().findFirst().orElse("");
    if (line.length() > 200) {
      line = line.substring(0, 200) + "...";
    }
    return line.isEmpty() ? "" : ": " + line;
  }

  private static String tries(int attempt) {
    return attempt == 0 ? "" : " (after " + (attempt + 1) + " tries)";
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0
        ? ms / 1000 + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
