#!/usr/bin/env bash
# Check-in look-up load benchmark (签到查询): starts the real application (xuanju.server.card.bench.CardBench
# serve, test classpath) on an H2 file database or embedded PostgreSQL 15 with 20,000 registered voters in
# 4 districts and a desk user, then runs bench/VoterLookupBench.java (20 desks by default) against it and
# stops it. Queries mix exact names, 18-digit ID numbers, scanned QR codes and 2-character name prefixes.
# Usage: bench/voter-lookup.sh h2|postgres [--desks 20 --seconds 30 --warmup 10 --rate R]
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:-h2}"; shift || true
BUILD_DIR="${BUILD_DIR:-target-bench}"
CP_FILE="$PWD/server/$BUILD_DIR/test-classpath.txt"
./mvnw -B -q -o -Dbuild.dir="$BUILD_DIR" -Dspotless.check.skip=true -pl server -am test-compile \
  dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="server/$BUILD_DIR/test-classes:server/$BUILD_DIR/classes:$(cat "$CP_FILE")"
LOG="$(mktemp -t xuanju-lookup-bench.XXXXXX)"
java -Xmx1g ${JAVA_OPTS:-} -cp "$CP" xuanju.server.card.bench.CardBench serve "$DB" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  if grep -q '^READY ' "$LOG"; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then cat "$LOG"; echo "server failed to start" >&2; exit 1; fi
  sleep 0.5
done
read -r _ URL ELECTION USER PASSWORD QUERIES < <(grep '^READY ' "$LOG")
echo "server ready ($DB): $URL election $ELECTION (log $LOG); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/VoterLookupBench.java --url "$URL" --election "$ELECTION" --user "$USER" --password "$PASSWORD" \
  --queries "$QUERIES" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
