package org.w3id.newsgraph.load;

import java.nio.file.Path;

/**
 * Where the inputs are.
 *
 * @param ontology the ontology in Turtle ({@code ontology/newsgraph.ttl})
 * @param shapes the SHACL shapes in Turtle ({@code ontology/shapes.ttl})
 * @param triples the folder of CSV facts ({@code triples/})
 */
public record Layout(Path ontology, Path shapes, Path triples) {
  /** The standard layout under a project folder. */
  public static Layout of(Path project) {
    return of(project.resolve("ontology"), project.resolve("triples"));
  }

  /** The standard file names in an ontology folder and a triples folder. */
  public static Layout of(Path ontologyDir, Path triplesDir) {
    return new Layout(
        ontologyDir.resolve("newsgraph.ttl"), ontologyDir.resolve("shapes.ttl"), triplesDir);
  }

  /** {@code triples/sources.csv}. */
  public Path sourcesCsv() {
    return triples.resolve("sources.csv");
  }

  /** {@code triples/entities.csv}. */
  public Path entitiesCsv() {
    return triples.resolve("entities.csv");
  }

  /** {@code triples/facts/}. */
  public Path factsDir() {
    return triples.resolve("facts");
  }

  /**
   * {@code triples/wikidata-links.csv}: the links of entities to Wikidata items (optional; written
   * by {@code newsgraph link}, confirmed or rejected by a person).
   */
  public Path linksCsv() {
    return triples.resolve("wikidata-links.csv");
  }

  /** {@code triples/sources/<id>.txt}. */
  public Path sourceText(String sourceId) {
    return triples.resolve("sources").resolve(sourceId + ".txt");
  }

  /** {@code triples/facts/<id>.csv}. */
  public Path factsCsv(String sourceId) {
    return factsDir().resolve(sourceId + ".csv");
  }
}
