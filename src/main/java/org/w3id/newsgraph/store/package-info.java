/**
 * Where the served graph lives: in memory, rebuilt from the CSV at every start, or in a TDB2 folder
 * that is rebuilt only when the ontology or the CSV changed.
 */
package org.w3id.newsgraph.store;
