"""An independent SPARQL client for PythonClientIT: Debian's SPARQLWrapper and rdflib.

Usage: /usr/bin/python3 sparql_client.py ENDPOINT
Prints one JSON object with what each client saw; the Java test checks it.
"""
import csv
import io
import json
import sys

import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

endpoint = sys.argv[1]
TTP = "<https://w3id.org/newsgraph/id/ttp>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ATTACK = "<https://w3id.org/newsgraph/ontology#Attack>"
LOOKUP = "SELECT ?label WHERE { %s %s ?label }" % (TTP, LABEL)
ATTACKS = "SELECT ?a ?label WHERE { ?a a %s ; %s ?label } ORDER BY ?label" % (ATTACK, LABEL)
CONSTRUCT = "CONSTRUCT { ?a %s ?label } WHERE { ?a a %s ; %s ?label }" % (LABEL, ATTACK, LABEL)


def wrapper(query, fmt):
    sw = SPARQLWrapper(endpoint)
    sw.setTimeout(30)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    return sw


out = {}

# SELECT as JSON, XML and CSV
res = wrapper(LOOKUP, JSON).query().convert()
out["json_labels"] = [b["label"]["value"] for b in res["results"]["bindings"]]

doc = wrapper(ATTACKS, XML).query().convert()
out["xml_rows"] = len(doc.getElementsByTagName("result"))

raw = wrapper(ATTACKS, CSV).query().convert()
rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
out["csv_header"] = rows[0]
out["csv_labels"] = [r[1] for r in rows[1:]]

# ASK
out["ask"] = wrapper("ASK { ?s ?p ?o }", JSON).query().convert()["boolean"]

# CONSTRUCT as Turtle, parsed by rdflib
data = wrapper(CONSTRUCT, TURTLE).query().convert()
g = rdflib.Graph()
g.parse(data=data.decode("utf-8") if isinstance(data, bytes) else data, format="turtle")
out["construct_triples"] = len(g)

# rdflib's own SPARQL store over the endpoint
store_graph = rdflib.Graph(store=SPARQLStore(endpoint))
out["rdflib_store_labels"] = sorted(str(r[1]) for r in store_graph.query(ATTACKS))

# A bad query: the client is told it is malformed
try:
    wrapper("SELECT ?s WHERE { ?s ?p }", JSON).query()
    out["bad_query"] = "accepted"
except QueryBadFormed:
    out["bad_query"] = "QueryBadFormed"

# An update: refused
sw = SPARQLWrapper(endpoint)
sw.setTimeout(30)
sw.setMethod(POST)
sw.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
try:
    sw.query()
    out["update"] = "accepted"
except SPARQLWrapperException as e:
    out["update"] = type(e).__name__
except Exception as e:  # urllib's HTTPError for statuses SPARQLWrapper does not name
    out["update"] = "HTTP %s" % getattr(e, "code", type(e).__name__)

print(json.dumps(out))
