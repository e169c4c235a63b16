#!/usr/bin/env bash
# Ballot-entry load benchmark (see bench/VotingLoadBench.java).
#
#   Against a RUNNING server:
#     bench/voting-load.sh --url http://localhost:8080 --election 1 --round 1 --user demo_clerk --password ... \
#                          --clerks 20 --seconds 30
#   Against a fresh server on embedded PostgreSQL 15 (fsync on) with an election whose voting has begun,
#   started and stopped by this script (xuanju.server.trust.VotingBenchServer, test classpath):
#     bench/voting-load.sh --local-postgres --clerks 20 --seconds 30
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--local-postgres" ]; then
  exec java bench/VotingLoadBench.java "$@"
fi
shift
BUILD_DIR="${BUILD_DIR:-target-bench}"
CP_FILE="$PWD/server/$BUILD_DIR/test-classpath.txt"
./mvnw -B -q -o -Dbuild.dir="$BUILD_DIR" -Dspotless.check.skip=true -pl server test-compile \
  dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="server/$BUILD_DIR/test-classes:server/$BUILD_DIR/classes:$(cat "$CP_FILE")"
LOG="$(mktemp -t xuanju-voting-bench.XXXXXX)"
java -Xmx1g ${JAVA_OPTS:-} -cp "$CP" xuanju.server.trust.VotingBenchServer >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  if grep -q '^READY ' "$LOG"; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then cat "$LOG"; echo "server failed to start" >&2; exit 1; fi
  sleep 0.5
done
read -r _ URL ELECTION ROUND USER PASSWORD < <(grep '^READY ' "$LOG")
echo "server ready: $URL election $ELECTION round $ROUND (log $LOG); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/VotingLoadBench.java --url "$URL" --election "$ELECTION" --round "$ROUND" --user "$USER" \
  --password "$PASSWORD" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
