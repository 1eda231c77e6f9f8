#!/usr/bin/env bash
# Load benchmark of `newsgraph serve` against the standalone Apache Jena Fuseki server 5.6.0
# serving the same data (the exported graph and the ontology), with wrk on loopback.
# Not part of the tests; run by hand: .ci/bench-serve.sh  (BUILD_DIR=target by default).
#
# For each server and query: a warm-up run, then a measured run (DURATION seconds, CONNECTIONS
# connections, 2 wrk threads), best of ROUNDS rounds. Prints a Markdown table of requests/s and
# p50/p99 latency, and saves it to $BUILD_DIR/bench/results.md. Needs wrk, curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-target}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-8}
ROUNDS=${ROUNDS:-2}
OURS_PORT=${OURS_PORT:-3451}
STOCK_PORT=${STOCK_PORT:-3452}
QUIET_PORT=${QUIET_PORT:-3454}
C2_PORT=${C2_PORT:-3455}
FUSEKI_VERSION=5.6.0
case $BUILD_DIR in /*) ;; *) BUILD_DIR="$PWD/$BUILD_DIR" ;; esac
BENCH="$BUILD_DIR/bench"

for tool in wrk curl python3 java mvn; do
  command -v "$tool" > /dev/null || { echo "bench-serve: $tool is needed (apt-get install -y wrk)" >&2; exit 2; }
done

if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -q -B -ntp -Dng.buildDir="$BUILD_DIR" -DskipTests package
fi
mkdir -p "$BENCH"
JAR="$BUILD_DIR/newsgraph.jar"

# The same data for both: the exported graph plus the ontology (serve's default graph holds both).
java -jar "$JAR" export --format turtle -o "$BENCH/data.ttl"
cp ontology/newsgraph.ttl "$BENCH/ontology.ttl"
cat > "$BENCH/fuseki-config.ttl" <<'EOF'
@prefix fuseki: <http://jena.apache.org/fuseki#> .
@prefix ja:     <http://jena.hpl.hp.com/2005/11/Assembler#> .
@prefix rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .

<#service> rdf:type fuseki:Service ;
    fuseki:name "kg" ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
    fuseki:dataset <#dataset> .

<#dataset> rdf:type ja:MemoryDataset ;
    ja:data <ontology.ttl> ;
    ja:data <data.ttl> .
EOF

STOCK_JAR="$BENCH/jena-fuseki-server-$FUSEKI_VERSION.jar"
if [ ! -f "$STOCK_JAR" ]; then
  mvn -q -B -ntp dependency:copy \
    -Dartifact="org.apache.jena:jena-fuseki-server:$FUSEKI_VERSION" -DoutputDirectory="$BENCH"
fi

# The stock server logs three lines per request at INFO by default; a third run turns that off,
# to show how much of the difference is logging.
cat > "$BENCH/log4j2-quiet.properties" <<'EOF'
status = error
appender.console.type = Console
appender.console.name = OUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %-5p %-10c{1} %m%n
rootLogger.level = WARN
rootLogger.appenderRef.out.ref = OUT
EOF

pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2> /dev/null || true; done; wait 2> /dev/null || true; }
trap cleanup EXIT

java -jar "$JAR" serve --port "$OURS_PORT" > "$BENCH/ours.log" 2>&1 &
pids+=($!)
# The default start compiles with C1 only (see the README's Startup); C2 for comparison.
java -XX:TieredStopAtLevel=4 -jar "$JAR" serve --port "$C2_PORT" > "$BENCH/ours-c2.log" 2>&1 &
pids+=($!)
(cd "$BENCH" && exec java -jar "$STOCK_JAR" --config=fuseki-config.ttl --port "$STOCK_PORT" \
  --localhost --timeout=10000 > stock.log 2>&1) &
pids+=($!)
(cd "$BENCH" && exec java -Dlog4j.configurationFile=log4j2-quiet.properties -jar "$STOCK_JAR" \
  --config=fuseki-config.ttl --port "$QUIET_PORT" --localhost --timeout=10000 > quiet.log 2>&1) &
pids+=($!)

wait_ready() {
  local url=$1
  for _ in $(seq 1 300); do
    if curl -sf -o /dev/null --data-urlencode 'query=ASK {}' "$url"; then return 0; fi
    sleep 0.1
  done
  echo "bench-serve: $url did not answer" >&2
  exit 1
}
OURS="http://127.0.0.1:$OURS_PORT/kg/sparql"
OURS_C2="http://127.0.0.1:$C2_PORT/kg/sparql"
STOCK="http://127.0.0.1:$STOCK_PORT/kg/sparql"
QUIET="http://127.0.0.1:$QUIET_PORT/kg/sparql"
wait_ready "$OURS"
wait_ready "$OURS_C2"
wait_ready "$STOCK"
wait_ready "$QUIET"

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.stdin.read()))'; }
LOOKUP='SELECT ?label WHERE { <https://w3id.org/newsgraph/id/ttp> <http://www.w3.org/2000/01/rdf-schema#label> ?label }'
LOOKUP_Q=$(printf '%s' "$LOOKUP" | urlencode)
TIMELINE_Q=$(urlencode < queries/attack-timeline.rq)

# Same answers from both (row for row; GROUP_CONCAT may list values in another order), or the
# comparison means nothing.
for q in "$LOOKUP_Q" "$TIMELINE_Q"; do
  a=$(curl -sf -H 'Accept: text/csv' "$OURS?query=$q" | cut -d, -f1-2 | sort)
  b=$(curl -sf -H 'Accept: text/csv' "$STOCK?query=$q" | cut -d, -f1-2 | sort)
  [ "$a" = "$b" ] || { echo "bench-serve: the servers answer differently" >&2; exit 1; }
done

# wrk's latency distribution, in ms
to_ms() {
  python3 -c '
import sys
v = sys.argv[1]
for unit, f in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60000.0)):
    if v.endswith(unit):
        print("%.2f" % (float(v[: -len(unit)]) * f)); break
' "$1"
}

run_wrk() { # url -> "rps p50 p99"
  local url=$1 out rps p50 p99
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H 'Accept: application/sparql-results+json' "$url" > /dev/null
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    -H 'Accept: application/sparql-results+json' "$url")
  if echo "$out" | grep -q "Non-2xx"; then echo "bench-serve: errors from $url" >&2; echo "$out" >&2; exit 1; fi
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" {print $2}')")
  p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  echo "$rps $p50 $p99"
}

best() { # keeps the run with the highest requests/s
  local best_line="0 0 0" line
  while read -r line; do
    if python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) > float(sys.argv[2]) else 1)' \
      "${line%% *}" "${best_line%% *}"; then best_line=$line; fi
  done
  echo "$best_line"
}

declare -A result
for name in lookup timeline; do
  q=$LOOKUP_Q
  [ "$name" = timeline ] && q=$TIMELINE_Q
  for server in ours ours-c2 stock quiet; do
    url=$OURS
    [ "$server" = ours-c2 ] && url=$OURS_C2
    [ "$server" = stock ] && url=$STOCK
    [ "$server" = quiet ] && url=$QUIET
    result[$name.$server]=$(for _ in $(seq 1 "$ROUNDS"); do run_wrk "$url?query=$q"; done | best)
  done
done

{
  echo "| query | server | requests/s | p50 ms | p99 ms |"
  echo "|---|---|---:|---:|---:|"
  for name in lookup timeline; do
    for server in ours ours-c2 stock quiet; do
      read -r rps p50 p99 <<< "${result[$name.$server]}"
      label="newsgraph serve (embedded)"
      [ "$server" = ours-c2 ] && label="newsgraph serve, C2 (-XX:TieredStopAtLevel=4)"
      [ "$server" = stock ] && label="jena-fuseki-server $FUSEKI_VERSION"
      [ "$server" = quiet ] && label="jena-fuseki-server $FUSEKI_VERSION, request log off"
      echo "| $name | $label | $rps | $p50 | $p99 |"
    done
  done
  echo
  echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s (after a ${WARMUP}s warm-up, best of $ROUNDS)," \
    "JSON results, all servers on this machine ($(nproc) cores), in-memory data, 10 s timeout."
} | tee "$BENCH/results.md"
