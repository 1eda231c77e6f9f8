/**
 * Where the graph lives: in memory, rebuilt from the CSV at every start; in a TDB2 folder that
 * loads again only the articles whose files changed ({@link GraphStore}); or in a remote SPARQL
 * store that is sent only what changed ({@link RemoteStore}).
 */
package org.w3id.newsgraph.store;
