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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request body limit (the only one), and strict request parameters. A declared {@code
 * Content-Length} over the limit gets 413 at once; a chunked body, and any form body, is read
 * first, up to the limit: over it the client gets 413 too (left to the servlet, a body that is too
 * large would fail while Fuseki reads it, which it reports as 500). A body within its declared
 * length needs no reading here: HTTP framing ends it there. It then decodes the parameters of the
 * query string and the form strictly: a malformed %-escape or malformed UTF-8 gets a 400 with one
 * log line (Jetty's lenient decoding made Fuseki answer 500 with a stack trace in the log). The
 * names of result formats that common clients send in {@code format=} (SPARQLWrapper's {@code rdf},
 * {@code rdf+xml}, {@code n3}, ...) are mapped onto Fuseki's.
 */
final class BodyLimit extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final String FORM = "application/x-www-form-urlencoded";

  /** Result format names clients send, and Fuseki's name for each. */
  private static final Map<String, String> FORMAT_NAMES =
      Map.of(
          "rdf", "xml",
          "rdf+xml", "xml",
          "rdfxml", "xml",
          "n3", "turtle",
          "jsonld", "json-ld",
          "ntriples", "nt",
          "n-triples", "nt",
          "nquads", "n-quads");

  private static final List<String> FORMAT_PARAMS = List.of("format", "output", "results");

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
    boolean form = isForm(req.getContentType());
    byte[] body = null;
    if (form || (declared < 0 && req.getHeader("Transfer-Encoding") != null)) {
      try {
        body = readAtMost(req.getInputStream(), maxBytes);
      } catch (IOException | RuntimeException e) {
        body = null; // the client broke off
      }
      if (body == null) {
        tooLarge(res);
        return;
      }
    }
    Buffered request = new Buffered(req, body, form);
    try {
      request.parameters();
    } catch (IllegalArgumentException e) {
      RequestGuard.refuse(
          req, res, HttpServletResponse.SC_BAD_REQUEST, "Bad request: " + e.getMessage());
      return;
    }
    chain.doFilter(request, res);
  }

  private static boolean isForm(String type) {
    return type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM);
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

  /** The request with its parameters decoded strictly, and its body (if it was read) in memory. */
  private static final class Buffered extends HttpServletRequestWrapper {
    private final byte[] body;
    private final boolean form;
    private Map<String, String[]> parameters;

    Buffered(HttpServletRequest request, byte[] body, boolean form) {
      super(request);
      this.body = body;
      this.form = form;
    }

    @Override
    public int getContentLength() {
      return body == null ? super.getContentLength() : body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body == null ? super.getContentLengthLong() : body.length;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (body == null) {
        return super.getInputStream();
      }
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
    public BufferedReader getReader() throws IOException {
      if (body == null) {
        return super.getReader();
      }
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

    /**
     * The query string's parameters, then a form body's.
     *
     * @throws IllegalArgumentException if one is not well-formed
     */
    synchronized Map<String, String[]> parameters() {
      if (parameters == null) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        decode(getQueryString(), StandardCharsets.UTF_8, false, all);
        if (form && body != null) {
          decode(new String(body, StandardCharsets.ISO_8859_1), charset(), true, all);
        }
        for (String name : FORMAT_PARAMS) {
          List<String> values = all.get(name);
          if (values != null) {
            values.replaceAll(v -> FORMAT_NAMES.getOrDefault(v.toLowerCase(Locale.ROOT), v));
          }
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

    /**
     * Decodes {@code name=value&...}; {@code bytes} says that {@code text} holds raw bytes (a body
     * read as ISO-8859-1), not characters.
     */
    private static void decode(
        String text, Charset charset, boolean bytes, Map<String, List<String>> into) {
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
        into.computeIfAbsent(strict(key, charset, bytes), k -> new ArrayList<>())
            .add(strict(value, charset, bytes));
      }
    }

    /**
     * Decodes one {@code application/x-www-form-urlencoded} name or value.
     *
     * @throws IllegalArgumentException for a malformed %-escape or bytes that are not {@code
     *     charset}
     */
    private static String strict(String text, Charset charset, boolean raw) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '+') {
          bytes.write(' ');
        } else if (c == '%') {
          int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
          int lo = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
          if (hi < 0 || lo < 0) {
            throw new IllegalArgumentException(
                "malformed %-escape '"
                    + RequestGuard.printable(text.substring(i, Math.min(i + 3, text.length())))
                    + "' in a request parameter");
          }
          bytes.write(hi * 16 + lo);
          i += 2;
        } else if (c < 0x80 || (raw && c <= 0xFF)) {
          bytes.write(c);
        } else {
          byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
          bytes.write(b, 0, b.length);
        }
      }
      try {
        return charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes.toByteArray()))
            .toString();
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException(
            "a request parameter is not valid " + charset.name() + " once %-decoded", e);
      }
    }
  }
}
