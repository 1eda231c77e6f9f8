package org.w3id.newsgraph.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the tests: java.net.http, nothing of Jena's. */
public final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http() {}

  /** The shared client. */
  public static HttpClient client() {
    return CLIENT;
  }

  /** POSTs {@code query=...} as an HTML form would, with an Accept header. */
  public static HttpResponse<String> query(String endpoint, String query, String accept) {
    return send(
        HttpRequest.newBuilder(URI.create(endpoint))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString("query=" + encode(query)))
            .build());
  }

  /** GETs {@code url} with an Accept header. */
  public static HttpResponse<String> get(String url, String accept) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", accept)
            .GET()
            .build());
  }

  /**
   * Sends {@code request} and reads the body as text. Tried a second time if a pooled keep-alive
   * connection turns out to have been closed by the server just as it was reused (a race of every
   * HTTP/1.1 client, not an answer of the server).
   */
  public static HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Sends {@code request} and keeps the body as bytes (as sent: nothing is decompressed). */
  public static HttpResponse<byte[]> sendBytes(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      try {
        return CLIENT.send(request, body);
      } catch (IOException e) {
        if (!staleConnection(e)) {
          throw e;
        }
        return CLIENT.send(request, body);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean staleConnection(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("received no bytes")
          || m.contains("Broken pipe")
          || m.contains("Connection reset")) {
        return true;
      }
    }
    return false;
  }

  /** URL-encodes a form value. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The Content-Type of a response, or "". */
  public static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }
}
