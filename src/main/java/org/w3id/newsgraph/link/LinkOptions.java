package org.w3id.newsgraph.link;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * How to link.
 *
 * @param endpoint the SPARQL endpoint holding Wikidata (or a subset of it, in its RDF model)
 * @param searchApi Wikidata's web API for fuzzy name search ({@code wbsearchentities}), or null
 * @param only the entity ids to reconcile; empty for every person, organisation and place
 * @param minScore the least score to accept a link (0 to 100)
 * @param margin the least lead over the runner-up to accept a link
 * @param offline use only the links file and the cache: send no request
 * @param cache the folder of cached answers
 * @param http how to speak HTTP (User-Agent, timeout, pace, retries)
 * @param batch the most names or items in one query
 * @param today the date written in the {@code checked} column of new or changed rows
 */
public record LinkOptions(
    URI endpoint,
    URI searchApi,
    Set<String> only,
    int minScore,
    int margin,
    boolean offline,
    Path cache,
    WikidataHttp.Settings http,
    int batch,
    LocalDate today) {}
