/**
 * Loading: the CSV files of {@code triples/} mapped onto the ontology, checked and validated with
 * SHACL.
 */
package org.w3id.newsgraph.load;
