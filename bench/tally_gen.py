#!/usr/bin/env python3
"""Writes the tally benchmark's ballot file (选票文件) and its round file, always the same bytes.

Usage: tally_gen.py DIR [BALLOTS] [CANDIDATES]   (default 1,000,000 ballots x 15 candidates)

DIR/tally-bench.csv: a comment, the header "marks,writeIns", then one ballot per line, marks
Y/N/A drawn with a fixed seed (each candidate its own share of 赞成); one ballot in 500 writes in
"王某" with a 不赞成 on a printed name. DIR/tally-bench.json: the round (PARTY_GRASSROOTS, 7 seats,
everyone present) with "ballotsFile": "tally-bench.csv", for ./xuanju tally.
"""
import json
import os
import random
import sys


def main():
    out = sys.argv[1]
    ballots = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    candidates = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    seats = min(7, candidates)
    rng = random.Random(20261204)
    os.makedirs(out, exist_ok=True)
    # each candidate its own share of 赞成; a ballot with more 赞成 than seats gets 不赞成 instead
    weights = [(20 + 3 * c, 30, 15) for c in range(candidates)]
    with open(os.path.join(out, "tally-bench.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# tally benchmark: %d ballots x %d candidates, seed 20261204\n" % (ballots, candidates))
        f.write("marks,writeIns\n")
        lines = []
        for i in range(ballots):
            marks = [rng.choices("YNA", w)[0] for w in weights]
            yes = [c for c in range(candidates) if marks[c] == "Y"]
            while len(yes) > seats:
                marks[yes.pop(rng.randrange(len(yes)))] = "N"
            if i % 500 == 499:
                marks[0] = "N"
                if marks.count("Y") >= seats:
                    marks[marks.index("Y")] = "A"
                lines.append("".join(marks) + ",王某:Y\n")
            else:
                lines.append("".join(marks) + "\n")
            if len(lines) >= 10000:
                f.write("".join(lines))
                lines = []
        f.write("".join(lines))
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    names = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹"
    rnd = {
        "formatVersion": 1,
        "comment": "tally benchmark (bench/tally-csv.sh)",
        "profile": "PARTY_GRASSROOTS",
        "seats": seats,
        "candidates": [
            {"id": letters[c % 26] + ("" if c < 26 else str(c // 26)), "name": names[c % len(names)] + "某" + str(c + 1)}
            for c in range(candidates)
        ],
        "electorate": {
            "expected": ballots,
            "present": ballots,
            "ballotsIssued": ballots,
            "ballotsReturned": ballots,
        },
        "ballotsFile": "tally-bench.csv",
    }
    with open(os.path.join(out, "tally-bench.json"), "w", encoding="utf-8") as f:
        json.dump(rnd, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
