#!/usr/bin/env bash
# Builds core's test classes and runs the JMH slate benchmark (pool of 500, seed 003's quota set,
# 21 seats: a slate, and two pools with no slate explained) pinned to ONE core.
# Usage: bench/core-slate.sh [extra JMH args]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-target-bench}"
./mvnw -B -q -o -Dbuild.dir="$BUILD_DIR" -pl core test-compile
CP_FILE="core/$BUILD_DIR/test-classpath.txt"
./mvnw -B -q -o -Dbuild.dir="$BUILD_DIR" -pl core dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=test
CP="core/$BUILD_DIR/test-classes:core/$BUILD_DIR/classes:$(cat "$CP_FILE")"
exec taskset -c 0 java -cp "$CP" org.openjdk.jmh.Main SlateBenchmark -f 1 -wi 3 -i 5 "$@"
