#!/usr/bin/env python3
"""Checks `eventlens export --group` against NumPy: for every group of runs
(the regex's captures joined by "/"), every scalar tag, every step of the
union of its members' steps: n (members whose first..last steps cover it),
and the mean, std (ddof = 1; 0 when n = 1), min, max and median of their
values (logged, or np.interp between their neighbours). Scalars are read
with event_facts.py's own wire decoding, nothing of EventLens.

  group_facts.py CLI LOGDIR REGEX
"""
import json
import os
import re
import struct
import subprocess
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from event_facts import fields, frame, runs_under, shown, signed64  # noqa: E402


def scalars(paths):
    """tag -> [(step, value)] in read order (simple_value, float32)."""
    out = {}
    for path in paths:
        data = open(path, "rb").read()
        for off, length, ok in frame(data):
            if not ok:
                continue
            step, summary = 0, None
            for no, _, v in fields(data[off + 12:off + 12 + length]):
                if no == 2:
                    step = signed64(v)
                elif no == 5:
                    summary = v
            for vno, _, vb in fields(summary) if summary is not None else []:
                if vno != 1:
                    continue
                tag, value = "", None
                for no, wt, v in fields(vb):
                    if no == 1:
                        tag = v.decode()
                    elif no == 2 and wt == 5:
                        value = struct.unpack("<f", v)[0]
                if value is not None:
                    out.setdefault(tag, []).append((step, value))
    return out


def expected(logdir, pattern):
    groups = {}
    for run, paths in runs_under(logdir):
        m = re.search(pattern, run)
        if not m:
            continue
        name = "/".join(m.groups()) if m.groups() else m.group(0)
        groups.setdefault(name, []).append(scalars(paths))
    out = {}
    for name, members in groups.items():
        for tag in sorted({t for s in members for t in s}):
            series = [shown(s[tag]) for s in members if tag in s]
            steps = sorted({p[0] for s in series for p in s})
            points = []
            for step in steps:
                xs = []
                for s in series:
                    st = np.array([p[0] for p in s], dtype=np.float64)
                    va = np.array([p[1] for p in s], dtype=np.float64)
                    if st[0] <= step <= st[-1]:
                        xs.append(float(np.interp(step, st, va)))
                xs = np.array(xs)
                points.append((step, len(xs), xs.mean(), xs.std(ddof=1) if len(xs) > 1 else 0.0,
                               xs.min(), xs.max(), float(np.median(xs))))
            out[(name, tag)] = points
    return out


def main():
    cli, logdir, pattern = sys.argv[1:4]
    want = expected(logdir, pattern)
    res = subprocess.run([cli, "export", logdir, "--group", pattern, "--reduce", "mean,std,min,max,median"],
                         capture_output=True, check=True)
    got = {(g["group"], g["tag"]): g["points"] for g in json.loads(res.stdout)["groups"]}
    if set(got) != set(want):
        sys.exit("groups and tags differ: export %s, NumPy %s" % (sorted(got), sorted(want)))
    worst, compared = 0.0, 0
    for key, points in want.items():
        if [(p["step"], p["n"]) for p in got[key]] != [(p[0], p[1]) for p in points]:
            sys.exit("%s: steps or n differ" % (key,))
        for p, q in zip(got[key], points):
            for name, v in zip(("mean", "std", "min", "max", "median"), q[2:]):
                err = abs(p[name] - v)
                worst = max(worst, err)
                if err > 1e-12 * max(1.0, abs(v)):
                    sys.exit("%s step %d %s: export %r, NumPy %r" % (key, p["step"], name, p[name], v))
                compared += 1
    ns = sorted({p[1] for points in want.values() for p in points})
    print("%d groups x tags, %d values equal to 1e-12 (worst %.1e); n from %d to %d" %
          (len(want), compared, worst, ns[0], ns[-1]))


if __name__ == "__main__":
    main()
