/** Entailment: the triples the ontology lets NewsGraph derive from the asserted data. */
package org.w3id.newsgraph.infer;
