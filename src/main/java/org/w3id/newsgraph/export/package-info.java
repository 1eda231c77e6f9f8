/**
 * Writing the graph to files: sorted, diff-friendly Turtle and N-Triples, and Jena's other formats.
 */
package org.w3id.newsgraph.export;
