#!/usr/bin/env bash
# Times printing 10,000 voter cards (选民证, A4 sheets with QR codes) with the real CardService on an H2 file
# database and on embedded PostgreSQL 15 (xuanju.server.card.bench.CardBench, test classpath). Not a test.
# Usage: bench/voter-cards.sh [h2] [postgres]     (default both; JAVA_OPTS=-Dvoters=N to change the size)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target-bench}"
CP_FILE="$PWD/server/$BUILD_DIR/test-classpath.txt"
./mvnw -B -q -o -Dbuild.dir="$BUILD_DIR" -Dspotless.check.skip=true -pl server -am test-compile \
  dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="server/$BUILD_DIR/test-classes:server/$BUILD_DIR/classes:$(cat "$CP_FILE")"
DBS=("$@"); [ ${#DBS[@]} -eq 0 ] && DBS=(h2 postgres)
for db in "${DBS[@]}"; do
  echo "load before ($db): $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx1g ${JAVA_OPTS:-} -cp "$CP" xuanju.server.card.bench.CardBench cards "$db"
done
