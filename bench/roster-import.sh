#!/usr/bin/env bash
# Times the party-member roster import (100,000 rows from .xlsx, all rows validated, one transaction with
# batched inserts) against the real RosterService on an H2 file database and on embedded PostgreSQL 15,
# plus the export of the imported roster. Not part of the test suite.
# Usage: bench/roster-import.sh [h2] [postgres]      (default: both; -Drows=N via JAVA_OPTS)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target-bench}"
CP_FILE="$PWD/server/$BUILD_DIR/test-classpath.txt"
./mvnw -B -q -o -Dbuild.dir="$BUILD_DIR" -Dspotless.check.skip=true -pl server -am test-compile \
  dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="server/$BUILD_DIR/test-classes:server/$BUILD_DIR/classes:$(cat "$CP_FILE")"
exec java -Xmx2g ${JAVA_OPTS:-} -cp "$CP" xuanju.server.roster.bench.RosterImportBench "$@"
