#!/usr/bin/env bash
# Times the voter registration run (eligibility on election day, one-registration check, district
# assignment, batched inserts) and the posting list PDF of a district against the real services on an
# H2 file database and on embedded PostgreSQL 15. Not part of the test suite.
# Usage: bench/voter-list.sh [h2] [postgres]
#   JAVA_OPTS='-Dpeople=20000 -Ddistricts=1'   (defaults; -Dpeople=1000000 -Ddistricts=50 for the big run)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target-bench}"
CP_FILE="$PWD/server/$BUILD_DIR/test-classpath.txt"
./mvnw -B -q -o -Dbuild.dir="$BUILD_DIR" -Dspotless.check.skip=true -Djacoco.skip=true -pl server -am test-compile \
  dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="server/$BUILD_DIR/test-classes:server/$BUILD_DIR/classes:$(cat "$CP_FILE")"
exec java -Xmx3g ${JAVA_OPTS:-} -cp "$CP" xuanju.server.register.bench.VoterListBench "$@"
