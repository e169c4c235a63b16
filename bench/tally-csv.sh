#!/usr/bin/env bash
# The tally command line against a plain Python count of the same ballot file, side by side in one
# run (docs/benchmarks.md). Usage: bench/tally-csv.sh [BALLOTS] [RUNS]   (default 1000000 10)
#
# 1. writes (once, fixed seed) BALLOTS x 15 candidates to $TALLY_BENCH_DIR (default
#    /tmp/xuanju-tally-bench-BALLOTS): tally-bench.csv and its round file tally-bench.json;
# 2. checks that both programs count the same marks (the CLI's 赞成/不赞成/弃权 per candidate);
# 3. times the whole process of each, alternating, with hyperfine when installed (apt-get install
#    hyperfine), otherwise with a loop of its own: ./xuanju tally FILE.json (JVM start-up included)
#    and python3 bench/tally_count.py FILE.csv; prints both and the ratio, with the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
RUNS="${2:-10}"
DIR="${TALLY_BENCH_DIR:-/tmp/xuanju-tally-bench-$N}"
# the interpreter itself, not a version manager's shim in front of it
PY="$(python3 -c 'import sys; print(sys.executable)')"

if [ ! -f "$DIR/tally-bench.json" ] || [ bench/tally_gen.py -nt "$DIR/tally-bench.json" ]; then
  echo "生成选票文件 $DIR（$N 张 × 15 名候选人，固定种子）…" >&2
  "$PY" bench/tally_gen.py "$DIR" "$N" 15
fi
CSV="$DIR/tally-bench.csv"
JSON="$DIR/tally-bench.json"

# builds the CLI and its start-up archive if needed, and checks the counts agree
./xuanju tally "$JSON" > "$DIR/cli-out.json"
"$PY" bench/tally_count.py "$CSV" > "$DIR/py-out.txt"
"$PY" - "$DIR/cli-out.json" "$DIR/py-out.txt" <<'EOF'
import json, sys
out = json.load(open(sys.argv[1], encoding="utf-8"))
ids = [c["id"] for c in json.load(open(sys.argv[1].replace("cli-out.json", "tally-bench.json"), encoding="utf-8"))["candidates"]]
by_id = {r["id"]: r for r in out["ranking"] if not r["writeIn"]}
py = [list(map(int, line.split())) for line in open(sys.argv[2])]
assert out["ballots"]["invalid"] == 0 and out["ballots"]["needsReview"] == 0, out["ballots"]
for (i, y, n, a), cid in zip(py, ids):
    r = by_id[cid]
    assert (r["yes"], r["no"], r["abstain"]) == (y, n, a), (cid, r, (y, n, a))
print("两者计数一致：%d 张选票，%d 名候选人" % (out["ballots"]["counted"], len(ids)))
EOF

echo "机器：$(nproc) 核，$(java -version 2>&1 | head -1)，$("$PY" --version)；文件 $(du -h "$CSV" | cut -f1)"
echo "开始时负载：$(cut -d' ' -f1-3 /proc/loadavg)"
CLI_CMD="./xuanju tally $JSON"
PY_CMD="$PY bench/tally_count.py $CSV"
if command -v hyperfine > /dev/null; then
  hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$DIR/hyperfine.json" "$CLI_CMD" "$PY_CMD"
  "$PY" - "$DIR/hyperfine.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
cli, py = r[0], r[1]
print("CLI   平均 %.3f s，中位数 %.3f s，最短 %.3f s（CPU %.3f s）" % (cli["mean"], cli["median"], cli["min"], cli["user"] + cli["system"]))
print("Python 平均 %.3f s，中位数 %.3f s，最短 %.3f s（CPU %.3f s）" % (py["mean"], py["median"], py["min"], py["user"] + py["system"]))
print("倍数（Python ÷ CLI）：平均 %.1f×，中位数 %.1f×，最短 %.1f×，CPU %.1f×" % (
    py["mean"] / cli["mean"], py["median"] / cli["median"], py["min"] / cli["min"],
    (py["user"] + py["system"]) / (cli["user"] + cli["system"])))
EOF
else
  cli_total=0
  py_total=0
  for _ in $(seq "$RUNS"); do
    t0=$(date +%s%N)
    $CLI_CMD > /dev/null
    t1=$(date +%s%N)
    $PY_CMD > /dev/null
    t2=$(date +%s%N)
    cli_total=$((cli_total + t1 - t0))
    py_total=$((py_total + t2 - t1))
  done
  echo "CLI 平均 $((cli_total / RUNS / 1000000)) ms；Python 平均 $((py_total / RUNS / 1000000)) ms；倍数 $(
    awk -v a="$py_total" -v b="$cli_total" 'BEGIN { printf "%.1f", a / b }')×"
fi
echo "结束时负载：$(cut -d' ' -f1-3 /proc/loadavg)"
