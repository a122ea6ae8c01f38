#!/usr/bin/env python3
"""Expected histogram re-binning and distribution percentiles (TensorBoard's
histogram widget and distribution compressor rules, written out here
independently of EventLens; standard library only).

For every histogram tag of every run under each root: the shown records (restart
rule), their common range [min left, max right] (zero width widened to
[l/1.1 - 1, r*1.1 + 1]), the last shown record re-binned into 30 equal bins
(each bucket's count spread by overlap, a zero-width bucket wholly into the bin
[l, r) holding it, the last bin closed), and its value at the nine basis points.
Usage: rebin_facts.py CORPUS_DIR ROOT... > tests/data/rebin_facts.tsv
       rebin_facts.py --edges > tests/data/histogram_edge_facts.tsv
"""
import bisect
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


BASIS_POINTS = [0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000]


def numpy_sum(xs):
    """numpy's float64 sum: pairwise, 8 accumulators inside blocks of 128."""
    n = len(xs)
    if n < 8:
        total = 0.0
        for x in xs:
            total += x
        return total
    if n <= 128:
        acc = list(xs[:8])
        i = 8
        while i < n - n % 8:
            for j in range(8):
                acc[j] += xs[i + j]
            i += 8
        total = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]))
        for x in xs[i:]:
            total += x
        return total
    half = n // 2
    half -= half % 8
    return numpy_sum(xs[:half]) + numpy_sum(xs[half:])


def percentiles(rows):
    """The compressor: cumulative counts scaled to 10000, each basis point found
    by bisect_right, interpolated inside its (non-empty) bucket."""
    if not rows:
        return [0.0] * len(BASIS_POINTS)
    lo, hi = rows[0][0], rows[-1][1]
    counts = [r[2] for r in rows]
    total = numpy_sum(counts) or 1.0
    cum, acc = [], 0.0
    for c in counts:
        acc += c * 10000 / total
        cum.append(acc)
    out = []
    b = 0
    while b < len(BASIS_POINTS):
        bp = BASIS_POINTS[b]
        i = bisect.bisect_right(cum, bp)
        found = False
        while i < len(cum):
            now, before = cum[i], (cum[i - 1] if i > 0 else 0.0)
            if now == before:
                i += 1
                continue
            left = lo if (i == 0 or before == 0) else max(rows[i - 1][1], lo)
            right = min(rows[i][1], hi)
            out.append(left + (bp - before) * (right - left) / (now - before))
            found = True
            break
        if not found:
            break
        b += 1
    out += [hi] * (len(BASIS_POINTS) - len(out))
    return out


# Edge cases: (name, rows) with rows as (left, right, count).
INF, NAN = float("inf"), float("nan")
EDGES = [
    ("empty", []),
    ("one bucket", [(2.0, 6.0, 5.0)]),
    ("all values equal", [(3.5, 3.5, 12.0)]),
    ("zero-width buckets", [(0.0, 0.0, 1.0), (1.0, 1.0, 2.0), (1.0, 3.0, 4.0), (3.0, 3.0, 1.0)]),
    ("empty buckets inside", [(0.0, 1.0, 0.0), (1.0, 2.0, 3.0), (2.0, 3.0, 0.0), (3.0, 4.0, 1.0),
                              (4.0, 5.0, 0.0)]),
    ("all counts zero", [(0.0, 1.0, 0.0), (1.0, 2.0, 0.0)]),
    ("gapped buckets", [(-2.0, -1.0, 4.0), (0.5, 1.5, 2.0), (3.0, 7.0, 8.0)]),
    ("fractional counts", [(-1.0, -0.3, 0.1), (-0.3, 0.2, 0.7), (0.2, 1.1, 0.2), (1.1, 1.9, 0.35)]),
    ("many buckets", [(i * 0.1, (i + 1) * 0.1, ((i * 7919) % 13) * 0.37) for i in range(300)]),
    ("infinite count", [(0.0, 1.0, INF), (1.0, 2.0, 2.0)]),
    ("nan count", [(0.0, 1.0, 1.0), (1.0, 2.0, NAN), (2.0, 3.0, 1.0)]),
]


def num(x):
    return "nan" if x != x else repr(x)


def edges_main():
    print("case\trows\tleft\tright\tcounts\tpercentiles")
    for name, rows in EDGES:
        flat = ",".join(num(v) for r in rows for v in r)
        if rows:
            left, right = rows[0][0], rows[-1][0] + (rows[-1][1] - rows[-1][0])
            if left == right:
                right = right * 1.1 + 1
                left = left / 1.1 - 1
        else:
            left, right = 0.0, 1.0
        print("\t".join([name, flat, num(left), num(right), ",".join(num(c) for c in rebin(rows, left, right, BINS)),
                         ",".join(num(p) for p in percentiles(rows))]))


def main():
    if sys.argv[1:] == ["--edges"]:
        edges_main()
        return
    corpus = sys.argv[1]
    print("root\trun\ttag\tshown\tleft\tright\tlast_step\tcounts\tpercentiles")
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
                                 ",".join(repr(c) for c in counts), ",".join(repr(p) for p in percentiles(vis[-1][1]))]))


if __name__ == "__main__":
    main()
