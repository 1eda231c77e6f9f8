#!/usr/bin/env bash
# Page times of the pages for people (issue 11), and the network view at 2,000 nodes.
# Not part of the tests; run by hand: .ci/bench-pages.sh  (BUILD_DIR=target by default).
#
# 1. `newsgraph serve` on the seed project; each page is fetched once (the first request renders
#    it from SPARQL: "first") and then N more times (kept rendered: median, p95, max), with curl's
#    time_total on loopback; every entity page's first request too. Searches are rendered afresh
#    every time.
# 2. A synthetic project of NODES agents and 1.5 x NODES `negotiatesWith` facts (generated here);
#    `newsgraph serve` on it; /graph opened in headless chromium (.ci/GraphBench.java): time until
#    drawn, frame times while zooming and panning, redraw after a filter change.
# Prints Markdown and saves it to $BUILD_DIR/bench/pages.md. Needs curl, python3, chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-target}
N=${N:-30}
NODES=${NODES:-2000}
case $BUILD_DIR in /*) ;; *) BUILD_DIR="$PWD/$BUILD_DIR" ;; esac
BENCH="$BUILD_DIR/bench"
mkdir -p "$BENCH"
OUT="$BENCH/pages.md"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -q -B -ntp -Dng.buildDir="$BUILD_DIR" -DskipTests package
fi
JAR="$BUILD_DIR/newsgraph.jar"

SERVER=
stop() { if [ -n "$SERVER" ]; then kill "$SERVER" 2> /dev/null || true; wait "$SERVER" 2> /dev/null || true; SERVER=; fi; }
trap stop EXIT

# serve LOG ARGS...: starts serve on a free port, sets SERVER and PORT
serve() {
  local log=$1; shift
  java -jar "$JAR" serve --port 0 "$@" > "$log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 600); do
    PORT=$(grep -o '127.0.0.1:[0-9]*/kg' "$log" | head -1 | sed 's/.*://; s|/kg||') || true
    [ -n "${PORT:-}" ] && return 0
    kill -0 "$SERVER" 2> /dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.5
  done
  echo "bench-pages: serve did not start" >&2; exit 1
}

time_ms() { curl -s -o /dev/null -w '%{time_total}\n' "$1" | awk '{ printf "%.1f\n", $1 * 1000 }'; }

{
echo "## Pages on the seed project ($(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
serve "$BENCH/serve-pages.log"
BASE="http://127.0.0.1:$PORT"
echo "| page | bytes | first (ms) | median (ms) | p95 (ms) | max (ms) |"
echo "|---|---|---|---|---|---|"
for page in /entities /graph /timeline /id/sirajuddin-haqqani /id/ttp \
    /id/talks-2021-pakistan-ttp-afghanistan /source/rferl-2021-11-ttp-secret-talks \
    "/entities?q=haqqani" "/id/ttp?format=ttl" "/id/ttp?format=jsonld" /pages/data/graph.js; do
  read -r bytes secs < <(curl -s -o /dev/null -w '%{size_download} %{time_total}\n' "$BASE$page")
  first=$(awk -v s="$secs" 'BEGIN { printf "%.1f", s * 1000 }')
  for _ in $(seq 1 "$N"); do time_ms "$BASE$page"; done > "$BENCH/times.txt"
  python3 - "$page" "$bytes" "$first" "$BENCH/times.txt" <<'PY'
import sys, statistics
page, size, first, path = sys.argv[1:]
t = sorted(float(x) for x in open(path))
print(f"| `{page}` | {size} | {first} | {statistics.median(t):.1f} | {t[int(len(t)*0.95)-1]:.1f} | {t[-1]:.1f} |")
PY
done
echo
# every entity page, first request (rendered from SPARQL)
curl -s "$BASE/entities" | grep -o 'href="./id/[a-z0-9-]*"' | sed 's|href="./||; s|"||' > "$BENCH/entity-paths.txt"
for p in $(cat "$BENCH/entity-paths.txt"); do time_ms "$BASE/$p"; done > "$BENCH/first.txt"
python3 - "$BENCH/first.txt" <<'PY'
import sys, statistics
t = sorted(float(x) for x in open(sys.argv[1]))
print(f"Every entity page ({len(t)}), first request, rendered from SPARQL: median {statistics.median(t):.1f} ms,"
      f" p95 {t[int(len(t)*0.95)-1]:.1f} ms, max {t[-1]:.1f} ms.")
PY
stop

echo
echo "## The network view at $NODES nodes"
echo
SYN="$BENCH/synthetic-$NODES"
rm -rf "$SYN"; mkdir -p "$SYN/triples/facts" "$SYN/triples/sources"
python3 - "$SYN/triples" "$NODES" <<'PY'
import csv, sys
root, n = sys.argv[1], int(sys.argv[2])
classes = ["Person", "MilitantGroup", "GovernmentBody", "PoliticalParty"]
with open(f"{root}/entities.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "class", "label", "alt_labels", "comment"])
    w.writerow(["synth-pub", "MediaOrganization", "Synthetic Publisher", "", ""])
    for i in range(n):
        w.writerow([f"agent-{i}", classes[i % 4], f"Agent {i}", "", ""])
with open(f"{root}/sources.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "title", "publisher", "published", "url", "language", "furniture", "note"])
    w.writerow(["synth", "Synthetic article", "synth-pub", "2021-11", "", "en", "", ""])
lines, rows = [], []
for k in range(n * 3 // 2):
    a, b = k % n, (k * 7 + 1 + k // n) % n
    if a == b:
        b = (b + 1) % n
    quote = f"Agent {a} negotiates with agent {b} (fact {k})."
    lines.append(quote)
    rows.append([f"f{k:05d}", f"agent-{a}", "negotiatesWith", f"agent-{b}", "", "states", "synth-pub",
                 quote, "", "", "", "", ""])
with open(f"{root}/sources/synth.txt", "w") as f:
    f.write("\n\n".join(lines) + "\n")
with open(f"{root}/facts/synth.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "subject", "property", "object", "value", "stance", "by", "quote", "occasion",
                "valid_from", "valid_until", "valid_at", "inferred"])
    w.writerows(rows)
PY
serve "$BENCH/serve-synthetic.log" --triples "$SYN/triples"
BASE="http://127.0.0.1:$PORT"
echo "Page and data: /graph $(time_ms "$BASE/graph") ms first, /pages/data/graph.js $(time_ms "$BASE/pages/data/graph.js") ms first"
echo "($(curl -s -o /dev/null -w '%{size_download}' "$BASE/pages/data/graph.js") bytes), /id/agent-1 $(time_ms "$BASE/id/agent-1") ms first."
echo
if [ ! -f "$BUILD_DIR/test-classpath.txt" ]; then
  mvn -q -B -ntp -Dng.buildDir="$BUILD_DIR" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$BUILD_DIR/test-classpath.txt" > /dev/null
fi
java -cp "$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/test-classpath.txt")" \
  .ci/GraphBench.java "$BASE/graph"
stop
} | tee "$OUT"
