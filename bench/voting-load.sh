#!/bin/sh
# Ballot-entry load benchmark against a RUNNING server (see bench/VotingLoadBench.java for the set-up).
# Example: bench/voting-load.sh --url http://localhost:8080 --election 1 --round 1 --user demo_clerk --password ... --clerks 20 --seconds 30
set -e
cd "$(dirname "$0")/.."
exec java bench/VotingLoadBench.java "$@"
