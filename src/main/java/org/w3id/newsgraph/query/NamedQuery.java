package org.w3id.newsgraph.query;

import java.nio.file.Path;

/**
 * A SPARQL query read from a file: its name (the file name without {@code .rq}), the title and
 * question from its header comment ({@code question} is empty if the file has none), the file, and
 * the whole text (header included, so parse errors give the file's own line numbers).
 */
public record NamedQuery(String name, String title, String question, Path file, String text) {}
