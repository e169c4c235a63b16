#!/usr/bin/env bash
# Kill soak of ballot entry (issue 13; xuanju.server.trust.KillSoak): N clerks post ballots to the real
# server, which gets SIGKILL at a random moment, is restarted, and every ballot is sent again with the same
# client id; counts what was lost and what was duplicated, then checks the database itself.
#
#   bench/kill-soak.sh --db default  --cycles 200 [--clerks 4 --kill-min 2 --kill-max 4.5 --restart-delay 3]
#   bench/kill-soak.sh --db postgres --cycles 200     (a separate PostgreSQL server; only Xuanju is killed)
#   bench/kill-soak.sh --db h2       --cycles 50      (the embedded H2 file, for comparison)
#
# default = the built-in PostgreSQL under the data folder; every second cycle its processes are killed too.
# Exit status 0 only when nothing was lost or duplicated.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target-bench}"
CP_FILE="$PWD/server/$BUILD_DIR/test-classpath.txt"
./mvnw -B -q -Dbuild.dir="$BUILD_DIR" -Dspotless.check.skip=true -Djacoco.skip=true -pl server -am test-compile \
  dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="server/$BUILD_DIR/test-classes:server/$BUILD_DIR/classes:core/$BUILD_DIR/classes:cli/$BUILD_DIR/classes:$(cat "$CP_FILE")"
exec java -Xmx1g ${JAVA_OPTS:-} -cp "$CP" -Dsurefire.test.class.path="$CP" xuanju.server.trust.KillSoak "$@"
