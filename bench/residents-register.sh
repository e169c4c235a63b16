#!/usr/bin/env bash
# Times the whole way from a residents' file to the voter register (issue 9: "import 1,000,000 residents,
# with eligibility, duplicate checks and district assignment"): the person-register import of a generated
# file, then the registration run over 50 districts (one village each), against the real services on an
# H2 file database and on embedded PostgreSQL 15; prints import + registration = total. Not a test.
# Usage: bench/residents-register.sh [h2] [postgres]
#   JAVA_OPTS='-Dpeople=1000000 -Dunits=50 -Dformat=csv'   (defaults; -Dformat=xlsx for the .xlsx file)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target-bench}"
CP_FILE="$PWD/server/$BUILD_DIR/test-classpath.txt"
./mvnw -B -q -o -Dbuild.dir="$BUILD_DIR" -Dspotless.check.skip=true -Djacoco.skip=true -pl server -am test-compile \
  dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="server/$BUILD_DIR/test-classes:server/$BUILD_DIR/classes:$(cat "$CP_FILE")"
exec java -Xmx4g ${JAVA_OPTS:-} -cp "$CP" xuanju.server.register.bench.ResidentsToRegisterBench "$@"
