#!/usr/bin/env python3
"""Independent facts about PR curves in the corpus, for the engine, export and
page tests: for every pr_curves tag, the records shown (TensorBoard's restart
rule), the newest step, and that record's six rows (TP, FP, TN, FN,
precision, recall) at every threshold. Uses event_facts.py's own protobuf
wire decoding, nothing of EventLens.

  pr_facts.py CORPUS ROOT... > tests/data/pr_facts.tsv
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from event_facts import fields, frame, metadata, runs_under, shown, signed64, tensor, tensor_numbers  # noqa: E402


def pr_points(paths):
    """tag -> [(step, rows)] in read order; rows = six lists of numbers."""
    plugins, points = {}, {}
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
                tag, plugin, t = "", "", None
                for no, _, v in fields(vb):
                    if no == 1:
                        tag = v.decode("utf-8", "replace")
                    elif no == 9:
                        plugin = metadata(v)[0]
                    elif no == 8:
                        t = tensor(v)
                if plugin:
                    plugins[tag] = plugin
                if t is None or plugins.get(tag) != "pr_curves":
                    continue
                nums = tensor_numbers(t)
                if t["shape"][:1] != [6] or nums is None:
                    continue
                n = t["shape"][1]
                points.setdefault(tag, []).append((step, [nums[r * n:(r + 1) * n] for r in range(6)]))
    return points


def main():
    corpus = sys.argv[1]
    print("root\trun\ttag\tshown\tlast_step\tthresholds\ttp;fp;tn;fn;precision;recall")
    for root in sys.argv[2:]:
        for run, paths in runs_under(os.path.join(corpus, root)):
            points = pr_points(paths)
            for tag in sorted(points, key=lambda s: s.encode()):
                vis = shown(points[tag])
                step, rows = vis[-1]
                print("\t".join([root, run, tag, str(len(vis)), str(step), str(len(rows[0])),
                                 ";".join(",".join(repr(float(x)) for x in row) for row in rows)]))


if __name__ == "__main__":
    main()
