package org.w3id.newsgraph.load;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;

/**
 * What a successful streaming load read.
 *
 * @param ontology the ontology graph
 * @param sources every source id of {@code sources.csv}, in file order
 * @param loaded the articles read in this load (not reused), with the entity ids their facts use
 * @param entityClasses every entity id with the IRI of its declared class
 * @param facts how many fact rows were read
 */
public record LoadResult(
    Graph ontology,
    List<String> sources,
    Map<String, Set<String>> loaded,
    Map<String, String> entityClasses,
    long facts) {}
