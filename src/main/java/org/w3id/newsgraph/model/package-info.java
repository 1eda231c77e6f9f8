/** The vocabulary NewsGraph writes: IRIs, ontology terms, stances and partial dates. */
package org.w3id.newsgraph.model;
