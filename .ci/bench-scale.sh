#!/usr/bin/env bash
# Scale benchmark: synthetic but valid corpora of many articles (CorpusGenerator, in test scope),
# built by NewsGraph and, on the same data, by Apache Jena's own tools. Not a test; run by hand:
#
#   .ci/bench-scale.sh [--sizes 10k,100k] [--queries-at SIZE|none] [--queries A,B] [--quick]
#                      [--queries-only] [--queries-dir DIR] [--rebuild-articles N|none]
#
# For each size (facts; 200 per article) it generates the corpus, then runs, one after the other
# so that the machine's load falls on all of them alike: `newsgraph export --format ntriples`,
# Jena `riot --count` of that N-Triples file, `newsgraph validate`, Jena `tdb2.tdbloader` of the
# same file, `newsgraph export --format nquads` and `tdb2.tdbloader` of that (the named graphs a
# build makes), `newsgraph serve --store DIR` until its first answer (a TDB2 store built from the
# CSV), `newsgraph build --store DIR` and `newsgraph build --store URL` into a running
# jena-fuseki-server 5.6.0 (these two only when the jar has a `build` command; otherwise a note
# says they were skipped), then, on that store, "one changed article, rebuild" (one cell of one
# article's facts file changed, then `build --store DIR` again) and "nothing changed, rebuild", and
# `newsgraph validate` of a corpus of that many bad rows (at most 100,000), which must fail and
# report its first 100 problems. Each step's wall time, CPU seconds (user + system, the launcher
# and its child JVM together), triples per second, peak RSS (from /usr/bin/time) and peak
# anonymous memory (RssAnon of the process tree, sampled every 0.2 s: the heap and the JVM's own
# memory, without the pages of files mapped in memory, such as TDB2's, which RSS counts and the
# kernel can drop) go in a Markdown table.
#
# --rebuild-articles N (default 1000; 100 with --quick; none skips it) also builds a corpus of N
# articles of REBUILD_FACTS facts each (default 15) into a TDB2 store, then times REBUILD_REPS
# times (default 3; 1 with --quick) a rebuild after one article changed and a rebuild with nothing
# changed: issue 9's "changing one article of a 1,000-article store rebuilds in under 2 s plus that
# article's own load".
#
# At the --queries-at size (default: 100k when it is among the sizes, else the largest) it serves
# the corpus from memory and from the TDB2 store and runs every named query (not
# wikidata-federated, which calls Wikidata; --queries names a few) once to warm up, then QUERY_REPS
# times with one client (p50 in ms), then with CLIENTS clients at once for CLIENT_SECONDS (wrk)
# against the TDB2 store, and counts what fails or times out (the server's timeout is 10 s). A
# query that fails or times out with one client is recorded as such (e.g. "timeout (503)") and the
# run goes on with the next query.
# A query whose header offers `--param NAME=ID` is sent with a well-used entity, one whose header
# offers `--param NAME=ngs:ID` with the corpus's first source, written into the query as `newsgraph
# query --param` writes it (the table names the value).
#
# --queries-only skips the build steps and the bad corpus: it runs only the named queries at the
# --queries-at size (default: the largest of --sizes), over the corpus and TDB2 store an earlier run
# left in $BUILD_DIR/bench (generated, and the store built by `serve --store`, when missing), so
# that reshaping a query does not rebuild 100k facts each time. --queries-dir takes the .rq files
# from another folder than queries/ (e.g. two versions of a query side by side).
#
# --quick (what CI runs, with a small size) does few repetitions. Results go to stdout and to
# $BUILD_DIR/bench/scale-results.md. NEWSGRAPH_JAR=path measures another build of the jar.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-target}
case $BUILD_DIR in /*) ;; *) BUILD_DIR="$PWD/$BUILD_DIR" ;; esac
BENCH="$BUILD_DIR/bench"
SIZES=10k,100k
QUERIES_AT=
ONLY_QUERIES=
QUERIES_ONLY=0
QUERIES_DIR=queries
QUERY_REPS=${QUERY_REPS:-15}
CLIENTS=${CLIENTS:-8}
CLIENT_SECONDS=${CLIENT_SECONDS:-10}
SEED=${SEED:-1}
REBUILD_ARTICLES=
REBUILD_FACTS=${REBUILD_FACTS:-15}
REBUILD_REPS=${REBUILD_REPS:-}
QUICK=0
JENA_VERSION=5.6.0
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) SIZES=$2; shift 2 ;;
    --queries-at) QUERIES_AT=$2; shift 2 ;;
    --queries) ONLY_QUERIES=$2; shift 2 ;;
    --quick) QUERY_REPS=3; CLIENT_SECONDS=2; QUICK=1; shift ;;
    --queries-only) QUERIES_ONLY=1; shift ;;
    --queries-dir) QUERIES_DIR=$2; shift 2 ;;
    --rebuild-articles) REBUILD_ARTICLES=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-scale: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$REBUILD_ARTICLES" ]; then
  REBUILD_ARTICLES=1000
  if [ "$QUICK" = 1 ]; then REBUILD_ARTICLES=100; fi
fi
if [ -z "$REBUILD_REPS" ]; then
  REBUILD_REPS=3
  if [ "$QUICK" = 1 ]; then REBUILD_REPS=1; fi
fi
IFS=, read -r -a sizes <<< "$SIZES"
if [ -z "$QUERIES_AT" ]; then
  QUERIES_AT=${sizes[-1]}
  for s in "${sizes[@]}"; do [ "$s" = 100k ] && QUERIES_AT=100k; done
fi

for tool in java mvn curl; do
  command -v "$tool" > /dev/null || { echo "bench-scale: $tool is needed" >&2; exit 2; }
done
TIME=/usr/bin/time
if [ ! -x "$TIME" ]; then
  echo "bench-scale: no /usr/bin/time, so no peak RSS (apt-get install -y time)" >&2
  TIME=
fi

mkdir -p "$BENCH/tools"
if [ -n "${NEWSGRAPH_JAR:-}" ]; then
  JAR=$NEWSGRAPH_JAR
elif [ "${SKIP_BUILD:-}" = 1 ]; then
  JAR="$BUILD_DIR/newsgraph.jar"
else
  # -DskipTests still compiles the test classes, where the generator lives.
  mvn -q -B -ntp -Dng.buildDir="$BUILD_DIR" -DskipTests package
  JAR="$BUILD_DIR/newsgraph.jar"
fi
GEN_CP="$JAR:$BUILD_DIR/test-classes"
for artifact in jena-cmds jena-fuseki-server; do
  if [ ! -f "$BENCH/tools/$artifact-$JENA_VERSION.jar" ]; then
    mvn -q -B -ntp dependency:copy -Dartifact="org.apache.jena:$artifact:$JENA_VERSION" \
      -DoutputDirectory="$BENCH/tools"
  fi
done
CMDS_CP="$JAR:$BENCH/tools/jena-cmds-$JENA_VERSION.jar"
FUSEKI_JAR="$BENCH/tools/jena-fuseki-server-$JENA_VERSION.jar"
HAS_BUILD=0
if java -jar "$JAR" --help | grep -qE '^  build '; then HAS_BUILD=1; fi
COMMIT=$(git rev-parse --short HEAD 2> /dev/null || echo unknown)

pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2> /dev/null || true; done; wait 2> /dev/null || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# measure STEP SIZE TRIPLES EXPECT -- command...: runs it, appends a table row. TRIPLES is a
# number, @FILE (the lines of the N-Triples FILE the step writes) or empty; EXPECT is the exit code
# the step must end with (1 for the bad corpus).
ROWS="$BENCH/scale-rows.md"
: > "$ROWS"
# anon_peak PID FILE: until PID ends, the largest sum of RssAnon (kB) over PID and its descendants,
# written to FILE.
anon_peak() {
  local root=$1 file=$2 peak=0 sum pids p kb
  while kill -0 "$root" 2> /dev/null; do
    pids=$root
    for p in $(ps -o pid= --ppid "$root" 2> /dev/null); do
      pids="$pids $p $(ps -o pid= --ppid "$p" 2> /dev/null || true)"
    done
    sum=0
    for p in $pids; do
      kb=$(awk '/^RssAnon:/ {print $2}' "/proc/$p/status" 2> /dev/null || true)
      sum=$((sum + ${kb:-0}))
    done
    [ "$sum" -gt "$peak" ] && peak=$sum
    sleep 0.2
  done
  echo "$peak" > "$file"
}

measure() {
  local step=$1 size=$2 triples=$3 expect=$4 out="$BENCH/step.out" stats="$BENCH/step.time"
  shift 5
  local start end code=0 wall rss rate cpu pid anon
  start=$(date +%s.%N)
  if [ -n "$TIME" ]; then
    "$TIME" -f '%e %M %U %S' -o "$stats" "$@" > "$out" 2>&1 &
  else
    "$@" > "$out" 2>&1 &
  fi
  pid=$!
  anon_peak "$pid" "$BENCH/step.anon" &
  local sampler=$!
  wait "$pid" || code=$?
  wait "$sampler"
  end=$(date +%s.%N)
  if [ "$code" != "$expect" ]; then
    echo "bench-scale: '$step' at $size exited $code, expected $expect:" >&2
    tail -20 "$out" >&2
    exit 1
  fi
  case $triples in @*) triples=$(wc -l < "${triples#@}") ;; esac
  wall=$(python3 -c "print('%.1f' % ($end - $start))")
  rss=n/a
  cpu=n/a
  [ -n "$TIME" ] && rss=$(tail -1 "$stats" | awk '{printf "%.2f", $2 / 1048576}')
  [ -n "$TIME" ] && cpu=$(tail -1 "$stats" | awk '{printf "%.1f", $3 + $4}')
  anon=$(awk '{printf "%.2f", $1 / 1048576}' "$BENCH/step.anon" 2> /dev/null || echo n/a)
  rate=
  if [ "$triples" != "" ] && [ "$triples" != 0 ]; then
    rate=$(python3 -c "print(f'{round($triples / max($end - $start, 0.001)):,}')")
  fi
  echo "| $step | $size | $wall | $cpu | $rate | $rss | $anon |" | tee -a "$ROWS"
}

note() { echo "| $1 | $2 | skipped: $3 | | | | |" | tee -a "$ROWS"; }

# change_one_article TRIPLES: changes one cell of one article's facts file (the middle article;
# the id of its last fact, toggled between fNNN and fNNN-b), so that a rebuild has exactly that
# article to load again.
change_one_article() {
  python3 - "$1" <<'EOF'
import pathlib, sys
files = sorted(pathlib.Path(sys.argv[1], "facts").glob("*.csv"))
f = files[len(files) // 2]
lines = f.read_text(encoding="utf-8").split("\n")
i = max(k for k, line in enumerate(lines) if line.strip())
cell, rest = lines[i].split(",", 1)
cell = cell[:-2] if cell.endswith("-b") else cell + "-b"
lines[i] = cell + "," + rest
f.write_text("\n".join(lines), encoding="utf-8")
EOF
}

# rebuild STEP SIZE TRIPLES STORE SAYS: one timed `build --store`, whose output must say SAYS.
rebuild() {
  measure "$1" "$2" "" 0 -- java -jar "$JAR" build --triples "$3" --store "$4"
  grep -q "$5" "$BENCH/step.out" || {
    echo "bench-scale: '$1' did not say '$5':" >&2
    cat "$BENCH/step.out" >&2
    exit 1
  }
}

# rebuilds LABEL SIZE TRIPLES STORE REPS: on a built store, REPS rebuilds after one article changed,
# then REPS with nothing changed.
rebuilds() {
  local label=$1 size=$2 triples=$3 store=$4 reps=$5 rep
  for rep in $(seq 1 "$reps"); do
    change_one_article "$triples"
    rebuild "one changed article of $label, rebuild" "$size" "$triples" "$store" ": 1 article loaded"
  done
  for rep in $(seq 1 "$reps"); do
    rebuild "nothing changed of $label, rebuild" "$size" "$triples" "$store" "nothing changed"
  done
}

# generate SIZE [--bad]: the synthetic corpus of SIZE facts in $BENCH/corpus-SIZE[-bad], unless an
# earlier run left it there.
generate() {
  local dir="$BENCH/corpus-$1${2:+-bad}"
  if [ ! -f "$dir/.seed-$SEED" ]; then
    rm -rf "$dir"
    java -cp "$GEN_CP" org.w3id.newsgraph.bench.CorpusGenerator --facts "$1" --seed "$SEED" \
      ${2:+"$2"} --out "$dir/triples"
    touch "$dir/.seed-$SEED"
  fi
}

build_sizes=("${sizes[@]}")
[ "$QUERIES_ONLY" = 1 ] && build_sizes=()
for size in "${build_sizes[@]}"; do
  corpus="$BENCH/corpus-$size"
  generate "$size"
  nt="$corpus/export.nt"
  rm -f "$nt"
  measure "newsgraph export --format ntriples" "$size" "@$nt" 0 -- \
    java -jar "$JAR" export --triples "$corpus/triples" --format ntriples -o "$nt"
  triples=$(wc -l < "$nt")
  echo "bench-scale: $size facts = $triples triples"
  measure "Jena riot --count (same N-Triples)" "$size" "$triples" 0 -- \
    java -cp "$JAR" riotcmd.riot --count "$nt"
  measure "newsgraph validate" "$size" "$triples" 0 -- \
    java -jar "$JAR" validate --triples "$corpus/triples"
  rm -rf "$corpus/tdbloader"
  measure "Jena tdb2.tdbloader (same N-Triples)" "$size" "$triples" 0 -- \
    java -cp "$CMDS_CP" tdb2.tdbloader --loc "$corpus/tdbloader" "$nt"
  # The same quads as `build --store` makes, one named graph per article: TDB2 writes six quad
  # indexes for them where N-Triples into the default graph fill three.
  nq="$corpus/export.nq"
  rm -f "$nq"
  measure "newsgraph export --format nquads" "$size" "@$nq" 0 -- \
    java -jar "$JAR" export --triples "$corpus/triples" --format nquads -o "$nq"
  rm -rf "$corpus/tdbloader"
  measure "Jena tdb2.tdbloader (same N-Quads)" "$size" "$(wc -l < "$nq")" 0 -- \
    java -cp "$CMDS_CP" tdb2.tdbloader --loc "$corpus/tdbloader" "$nq"
  rm -rf "$corpus/tdbloader" "$nq"

  # serve --store: builds the TDB2 store from the CSV, then answers; timed to the first answer.
  rm -rf "$corpus/store"
  port=$(free_port)
  serve_store() {
    java -jar "$JAR" serve --triples "$corpus/triples" --store "$corpus/store" --port "$port" &
    local pid=$!
    until curl -sf -o /dev/null --data-urlencode 'query=ASK {}' "http://127.0.0.1:$port/kg/sparql"; do
      kill -0 "$pid" 2> /dev/null || { wait "$pid"; return 1; }
      sleep 0.2
    done
    kill -TERM "$pid"
    wait "$pid" || true
  }
  export -f serve_store
  measure "newsgraph serve --store DIR (build, first answer)" "$size" "$triples" 0 -- \
    env JAR="$JAR" corpus="$corpus" port="$port" bash -c serve_store

  if [ "$HAS_BUILD" = 1 ]; then
    rm -rf "$corpus/build-store"
    measure "newsgraph build --store DIR" "$size" "$triples" 0 -- \
      java -jar "$JAR" build --triples "$corpus/triples" --store "$corpus/build-store"
    articles=$(($(wc -l < "$corpus/triples/sources.csv") - 1))
    rebuilds "$articles articles" "$size" "$corpus/triples" "$corpus/build-store" 1
    fport=$(free_port)
    rm -rf "$corpus/fuseki-db" && mkdir -p "$corpus/fuseki-db"
    (cd "$corpus" && exec java -jar "$FUSEKI_JAR" --tdb2 --loc fuseki-db --update --port "$fport" \
      --localhost /ds > fuseki.log 2>&1) &
    pids+=($!)
    until curl -sf -o /dev/null "http://127.0.0.1:$fport/\$/ping"; do sleep 0.2; done
    measure "newsgraph build --store http://…/ds (Fuseki)" "$size" "$triples" 0 -- \
      java -jar "$JAR" build --triples "$corpus/triples" --store "http://127.0.0.1:$fport/ds"
    kill -TERM "${pids[-1]}"
    wait "${pids[-1]}" 2> /dev/null || true
    unset 'pids[-1]'
  else
    note "newsgraph build --store DIR" "$size" "this jar has no build command"
    note "newsgraph build --store http://…/ds (Fuseki)" "$size" "this jar has no build command"
  fi
done

# One changed article of a store of REBUILD_ARTICLES articles of REBUILD_FACTS facts each.
if [ "$QUERIES_ONLY" = 0 ] && [ "$REBUILD_ARTICLES" != none ] && [ "$HAS_BUILD" = 1 ]; then
  rfacts=$((REBUILD_ARTICLES * REBUILD_FACTS))
  rdir="$BENCH/corpus-rebuild-${REBUILD_ARTICLES}x$REBUILD_FACTS"
  if [ ! -f "$rdir/.seed-$SEED" ]; then
    rm -rf "$rdir"
    java -cp "$GEN_CP" org.w3id.newsgraph.bench.CorpusGenerator --facts "$rfacts" \
      --per-article "$REBUILD_FACTS" --seed "$SEED" --out "$rdir/triples"
    touch "$rdir/.seed-$SEED"
  fi
  rm -rf "$rdir/store"
  measure "newsgraph build --store DIR ($REBUILD_ARTICLES articles of $REBUILD_FACTS facts)" \
    "$rfacts" "" 0 -- java -jar "$JAR" build --triples "$rdir/triples" --store "$rdir/store"
  rebuilds "$REBUILD_ARTICLES articles" "$rfacts" "$rdir/triples" "$rdir/store" "$REBUILD_REPS"
fi

# A corpus whose every fact row is wrong (its speaker is not declared): validate must refuse it,
# reporting the first 100 problems.
if [ "$QUERIES_ONLY" = 0 ]; then
  count() { local s=${1,,}; s=${s/k/000}; echo "${s/m/000000}"; }
  bad_size=${sizes[0]}
  for s in "${sizes[@]}"; do
    [ "$(count "$s")" -le 100000 ] && bad_size=$s
  done
  bad="$BENCH/corpus-$bad_size-bad"
  generate "$bad_size" --bad
  measure "newsgraph validate, every row bad (report capped at 100)" "$bad_size" "" 1 -- \
    java -jar "$JAR" validate --triples "$bad/triples"
  grep -q "problems found" "$BENCH/step.out" ||
    { echo "bench-scale: the bad corpus was not reported" >&2; tail "$BENCH/step.out" >&2; exit 1; }
fi

# ---- named queries, from memory and from the TDB2 store
QROWS="$BENCH/query-rows.md"
: > "$QROWS"
if [ "$QUERIES_AT" != none ]; then
  corpus="$BENCH/corpus-$QUERIES_AT"
  [ "$QUERIES_ONLY" = 1 ] && generate "$QUERIES_AT"
  [ -d "$corpus/store" ] || [ "$QUERIES_ONLY" = 1 ] ||
    { echo "bench-scale: --queries-at $QUERIES_AT is not among the sizes" >&2; exit 2; }
  # start_server LOG ARGS...: a server on a free port; prints its pid and port once it answers.
  # Without --store it holds the graph in memory; with it, it serves (and builds when missing) the
  # TDB2 store, whose default graph is the union of its named graphs (one per article).
  start_server() {
    local log=$1 port pid
    shift
    port=$(free_port)
    java -jar "$JAR" serve --triples "$corpus/triples" --port "$port" "$@" > "$log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null --data-urlencode 'query=ASK {}' "http://127.0.0.1:$port/kg/sparql"; do
      kill -0 "$pid" 2> /dev/null ||
        { echo "bench-scale: the server of $log stopped:" >&2; tail -20 "$log" >&2; return 1; }
      sleep 0.5
    done
    echo "$pid $port"
  }
  read -r pid mem_port < <(start_server "$BENCH/serve-mem.log") || true
  [ -n "${pid:-}" ] && pids+=("$pid")
  pid=
  read -r pid tdb_port < <(start_server "$BENCH/serve-tdb.log" --store "$corpus/store") || true
  [ -n "${pid:-}" ] && pids+=("$pid")
  [ -n "${mem_port:-}" ] && [ -n "${tdb_port:-}" ] || exit 1
  # A query that takes a parameter (its header says --param NAME=ID) gets a well-used entity; one
  # whose header says --param NAME=ngs:ID gets the first source. The value is written into the query
  # as `newsgraph query --param` does (BoundQuery, in test scope), also inside its subqueries.
  entity=$(awk -F, 'NR == 2 { print $1 }' "$corpus/triples/entities.csv")
  source=$(awk -F, 'NR == 2 { print $1 }' "$corpus/triples/sources.csv")
  for file in "$QUERIES_DIR"/*.rq; do
    name=$(basename "$file" .rq)
    [ "$name" = wikidata-federated ] && continue
    [ -n "$ONLY_QUERIES" ] && [[ ",$ONLY_QUERIES," != *",$name,"* ]] && continue
    param=$(grep -o -- '--param [a-z]*=' "$file" | head -1 | sed 's/--param //; s/=//' || true)
    line="| $name"
    if [ -n "$param" ]; then
      value=$entity
      grep -q -- "--param $param=ngs:" "$file" && value="ngs:$source"
      java -cp "$GEN_CP" org.w3id.newsgraph.bench.BoundQuery "$file" "$param=$value" \
        > "$BENCH/query.rq"
      line="$line ($param=$value)"
    else
      cp "$file" "$BENCH/query.rq"
    fi
    rows=
    for p in "$mem_port" "$tdb_port"; do
      url="http://127.0.0.1:$p/kg/sparql"
      times=()
      failed=
      # request 0 is not counted (the server's first run of a query compiles code)
      for rep in $(seq 0 "$QUERY_REPS"); do
        r=$(curl -s -o "$BENCH/query.out" -w '%{http_code} %{time_total}' \
          -H 'Accept: text/tab-separated-values' --data-urlencode "query@$BENCH/query.rq" "$url" ||
          echo "000 0")
        code=${r%% *}
        if [ "$code" != 200 ]; then
          # 503 is the server's query timeout (10 s); anything else an error. Either way this
          # query's one-client time is not measured here: the table says why and the run goes on.
          failed="HTTP $code"
          [ "$code" = 503 ] && failed="timeout (503)"
          echo "bench-scale: $name answered $code on $url: $(head -c 300 "$BENCH/query.out")" >&2
          break
        fi
        [ "$rep" = 0 ] && continue
        times+=("${r#* }")
        rows=$(($(wc -l < "$BENCH/query.out") - 1))
      done
      if [ -n "$failed" ]; then
        p50=$failed
      else
        p50=$(printf '%s\n' "${times[@]}" | sort -n |
          awk '{ a[NR] = $1 } END { printf "%.0f", a[int((NR + 1) / 2)] * 1000 }')
      fi
      [ "$p" = "$mem_port" ] && line="$line | ${rows:-?}"
      line="$line | $p50"
    done
    # CLIENTS clients at once against the TDB2 store: requests done, and how many failed (a 503 is
    # the server's query timeout; wrk counts its own timeouts at 30 s).
    if command -v wrk > /dev/null; then
      python3 - "$BENCH/query.rq" > "$BENCH/wrk.lua" <<'EOF'
import sys, urllib.parse
body = "query=" + urllib.parse.quote(open(sys.argv[1]).read())
print('wrk.method = "POST"')
print('wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"')
print('wrk.headers["Accept"] = "text/tab-separated-values"')
print("wrk.body = %r" % body)
EOF
      out=$(wrk -t2 -c"$CLIENTS" -d"${CLIENT_SECONDS}s" --timeout 30s -s "$BENCH/wrk.lua" \
        "http://127.0.0.1:$tdb_port/kg/sparql" 2>&1) || true
      done_=$(echo "$out" | awk '/requests in/ { print $1 }')
      bad_=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
      timeouts=$(echo "$out" | sed -n 's/.*timeout \([0-9]*\).*/\1/p')
      failed_=$((${bad_:-0} + ${timeouts:-0}))
      # wrk counts only the requests that finished within the run: none at all means each took
      # longer than CLIENT_SECONDS, which the table must not show as "0 failed".
      [ "${done_:-0}" = 0 ] && failed_="none finished in ${CLIENT_SECONDS} s"
      line="$line | ${done_:-?} | $failed_"
    else
      line="$line | no wrk (apt-get install -y wrk) | |"
    fi
    echo "$line |" | tee -a "$QROWS"
  done
fi

{
  echo "NewsGraph scale benchmark, $(date -u +%Y-%m-%d), commit $COMMIT, $(nproc) cores," \
    "$(java -version 2>&1 | head -1), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -s "$ROWS" ]; then
    echo
    echo "| step | facts | wall s | CPU s | triples/s | peak RSS GB | peak anon GB |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    cat "$ROWS"
  fi
  if [ -s "$QROWS" ]; then
    echo
    echo "Named queries over the $QUERIES_AT-fact corpus: p50 of $QUERY_REPS requests with one client" \
      "(ms, HTTP, TSV results), then $CLIENTS clients for ${CLIENT_SECONDS} s against the TDB2 store."
    echo
    echo "| query | rows | p50 memory ms | p50 TDB2 ms | $CLIENTS clients: requests | failed or timed out |"
    echo "|---|---:|---:|---:|---:|---:|"
    cat "$QROWS"
  fi
} | tee "$BENCH/scale-results.md"
