#!/usr/bin/env python3
"""Generate core/src/main/resources/xuanju/core/names/strokes.tsv (姓氏笔画排序数据).

Sources
  * Unihan kTotalStrokes (first value = zh-Hans count) from the Debian package
    unicode-data (Unihan_IRGSources.txt.bz2). Unicode License (see LICENSES.txt).
  * Stroke orders from the npm package cnchar-order (MIT, (c) theajack), whose
    data maps each character to one letter per stroke shape.

Every stroke shape is reduced to the five classes of the mainland standard
(现代汉语通用字笔顺规范 / 通用规范汉字笔顺规范): 1 横 (提 counts as 横),
2 竖 (竖钩 counts as 竖), 3 撇, 4 点 (捺 and the long dot count as 点),
5 折 (every other turning stroke, including 竖提 and 撇点).

Usage (from the repository root):
  cd /tmp && npm pack cnchar-order@3.2.6
  python3 tools/strokes/gen_strokes.py --cnchar /tmp/cnchar-order-3.2.6.tgz \
      --unihan /usr/share/unicode \
      --out core/src/main/resources/xuanju/core/names/strokes.tsv

The output is deterministic: running it twice on the same inputs gives the same
bytes. A report (coverage, mismatches) is printed to standard output.
"""

import argparse
import bz2
import json
import os
import sys
import tarfile

CNCHAR_VERSION = "3.2.6"

# cnchar-order stroke letters -> (shape name in the package, class digit).
LETTER_CLASS = {
    "j": ("横", "1"),
    "i": ("提", "1"),
    "f": ("竖", "2"),
    "g": ("竖钩", "2"),
    "s": ("撇", "3"),
    "k": ("点", "4"),
    "d": ("点2 (左点/长点)", "4"),
    "l": ("捺", "4"),
    "a": ("横折折撇", "5"),
    "b": ("竖弯", "5"),
    "c": ("横折", "5"),
    "e": ("横撇|横钩", "5"),
    "h": ("竖提", "5"),
    "m": ("撇点", "5"),
    "n": ("撇折", "5"),
    "o": ("横斜钩", "5"),
    "p": ("横折提", "5"),
    "q": ("横折折折", "5"),
    "r": ("横折钩", "5"),
    "t": ("弯钩", "5"),
    "u": ("竖弯钩", "5"),
    "v": ("横折折|横折弯", "5"),
    "w": ("横折折折钩|横撇弯钩", "5"),
    "x": ("竖折撇|竖折折", "5"),
    "y": ("斜钩|卧钩", "5"),
    "z": ("竖折折钩", "5"),
}

# Hand corrections, each checked against the component structure. Keep this list short
# and explain every entry.
OVERRIDES = {
    # 皙 = 析 (木 1234 + 斤 3312) + 白 (32511) = 13 strokes. cnchar 3.2.6 drops the first
    # 撇 of 白 ("jfskssjffcjj", 12 letters); Unihan kTotalStrokes says 13.
    "皙": "1234331232511",
}


def read_cnchar(path):
    """Returns ({char: letters}, {letter: (shape, name)}) from the tgz or an unpacked dir."""
    if os.path.isdir(path):
        with open(os.path.join(path, "cnchar.order.min.js"), encoding="utf-8") as f:
            src = f.read()
    else:
        with tarfile.open(path, "r:gz") as tar:
            member = tar.getmember("package/cnchar.order.min.js")
            src = tar.extractfile(member).read().decode("utf-8")
    orders = _json_after(src, "JSON.parse('{\"一\"")
    shapes = _json_after(src, "JSON.parse('{\"a\":")
    return orders, shapes


def _json_after(src, marker):
    start = src.index(marker) + len("JSON.parse('")
    end = src.index("}')", start) + 1
    text = src[start:end]
    if "\\" in text:
        raise SystemExit("unexpected escape in cnchar data; the extractor must be updated")
    return json.loads(text)


def read_unihan(unihan_dir):
    """Returns ({char: first kTotalStrokes value}, {char: kTGH entry})."""
    totals = {}
    for line in _lines(unihan_dir, "Unihan_IRGSources.txt"):
        if line.startswith("U+"):
            cp, field, value = line.rstrip("\n").split("\t")
            if field == "kTotalStrokes":
                totals[chr(int(cp[2:], 16))] = int(value.split()[0])
    tgh = {}
    for line in _lines(unihan_dir, "Unihan_OtherMappings.txt"):
        if line.startswith("U+"):
            cp, field, value = line.rstrip("\n").split("\t")
            if field == "kTGH":
                tgh[chr(int(cp[2:], 16))] = value
    version = "unknown"
    readme = os.path.join(unihan_dir, "ReadMe.txt")
    if os.path.exists(readme):
        with open(readme, encoding="utf-8") as f:
            for line in f:
                if "for Version" in line:
                    version = line.split("for Version", 1)[1].split()[0]
                    break
    return totals, tgh, version


def _lines(unihan_dir, name):
    plain = os.path.join(unihan_dir, name)
    if os.path.exists(plain):
        return open(plain, encoding="utf-8")
    return bz2.open(plain + ".bz2", "rt", encoding="utf-8")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cnchar", required=True, help="cnchar-order tgz or unpacked package dir")
    ap.add_argument("--unihan", default="/usr/share/unicode", help="dir with Unihan_*.txt[.bz2]")
    ap.add_argument("--out", required=True, help="output strokes.tsv")
    args = ap.parse_args(argv)

    orders, shapes = read_cnchar(args.cnchar)
    totals, tgh, unihan_version = read_unihan(args.unihan)

    unknown_letters = set(shapes) ^ set(LETTER_CLASS)
    if unknown_letters:
        raise SystemExit("cnchar stroke letters changed: %s" % sorted(unknown_letters))

    full = {}
    mismatches = []
    no_total = []
    for ch, letters in orders.items():
        seq = "".join(LETTER_CLASS[c][1] for c in letters)
        if ch in OVERRIDES:
            seq = OVERRIDES[ch]
        if ch not in totals:
            no_total.append(ch)
            continue
        if len(seq) != totals[ch]:
            mismatches.append((ch, totals[ch], len(seq), seq))
        full[ch] = (totals[ch], seq)
    count_only = {ch: n for ch, n in totals.items() if ch not in full}

    by_count = {}
    for ch in sorted(count_only, key=ord):
        by_count.setdefault(count_only[ch], []).append(ch)

    out = []
    out.append("# Xuanju stroke table (姓氏笔画排序数据). GENERATED by tools/strokes/gen_strokes.py;"
               " do not edit by hand.")
    out.append("# Total strokes: Unihan %s kTotalStrokes, first value (zh-Hans)."
               " Copyright Unicode, Inc.; Unicode License, see LICENSES.txt." % unihan_version)
    out.append("# Stroke orders: npm cnchar-order %s, copyright theajack, MIT licence, see"
               " LICENSES.txt." % CNCHAR_VERSION)
    out.append("# This file is MODIFIED data: stroke shapes are reduced to the classes 1 横/提"
               " 2 竖/竖钩 3 撇 4 点/捺 5 折, and %d hand corrections are applied." % len(OVERRIDES))
    out.append("# Row:  char<TAB>totalStrokes<TAB>sequence   (characters in both sources)")
    out.append("# Row:  =totalStrokes<TAB>chars               (Unihan only: count, no sequence)")
    out.append("# counts full=%d countOnly=%d" % (len(full), len(count_only)))
    for ch in sorted(full, key=ord):
        n, seq = full[ch]
        out.append("%s\t%d\t%s" % (ch, n, seq))
    for n in sorted(by_count):
        chars = by_count[n]
        for i in range(0, len(chars), 64):
            out.append("=%d\t%s" % (n, "".join(chars[i:i + 64])))
    data = ("\n".join(out) + "\n").encode("utf-8")
    with open(args.out, "wb") as f:
        f.write(data)

    tgh_full = sum(1 for ch in tgh if ch in full)
    tgh_count = sum(1 for ch in tgh if ch in totals)
    print("cnchar-order %s characters: %d" % (CNCHAR_VERSION, len(orders)))
    print("Unihan %s kTotalStrokes characters: %d" % (unihan_version, len(totals)))
    print("rows with count and sequence: %d" % len(full))
    print("rows with count only: %d" % len(count_only))
    print("通用规范汉字表 (kTGH, %d chars): with sequence %d, with count %d, no sequence: %d"
          % (len(tgh), tgh_full, tgh_count, len(tgh) - tgh_full))
    print("cnchar characters missing from Unihan (dropped): %d %s" % (len(no_total), "".join(no_total)))
    print("hand corrections: %s" % ", ".join("%s=%s" % kv for kv in OVERRIDES.items()))
    print("count mismatches (Unihan total kept, sequence kept as is): %d" % len(mismatches))
    for ch, total, length, seq in mismatches:
        print("  %s U+%04X Unihan=%d sequenceLength=%d %s" % (ch, ord(ch), total, length, seq))
    print("output: %s (%d bytes)" % (args.out, len(data)))


if __name__ == "__main__":
    main(sys.argv[1:])
