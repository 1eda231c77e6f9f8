package org.w3id.newsgraph.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * A date known to a year, a month or a day. The RDF datatype carries the precision: {@code
 * xsd:gYear}, {@code xsd:gYearMonth} or {@code xsd:date}.
 */
public final class PartialDate {
  private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  private PartialDate() {}

  /** The accepted forms, for error messages. */
  public static final String FORMS = "YYYY, YYYY-MM or YYYY-MM-DD";

  /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} into a typed literal. */
  public static Optional<Literal> parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (m.group(2) == null) {
        return Optional.of(ResourceFactory.createTypedLiteral(text, XSDDatatype.XSDgYear));
      }
      int month = Integer.parseInt(m.group(2));
      if (m.group(3) == null) {
        YearMonth.of(year, month);
        return Optional.of(ResourceFactory.createTypedLiteral(text, XSDDatatype.XSDgYearMonth));
      }
      LocalDate.of(year, month, Integer.parseInt(m.group(3)));
      return Optional.of(ResourceFactory.createTypedLiteral(text, XSDDatatype.XSDdate));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
