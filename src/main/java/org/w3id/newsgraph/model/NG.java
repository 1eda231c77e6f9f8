package org.w3id.newsgraph.model;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Constants for the ontology terms that the code itself names (the data may use any declared term).
 */
public final class NG {
  /** The ontology namespace. */
  public static final String NS = Iris.ONTOLOGY;

  public static final Resource Claim = resource("Claim");
  public static final Resource Source = resource("Source");
  public static final Resource Agent = resource("Agent");
  public static final Resource Event = resource("Event");
  public static final Resource PublicStatement = resource("PublicStatement");
  public static final Resource Stance = resource("Stance");
  public static final Resource Position = resource("Position");

  // The classes of what is linked to Wikidata, in the order the linker reconciles them.
  public static final Resource Country = resource("Country");
  public static final Resource Region = resource("Region");
  public static final Resource City = resource("City");
  public static final Resource Building = resource("Building");
  public static final Resource Place = resource("Place");
  public static final Resource PoliticalParty = resource("PoliticalParty");
  public static final Resource GovernmentBody = resource("GovernmentBody");
  public static final Resource Organization = resource("Organization");
  public static final Resource EthnicGroup = resource("EthnicGroup");
  public static final Resource Person = resource("Person");

  // Classes the drafter tells apart.
  public static final Resource AnonymousSource = resource("AnonymousSource");
  public static final Resource MediaOrganization = resource("MediaOrganization");
  public static final Resource PersonGroup = resource("PersonGroup");
  public static final Resource Demand = resource("Demand");
  public static final Resource Attack = resource("Attack");
  public static final Resource Talks = resource("Talks");
  public static final Resource WikidataLink = resource("WikidataLink");

  public static final Property claimSubject = property("claimSubject");
  public static final Property claimProperty = property("claimProperty");
  public static final Property claimObject = property("claimObject");
  public static final Property claimValue = property("claimValue");
  public static final Property stance = property("stance");
  public static final Property quote = property("quote");
  public static final Property quoteOffset = property("quoteOffset");
  public static final Property paragraph = property("paragraph");
  public static final Property occasion = property("occasion");
  public static final Property validFrom = property("validFrom");
  public static final Property validUntil = property("validUntil");
  public static final Property validAt = property("validAt");
  public static final Property inferenceNote = property("inferenceNote");
  public static final Property locatedIn = property("locatedIn");

  // A link to Wikidata (wikidata-links.csv) and its record.
  public static final Property linkedEntity = property("linkedEntity");
  public static final Property wikidataItem = property("wikidataItem");
  public static final Property linkStatus = property("linkStatus");
  public static final Property linkScore = property("linkScore");
  public static final Property linkMethod = property("linkMethod");
  public static final Property wikidataLabel = property("wikidataLabel");
  public static final Property wikidataDescription = property("wikidataDescription");
  public static final Property checked = property("checked");

  /** Annotation on a property that cannot relate a thing to itself. */
  public static final Property irreflexive = property("irreflexive");

  /** Annotation on a property: the lexical form the loader accepts ("date"). */
  public static final Property valueKind = property("valueKind");

  /** Annotation on a class: a compatible Wikidata class. */
  public static final Property wikidataClass = property("wikidataClass");

  /** Annotation on a property: the matching Wikidata property. */
  public static final Property wikidataProperty = property("wikidataProperty");

  /** Annotation: a CAMEO event code. */
  public static final Property cameoCode = property("cameoCode");

  private NG() {}

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS + local);
  }
}
