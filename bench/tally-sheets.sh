#!/usr/bin/env bash
# Election day of a town deputies' election (issue 10), on the real application with embedded PostgreSQL 15
# (or h2): a town of 100 districts × 4 stations, a county contest over every 4 districts.
#   bench/tally-sheets.sh board [postgres|h2]   the town board refreshed over HTTP (p50/p99 per refresh)
#   bench/tally-sheets.sh entry [postgres|h2] [--rate R --warmup 5]
#                                               20 clerks entering every box's tally sheet twice over HTTP
# JAVA_OPTS=-Ddistricts=N changes the size.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-board}"; shift || true
DB="${1:-postgres}"; shift || true
BUILD_DIR="${BUILD_DIR:-target-bench}"
CP_FILE="$PWD/server/$BUILD_DIR/test-classpath.txt"
./mvnw -B -q -o -Dbuild.dir="$BUILD_DIR" -Dspotless.check.skip=true -pl server -am test-compile \
  dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="server/$BUILD_DIR/test-classes:server/$BUILD_DIR/classes:$(cat "$CP_FILE")"
if [ "$MODE" = "board" ]; then
  exec java -Xmx1g ${JAVA_OPTS:-} -cp "$CP" xuanju.server.congress.bench.CongressBench board "$DB"
fi
LOG="$(mktemp -t xuanju-sheet-bench.XXXXXX)"
java -Xmx1g ${JAVA_OPTS:-} -cp "$CP" xuanju.server.congress.bench.CongressBench serve "$DB" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  if grep -q '^READY ' "$LOG"; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then cat "$LOG"; echo "server failed to start" >&2; exit 1; fi
  sleep 0.5
done
read -r _ URL ELECTION PASSWORD SHEETS < <(grep '^READY ' "$LOG")
grep '^set-up' "$LOG" || true
echo "server ready ($DB): $URL election $ELECTION (log $LOG); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/TallySheetLoadBench.java --url "$URL" --election "$ELECTION" --password "$PASSWORD" \
  --sheets "$SHEETS" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
