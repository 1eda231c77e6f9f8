/**
 * The SPARQL endpoint: an embedded, read-only Apache Jena Fuseki serving the graph with a query
 * page, safe by default (loopback, timeouts, no federated calls, bounded requests).
 */
package org.w3id.newsgraph.server;
