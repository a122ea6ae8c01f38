#!/usr/bin/env python3
"""Expected histogram re-binning (TensorBoard's histogram widget rule, written
out here independently of EventLens; standard library only).

For every histogram tag of every run under each root: the shown records (restart
rule), their common range [min left, max right] (zero width widened to
[l/1.1 - 1, r*1.1 + 1]), and the last shown record re-binned into 30 equal bins:
each bucket's count spread by overlap, a zero-width bucket wholly into the bin
[l, r) holding it (the last bin closed).
Usage: rebin_facts.py CORPUS_DIR ROOT... > tests/data/rebin_facts.tsv
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(__file__))
from corpus_facts import frame  # noqa: E402
from event_facts import (fields, tensor, tensor_numbers, signed64, repeated_numbers, shown,  # noqa: E402
                         runs_under, metadata)

BINS = 30


def legacy_rows(b):
    lo = hi = 0.0
    limits, counts = [], []
    for no, wt, v in fields(b):
        if no == 1:
            lo = struct.unpack("<d", v)[0]
        elif no == 2:
            hi = struct.unpack("<d", v)[0]
        elif no == 6:
            limits += repeated_numbers([(wt, v)], "d", 8)
        elif no == 7:
            counts += repeated_numbers([(wt, v)], "d", 8)
    n = min(len(limits), len(counts))
    nz = [i for i in range(n) if counts[i] != 0]
    if not nz:
        return []
    first, last = nz[0], nz[-1]
    rows = []
    for i in range(first, last + 1):
        rows.append((lo if i == first else limits[i - 1], hi if i == last else limits[i], counts[i]))
    return rows


def histograms_of(paths):
    tags = {}  # tag -> [(step, rows)]
    plugins = {}
    for path in paths:
        data = open(path, "rb").read()
        for off, length, ok in frame(data):
            if not ok:
                continue
            rec = data[off + 12:off + 12 + length]
            step, summary = 0, None
            for no, _, v in fields(rec):
                if no == 2:
                    step = signed64(v)
                elif no == 5:
                    summary = v
            if summary is None:
                continue
            for vno, _, vb in fields(summary):
                if vno != 1:
                    continue
                tag, plugin, rows = "", "", None
                for no, _, v in fields(vb):
                    if no == 1:
                        tag = v.decode("utf-8", "replace")
                    elif no == 9:
                        plugin = metadata(v)[0]
                    elif no == 5:
                        rows = legacy_rows(v)
                    elif no == 8:
                        rows = ("tensor", v)
                if plugin and tag not in plugins:
                    plugins[tag] = plugin
                if isinstance(rows, tuple):
                    if plugins.get(tag) != "histograms":
                        continue
                    nums = tensor_numbers(tensor(rows[1])) or []
                    rows = [tuple(float(x) for x in nums[i:i + 3]) for i in range(0, len(nums) - len(nums) % 3, 3)]
                if rows is None:
                    continue
                tags.setdefault(tag, []).append((step, rows))
    return tags


def rebin(rows, left, right, bins):
    dx = (right - left) / bins
    out = []
    i = 0
    carried = 0.0
    for b in range(bins):
        ol = left + b * dx
        orr = ol + dx
        neighbour = b != bins - 1
        y, carried = carried, 0.0
        while i < len(rows):
            bl, br0, c = rows[i]
            w = br0 - bl
            br = bl + w
            if not (bl > orr or br < ol):
                if w == 0:
                    if neighbour and br >= orr:
                        carried += c
                    else:
                        y += c
                else:
                    y += c * (min(br, orr) - max(bl, ol)) / w
            if br > orr:
                break
            i += 1
        out.append(y)
    return out


def main():
    corpus = sys.argv[1]
    print("root\trun\ttag\tshown\tleft\tright\tlast_step\tcounts")
    for root in sys.argv[2:]:
        for run, paths in runs_under(os.path.join(corpus, root)):
            tags = histograms_of(paths)
            for tag in sorted(tags, key=lambda s: s.encode()):
                vis = shown(tags[tag])
                nonempty = [r for _, r in vis if r]
                if not nonempty:
                    continue
                left = min(r[0][0] for r in nonempty)
                right = max(r[-1][0] + (r[-1][1] - r[-1][0]) for r in nonempty)
                if left == right:
                    right = right * 1.1 + 1
                    left = left / 1.1 - 1
                counts = rebin(vis[-1][1], left, right, BINS)
                print("\t".join([root, run, tag, str(len(vis)), repr(left), repr(right), str(vis[-1][0]),
                                 ",".join(repr(c) for c in counts)]))


if __name__ == "__main__":
    main()
