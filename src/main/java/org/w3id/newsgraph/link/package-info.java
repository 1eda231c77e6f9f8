/**
 * Links entities to Wikidata: candidate search over standard SPARQL (and optionally Wikidata's name
 * search), scoring by name, type and context, review statuses and the links file.
 */
package org.w3id.newsgraph.link;
