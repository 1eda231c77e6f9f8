/** Named SPARQL queries: the query files in {@code queries/}, and running them over a dataset. */
package org.w3id.newsgraph.query;
