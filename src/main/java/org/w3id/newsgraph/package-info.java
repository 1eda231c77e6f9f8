/** NewsGraph: news articles as a validated, provenance-rich RDF knowledge graph. */
package org.w3id.newsgraph;
