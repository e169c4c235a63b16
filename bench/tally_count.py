#!/usr/bin/env python3
"""A plain Python count of a ballot CSV (the baseline of bench/tally-csv.sh).

Reads the file line by line, skips blank and comment lines and the header, splits each line at
commas and counts the marks of the first cell per candidate. Prints, per candidate, the number of
Y, N and A marks. Usage: tally_count.py FILE.csv
"""
import sys
from collections import Counter


def main(path):
    counts = []
    first = True
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            marks = line.split(",")[0].strip()
            if first:
                first = False
                if marks.lower() == "marks":
                    continue
            if not counts:
                counts = [Counter() for _ in marks]
            for i, mark in enumerate(marks):
                counts[i][mark] += 1
    for i, c in enumerate(counts):
        print(i + 1, c["Y"], c["N"], c["A"])


if __name__ == "__main__":
    main(sys.argv[1])
