/**
 * Drafting the facts of a new article from its text, for a person to review and accept: sentences,
 * tokens and parts of speech (Apache OpenNLP), mentions of known and new entities, relations from a
 * cue lexicon kept as data, attribution, dates and numbers; and accepting the reviewed rows into
 * the project's CSV files only when the whole project still validates.
 */
package org.w3id.newsgraph.draft;
