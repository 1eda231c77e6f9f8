#!/bin/sh
# Measures `newsgraph draft` on the seed article: drafts it from its text alone and compares the
# draft with the curated facts/ file (and, with an empty entities.csv, the proposed entities with
# the curated ones). Prints the numbers the README's "Drafting" section reports.
# Usage: .ci/draft-eval.sh [SOURCE]   (from the project folder; builds the test classes offline)
set -eu
cd "$(dirname "$0")/.."
SOURCE="${1:-rferl-2021-11-ttp-secret-talks}"
BUILD="${NG_BUILD_DIR:-target}"
mvn -q -o -B test-compile -Dng.buildDir="$BUILD"
mvn -q -o -B dependency:build-classpath -Dmdep.outputFile="$BUILD/eval.classpath" -Dng.buildDir="$BUILD" >/dev/null
exec java -cp "$BUILD/test-classes:$BUILD/classes:$(cat "$BUILD/eval.classpath")" \
  org.w3id.newsgraph.draft.DraftEval . "$SOURCE"
