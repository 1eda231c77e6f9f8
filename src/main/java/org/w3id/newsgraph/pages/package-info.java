/**
 * Pages for people, rendered from SPARQL over the served dataset: entity pages ({@code /id/<id>},
 * also as Turtle and JSON-LD), article pages ({@code /source/<id>}), a network view ({@code
 * /graph}), a timeline ({@code /timeline}) and an entity list with search ({@code /entities}); the
 * same pages as a static site ({@link org.w3id.newsgraph.pages.SiteWriter}). The queries, the page
 * frame, the style sheet and the scripts are resource files under {@code pages/}.
 */
package org.w3id.newsgraph.pages;
