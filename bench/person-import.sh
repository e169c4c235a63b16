#!/usr/bin/env bash
# Times the person-register import (居民名册导入): N generated residents (default 1,000,000) from .xlsx
# (or -Dformat=csv), streaming read, every row validated with core Residents.validate, duplicate and
# holder look-ups, then one transaction of bulk writes (COPY on PostgreSQL, batched inserts on H2),
# against the real PersonImportService on an H2 file database and on embedded PostgreSQL 15.
# Eligibility and district assignment are not included (voter register). Not part of the test suite.
# Usage: bench/person-import.sh [h2] [postgres]      (default: both; -Drows=N -Dformat=csv via JAVA_OPTS)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target-bench}"
CP_FILE="$PWD/server/$BUILD_DIR/test-classpath.txt"
./mvnw -B -q -o -Dbuild.dir="$BUILD_DIR" -Dspotless.check.skip=true -pl server -am test-compile \
  dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="server/$BUILD_DIR/test-classes:server/$BUILD_DIR/classes:$(cat "$CP_FILE")"
exec java -Xmx4g ${JAVA_OPTS:-} -cp "$CP" xuanju.server.person.bench.PersonImportBench "$@"
