package org.w3id.newsgraph.pages;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * The timeline ({@code /timeline}): every dated event on a time axis drawn as SVG (no script), each
 * date as the span its precision says (a year is a whole year, a month a whole month), then the
 * events in date order with place, participants and casualties.
 */
final class TimelinePage {
  private static final int WIDTH = 1000;
  private static final int ROW = 22;
  private static final int AXIS = 30;

  private TimelinePage() {}

  /** A date as the days it may be: {@code 2021} is 2021-01-01 to 2021-12-31. */
  record Span(LocalDate first, LocalDate last, String text) {
    static Span of(Node literal) {
      String lex = literal.getLiteralLexicalForm();
      String dt = literal.getLiteralDatatypeURI();
      if (XSDDatatype.XSDgYear.getURI().equals(dt)) {
        int y = Integer.parseInt(lex.substring(0, 4));
        return new Span(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), Show.value(literal));
      }
      if (XSDDatatype.XSDgYearMonth.getURI().equals(dt)) {
        YearMonth m = YearMonth.parse(lex.substring(0, 7));
        return new Span(m.atDay(1), m.atEndOfMonth(), Show.value(literal));
      }
      LocalDate d = LocalDate.parse(lex.substring(0, 10));
      return new Span(d, d, Show.value(literal));
    }
  }

  /** One event with its dates and details. */
  static final class Event {
    final String id;
    final String label;
    final String kind;
    Span date;
    Span start;
    Span end;
    final Map<String, List<String>> details = new LinkedHashMap<>();

    Event(String id, String label, String kind) {
      this.id = id;
      this.label = label;
      this.kind = kind;
    }

    LocalDate first() {
      return date != null ? date.first() : start != null ? start.first() : end.first();
    }

    LocalDate last() {
      return end != null ? end.last() : date != null ? date.last() : start.last();
    }

    String when() {
      if (date != null) {
        return date.text();
      }
      if (start != null && end != null) {
        return "from " + start.text() + " to " + end.text();
      }
      return start != null ? "from " + start.text() : "until " + end.text();
    }
  }

  /** The dated events, earliest first. */
  static List<Event> events(PageQueries q) {
    Map<String, Event> events = new LinkedHashMap<>();
    for (Binding row : q.select("timeline")) {
      String id = Show.entityId(row.get("event"));
      Node when = row.get("when");
      if (id == null || when == null || !when.isLiteral()) {
        continue;
      }
      Span span;
      try {
        span = Span.of(when);
      } catch (RuntimeException e) {
        continue; // not a date
      }
      Event e =
          events.computeIfAbsent(
              id,
              k -> new Event(k, Show.text(row, "label"), Show.label(row, "classLabel", "event")));
      switch (Show.text(row, "role")) {
        case "start" -> e.start = span;
        case "end" -> e.end = span;
        default -> e.date = span;
      }
    }
    for (Binding row : q.select("timeline-details")) {
      Event e = events.get(Show.entityId(row.get("event")));
      if (e == null) {
        continue;
      }
      String otherId = Show.entityId(row.get("other"));
      String text;
      if (row.get("other") != null) {
        String label = Show.label(row, "otherLabel", "other");
        text = otherId == null ? Html.esc(label) : "\u0000" + otherId + "\u0000" + label;
      } else {
        text = Html.esc(Show.value(row.get("value")));
      }
      e.details.computeIfAbsent(Show.text(row, "role"), k -> new ArrayList<>()).add(text);
    }
    List<Event> out = new ArrayList<>(events.values());
    out.sort(
        Comparator.comparing(Event::first)
            .thenComparing(Event::last)
            .thenComparing(ev -> ev.label));
    return out;
  }

  static String render(PageQueries q, Links links) {
    List<Event> events = events(q);
    StringBuilder b = new StringBuilder(16384);
    b.append(
        "<h1>Timeline</h1>\n<p>Every dated event, earliest first. A date known to the year is"
            + " drawn as the whole year, one known to the month as the whole month.</p>\n");
    if (events.isEmpty()) {
      b.append("<p>No dated event.</p>\n");
      return Frame.page(links, "Timeline", "", "", b.toString(), List.of());
    }
    axis(links, events, b);
    b.append("<ol class=\"events\">\n");
    for (Event e : events) {
      b.append("<li class=\"event\" data-first=\"").append(e.first()).append("\">");
      b.append("<span class=\"when\">").append(Html.esc(e.when())).append("</span> ");
      b.append("<span class=\"kind\">").append(Html.esc(e.kind)).append("</span> ");
      b.append(Html.link(links.entity(e.id), e.label));
      if (!e.details.isEmpty()) {
        b.append("<dl>");
        e.details.forEach(
            (role, values) -> {
              b.append("<dt>").append(Html.esc(role)).append("</dt><dd>");
              List<String> shown = new ArrayList<>();
              for (String v : values) {
                if (v.startsWith("\u0000")) {
                  String[] parts = v.split("\u0000", 3);
                  shown.add(Html.link(links.entity(parts[1]), parts[2]));
                } else {
                  shown.add(v);
                }
              }
              b.append(String.join(", ", shown)).append("</dd>");
            });
        b.append("</dl>");
      }
      b.append("</li>\n");
    }
    b.append("</ol>\n");
    return Frame.page(links, "Timeline", "", "", b.toString(), List.of());
  }

  private static void axis(Links links, List<Event> events, StringBuilder b) {
    LocalDate min = events.stream().map(Event::first).min(LocalDate::compareTo).orElseThrow();
    LocalDate max = events.stream().map(Event::last).max(LocalDate::compareTo).orElseThrow();
    LocalDate from = LocalDate.of(min.getYear(), 1, 1);
    LocalDate to = LocalDate.of(max.getYear() + 1, 1, 1);
    double days = to.toEpochDay() - from.toEpochDay();
    int height = AXIS + events.size() * ROW + 10;
    b.append("<figure class=\"axis\"><svg viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append(
            "\" role=\"img\" aria-labelledby=\"axis-title\" preserveAspectRatio=\"xMinYMin meet\">")
        .append("<title id=\"axis-title\">The events on a time axis from ")
        .append(from.getYear())
        .append(" to ")
        .append(max.getYear())
        .append("</title>\n");
    int years = to.getYear() - from.getYear();
    int step = Math.max(1, years / 10);
    for (int y = from.getYear(); y <= to.getYear(); y += step) {
      double x = x(LocalDate.of(y, 1, 1), from, days);
      b.append("<line class=\"tick\" x1=\"")
          .append(fmt(x))
          .append("\" x2=\"")
          .append(fmt(x))
          .append("\" y1=\"0\" y2=\"")
          .append(height)
          .append("\"/>");
      if (y < to.getYear()) {
        b.append("<text class=\"year\" x=\"")
            .append(fmt(x + 3))
            .append("\" y=\"16\">")
            .append(y)
            .append("</text>\n");
      }
    }
    int row = 0;
    for (Event e : events) {
      double x1 = x(e.first(), from, days);
      double x2 = x(e.last().plusDays(1), from, days);
      int y = AXIS + row * ROW;
      b.append("<a href=\"").append(Html.esc(links.entity(e.id))).append("\">");
      b.append("<rect class=\"span\" x=\"")
          .append(fmt(x1))
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(fmt(Math.max(3, x2 - x1)))
          .append("\" height=\"")
          .append(ROW - 6)
          .append("\"><title>")
          .append(Html.esc(e.label + ": " + e.when()))
          .append("</title></rect>");
      // the label right of the bar, or left of it near the right edge
      boolean left = x2 + 4 > WIDTH - 300;
      double tx = left ? x1 - 4 : x2 + 4;
      b.append("<text class=\"label\" x=\"")
          .append(fmt(tx))
          .append("\" y=\"")
          .append(y + 12)
          .append(left ? "\" text-anchor=\"end\">" : "\">")
          .append(Html.esc(e.label))
          .append("</text></a>\n");
      row++;
    }
    b.append("</svg></figure>\n");
  }

  private static double x(LocalDate d, LocalDate from, double days) {
    return (d.toEpochDay() - from.toEpochDay()) / days * WIDTH;
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
