package org.w3id.newsgraph.load;

import org.apache.jena.graph.Graph;

/**
 * The result of a successful load.
 *
 * @param ontology the ontology graph
 * @param data the asserted data: entities, sources, claims and the facts the sources assert
 */
public record LoadedGraph(Graph ontology, Graph data) {}
