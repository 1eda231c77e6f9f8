#!/usr/bin/env bash
# Startup time of `newsgraph serve`: from starting the JVM to the first answered query, polled with
# curl every 10 ms. Five ways, interleaved, ROUNDS times each: the default (the launcher starts a
# child JVM with the class-data archive `mvn package` made, and the graph checked at an earlier
# start comes from the cache), the first start after an input changed (--no-cache), both again
# without the launcher (-Dnewsgraph.launcher=false: one JVM, no archive, full JIT, as before this
# round), and reopening an unchanged --store.
# Not part of the tests; run by hand: .ci/startup-serve.sh (BUILD_DIR=target, built beforehand).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-target}
case $BUILD_DIR in /*) ;; *) BUILD_DIR="$PWD/$BUILD_DIR" ;; esac
ROUNDS=${ROUNDS:-7}
PORT=${PORT:-3453}
JAR="$BUILD_DIR/newsgraph.jar"
WORK="$BUILD_DIR/bench"
STORE="$WORK/startup-store"
mkdir -p "$WORK"
[ -f "$JAR" ] || { echo "startup-serve: build first (mvn -DskipTests package)" >&2; exit 2; }
[ -f "$BUILD_DIR/newsgraph.jsa" ] || echo "startup-serve: no class-data archive beside the jar" >&2
# A cache of checked graphs of its own, so the user's is left alone.
export XDG_CACHE_HOME="$WORK/startup-cache"
rm -rf "$XDG_CACHE_HOME"

url="http://127.0.0.1:$PORT/kg/sparql"

# Starts serve with JVM options "$1" and serve options "$2"; prints ms to the first answer. Time
# and liveness come from bash itself ($EPOCHREALTIME, /proc): the probe forks nothing but curl and
# sleep, so it takes as little CPU as it can from the JVM it times on 2 cores.
first_answer() {
  local jvm=$1 opts=$2 start pid stat t
  t=${EPOCHREALTIME/./}
  start=$((t / 1000))
  # shellcheck disable=SC2086
  java $jvm -jar "$JAR" serve --port "$PORT" $opts > /dev/null 2> "$WORK/startup.err" &
  pid=$!
  until curl -sf -o /dev/null --data-urlencode 'query=ASK {}' "$url"; do
    stat=""
    read -r stat < "/proc/$pid/stat" 2> /dev/null || true
    case "$stat" in "" | *") Z "*) echo "startup-serve: serve died: $(cat "$WORK/startup.err")" >&2; exit 1 ;; esac
    t=${EPOCHREALTIME/./}
    if [ $((t / 1000 - start)) -gt 60000 ]; then
      kill -9 "$pid"
      echo "startup-serve: no answer in 60 s" >&2
      exit 1
    fi
    sleep 0.01
  done
  t=${EPOCHREALTIME/./}
  echo $((t / 1000 - start))
  kill -TERM "$pid"
  wait "$pid" 2> /dev/null || true
}

# A store to reopen.
rm -rf "$STORE"
first_answer "" "--store $STORE" > /dev/null

first_answer "" "" > /dev/null # fills the cache

names=("default (launcher, archive, cache)" "after an input changed (--no-cache)"
  "no launcher, cache" "no launcher, --no-cache" "--store, unchanged")
off=-Dnewsgraph.launcher=false
jvms=("" "" "$off" "$off" "")
opts=("" "--no-cache" "" "--no-cache" "--store $STORE")
declare -a times
for _ in $(seq 1 "$ROUNDS"); do
  for i in 0 1 2 3 4; do
    times[i]="${times[i]:-} $(first_answer "${jvms[i]}" "${opts[i]}")"
  done
done

{
  echo "| serve | median ms | min ms | max ms |"
  echo "|---|---:|---:|---:|"
  for i in 0 1 2 3 4; do
    read -r -a sorted <<< "$(tr ' ' '\n' <<< "${times[i]}" | grep . | sort -n | tr '\n' ' ')"
    n=${#sorted[@]}
    echo "| ${names[i]} | ${sorted[n / 2]} | ${sorted[0]} | ${sorted[n - 1]} |"
  done
  echo
  echo "JVM start to first answered query, $ROUNDS runs each, interleaved; $(nproc) cores;" \
    "$(java -version 2>&1 | head -1)."
} | tee "$WORK/startup.md"
