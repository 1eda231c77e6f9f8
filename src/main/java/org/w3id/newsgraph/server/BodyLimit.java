package org.w3id.newsgraph.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request body limit for bodies of unknown length (chunked). Jetty's {@code SizeLimitHandler}
 * answers 413 to a declared {@code Content-Length} over the limit, but a chunked body only fails
 * while the servlet reads it, which Fuseki reports as 500. This filter reads such a body first, up
 * to the limit: over it the client gets 413; under it the request goes on with the body in memory
 * (form parameters included).
 */
final class BodyLimit extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final String FORM = "application/x-www-form-urlencoded";

  private final long maxBytes;

  BodyLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    long declared = req.getContentLengthLong();
    if (declared > maxBytes) {
      tooLarge(res);
      return;
    }
    if (declared >= 0 || req.getHeader("Transfer-Encoding") == null) {
      chain.doFilter(req, res);
      return;
    }
    byte[] body;
    try {
      body = readAtMost(req.getInputStream(), maxBytes);
    } catch (IOException | RuntimeException e) {
      // Jetty's SizeLimitHandler fails the read once the limit is passed.
      body = null;
    }
    if (body == null) {
      tooLarge(res);
      return;
    }
    chain.doFilter(new Buffered(req, body), res);
  }

  private void tooLarge(HttpServletResponse res) throws IOException {
    res.setHeader("Connection", "close");
    res.sendError(
        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        "Request body larger than " + maxBytes + " bytes");
  }

  /** The whole stream, or null if it holds more than {@code max} bytes. */
  private static byte[] readAtMost(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) >= 0) {
      total += n;
      if (total > max) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** The request with its body read into memory. */
  private static final class Buffered extends HttpServletRequestWrapper {
    private final byte[] body;
    private Map<String, String[]> parameters;

    Buffered(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("blocking reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return Collections.unmodifiableMap(parameters());
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = parameters().get(name);
      return values == null ? null : values.clone();
    }

    /** The query string's parameters, then a form body's. */
    private synchronized Map<String, String[]> parameters() {
      if (parameters == null) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        decode(getQueryString(), StandardCharsets.UTF_8, all);
        String type = getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
          decode(new String(body, charset()), charset(), all);
        }
        Map<String, String[]> map = new LinkedHashMap<>();
        all.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
        parameters = map;
      }
      return parameters;
    }

    private Charset charset() {
      String enc = getCharacterEncoding();
      try {
        return enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
      } catch (RuntimeException e) {
        return StandardCharsets.UTF_8;
      }
    }

    private static void decode(String text, Charset charset, Map<String, List<String>> into) {
      if (text == null || text.isEmpty()) {
        return;
      }
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        try {
          into.computeIfAbsent(URLDecoder.decode(key, charset), k -> new ArrayList<>())
              .add(URLDecoder.decode(value, charset));
        } catch (IllegalArgumentException e) {
          // a malformed pair is skipped, as Jetty does
        }
      }
    }
  }
}
