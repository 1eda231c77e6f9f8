package org.w3id.newsgraph.server;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.newsgraph.ErrorId;
import org.w3id.newsgraph.NewsGraphException;
import org.w3id.newsgraph.query.NamedQuery;

/**
 * How a {@link GraphServer} listens and what it allows. The defaults are the safe ones: loopback
 * only, a 10 s query timeout, no federated {@code SERVICE} calls, request bodies up to 1 MiB.
 *
 * @param host the address to listen on ({@value #DEFAULT_HOST} by default: this machine only)
 * @param port the port; 0 picks a free one
 * @param timeout the longest a query may run; a query cut short gets an error status
 * @param allowService whether queries may call other endpoints with {@code SERVICE}
 * @param maxBodyBytes the largest request body accepted; a larger one gets 413
 * @param maxRows the most rows a SELECT may return (results are buffered so that a timeout is an
 *     error status, never a truncated success); a larger result gets 503
 * @param queries the named queries the query page offers as examples
 * @param allowedHosts host names the server answers for besides localhost, IP addresses and {@code
 *     host} (e.g. the name of a reverse proxy); a request for any other name (DNS rebinding) gets
 *     421
 */
public record ServerOptions(
    String host,
    int port,
    Duration timeout,
    boolean allowService,
    long maxBodyBytes,
    long maxRows,
    List<NamedQuery> queries,
    List<String> allowedHosts) {

  /** This machine only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Fuseki's usual port. */
  public static final int DEFAULT_PORT = 3030;

  /** The default query timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** The default request body limit: 1 MiB. */
  public static final long DEFAULT_MAX_BODY = 1024 * 1024;

  /** The default limit on SELECT rows. */
  public static final long DEFAULT_MAX_ROWS = 1_000_000;

  private static final Pattern HOST_NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})?|\\[[0-9A-Fa-f:.]+\\]");
  private static final Pattern DURATION =
      Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIZE =
      Pattern.compile("(\\d{1,12})\\s*(b|k|kb|kib|m|mb|mib)?", Pattern.CASE_INSENSITIVE);

  /**
   * Checks the values.
   *
   * @throws NewsGraphException if one is out of range
   */
  public ServerOptions {
    if (host == null || host.isBlank()) {
      throw new NewsGraphException(ErrorId.BAD_OPTION, "the host must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new NewsGraphException(
          ErrorId.BAD_OPTION, "port " + port + " is out of range; use 0 to 65535");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new NewsGraphException(ErrorId.BAD_OPTION, "the query timeout must be positive");
    }
    if (maxBodyBytes < 1) {
      throw new NewsGraphException(
          ErrorId.BAD_OPTION, "the request body limit must be at least 1 byte");
    }
    if (maxRows < 1) {
      throw new NewsGraphException(ErrorId.BAD_OPTION, "the row limit must be at least 1");
    }
    queries = List.copyOf(queries);
    allowedHosts = List.copyOf(allowedHosts);
    for (String name : allowedHosts) {
      if (!HOST_NAME.matcher(name).matches()) {
        throw new NewsGraphException(
            ErrorId.BAD_OPTION,
            "--allow-host: '" + name + "' is not a host name; give a name such as kg.example.org");
      }
    }
  }

  /** The safe defaults, on port {@value #DEFAULT_PORT}, with no named queries. */
  public static ServerOptions defaults() {
    return new ServerOptions(
        DEFAULT_HOST,
        DEFAULT_PORT,
        DEFAULT_TIMEOUT,
        false,
        DEFAULT_MAX_BODY,
        DEFAULT_MAX_ROWS,
        List.of(),
        List.of());
  }

  public ServerOptions withHost(String value) {
    return new ServerOptions(
        value, port, timeout, allowService, maxBodyBytes, maxRows, queries, allowedHosts);
  }

  public ServerOptions withPort(int value) {
    return new ServerOptions(
        host, value, timeout, allowService, maxBodyBytes, maxRows, queries, allowedHosts);
  }

  public ServerOptions withTimeout(Duration value) {
    return new ServerOptions(
        host, port, value, allowService, maxBodyBytes, maxRows, queries, allowedHosts);
  }

  public ServerOptions withAllowService(boolean value) {
    return new ServerOptions(
        host, port, timeout, value, maxBodyBytes, maxRows, queries, allowedHosts);
  }

  public ServerOptions withMaxBodyBytes(long value) {
    return new ServerOptions(
        host, port, timeout, allowService, value, maxRows, queries, allowedHosts);
  }

  public ServerOptions withMaxRows(long value) {
    return new ServerOptions(
        host, port, timeout, allowService, maxBodyBytes, value, queries, allowedHosts);
  }

  public ServerOptions withAllowedHosts(List<String> value) {
    return new ServerOptions(
        host, port, timeout, allowService, maxBodyBytes, maxRows, queries, value);
  }

  public ServerOptions withQueries(List<NamedQuery> value) {
    return new ServerOptions(
        host, port, timeout, allowService, maxBodyBytes, maxRows, value, allowedHosts);
  }

  /**
   * Parses a duration such as {@code 10s}, {@code 500ms}, {@code 2m} or {@code 1h}; a bare number
   * is seconds.
   *
   * @throws NewsGraphException if {@code text} is not such a duration, or is zero
   */
  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new NewsGraphException(
          ErrorId.BAD_OPTION,
          "'" + text + "' is not a duration; use a number with a unit, e.g. 10s, 500ms, 2m");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    Duration d =
        switch (unit) {
          case "ms" -> Duration.ofMillis(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofSeconds(amount);
        };
    if (d.isZero()) {
      throw new NewsGraphException(
          ErrorId.BAD_OPTION, "'" + text + "' is zero; a timeout must be positive");
    }
    return d;
  }

  /**
   * Parses a size in bytes such as {@code 1048576}, {@code 512k} or {@code 1m} (k and m are 1024
   * and 1024²).
   *
   * @throws NewsGraphException if {@code text} is not such a size, or is zero
   */
  public static long parseSize(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new NewsGraphException(
          ErrorId.BAD_OPTION,
          "'" + text + "' is not a size; use a number of bytes, optionally with k or m, e.g. 1m");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    long bytes =
        unit.startsWith("k") ? amount * 1024 : unit.startsWith("m") ? amount << 20 : amount;
    if (bytes < 1) {
      throw new NewsGraphException(
          ErrorId.BAD_OPTION, "'" + text + "' is zero; a size must be positive");
    }
    return bytes;
  }

  /** A duration the way {@link #parseDuration} reads it, e.g. {@code 10s} or {@code 500ms}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
