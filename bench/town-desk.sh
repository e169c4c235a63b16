#!/usr/bin/env bash
# Times the town desk page (上级工作台, issue 14: ≤ 300 ms with 500 organisations on PostgreSQL): one town
# with 500 branches in varied stages (pending requests, completed elections with a decided round), then
# GET /desk through the real controller, service, security filters and Thymeleaf page. Not a test.
# Usage: bench/town-desk.sh [postgres|h2]      JAVA_OPTS='-Dorgs=500 -Druns=200' (defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target-bench}"
CP_FILE="$PWD/server/$BUILD_DIR/test-classpath.txt"
./mvnw -B -q -o -Dbuild.dir="$BUILD_DIR" -Dspotless.check.skip=true -Djacoco.skip=true -pl server -am test-compile \
  dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="server/$BUILD_DIR/test-classes:server/$BUILD_DIR/classes:$(cat "$CP_FILE")"
exec java -Xmx1g ${JAVA_OPTS:-} -cp "$CP" xuanju.server.desk.bench.TownDeskBench "${1:-postgres}"
