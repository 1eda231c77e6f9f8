package org.w3id.newsgraph.model;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/** The terms of the W3C PROV-O vocabulary that NewsGraph writes (Jena has no PROV class). */
public final class PROV {
  /** The PROV namespace. */
  public static final String NS = "http://www.w3.org/ns/prov#";

  public static final Property wasAttributedTo = property("wasAttributedTo");
  public static final Property wasDerivedFrom = property("wasDerivedFrom");

  private PROV() {}

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS + local);
  }
}
