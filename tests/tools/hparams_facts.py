#!/usr/bin/env python3
"""Independent facts about hparams sessions in the corpus, for the engine,
export and page tests. Walks the bytes with event_facts.py's own protobuf
wire decoding, nothing of EventLens, and applies the rules the HParams
dashboard documents (aggregate/hparams.h):

- a session is a run with `_hparams_/session_start_info`;
- metric columns are the union of every experiment record's metric infos, or,
  with none, every scalar tag of each session's run (group "") and sub-runs
  (group = the sub-run's path below the session);
- a metric's value is the last record shown by the restart rule; min and max
  over its finite values.

One line per session: root, run, status, hparams (k=v;... sorted by key),
metrics (group|tag=last,min,max,points;... in column order, present only).

  hparams_facts.py CORPUS ROOT... > tests/data/hparams_facts.tsv
"""
import math
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from event_facts import fields, read_run, runs_under, shown  # noqa: E402

STATUS = {0: "unknown", 1: "success", 2: "failure", 3: "running"}


def num(x):
    return repr(float(x))


def struct_value(b):
    """google.protobuf.Value -> its text as the table shows it."""
    for no, _, v in fields(b):
        if no == 2:
            return num(struct.unpack("<d", v)[0])
        if no == 3:
            return v.decode("utf-8", "replace")
        if no == 4:
            return "true" if v else "false"
        if no == 6:
            return "[" + ", ".join(struct_value(x) for n, _, x in fields(v) if n == 1) + "]"
    return None


def plugin_oneof(content, want):
    """HParamsPluginData: the submessage in field `want` (2 experiment, 3 start, 4 end)."""
    return next((v for no, _, v in fields(content) if no == want), None)


def main():
    corpus = sys.argv[1]
    print("root\trun\tstatus\thparams\tmetrics")
    for root in sys.argv[2:]:
        runs = {run: {} for run, _ in runs_under(os.path.join(corpus, root))}
        for run, paths in runs_under(os.path.join(corpus, root)):
            read_run(paths, runs[run])
        names = sorted(runs, key=lambda s: s.encode())
        metrics = []
        for run in names:
            t = runs[run].get("_hparams_/experiment")
            exp = t and plugin_oneof(t["content"], 2)
            if exp is None:
                continue
            for no, _, mi in fields(exp):
                if no != 5:
                    continue
                name = next((x for n, _, x in fields(mi) if n == 1), b"")
                parts = {n: x.decode() for n, _, x in fields(name)}
                key = (parts.get(1, ""), parts.get(2, ""))
                if key not in metrics:
                    metrics.append(key)
        inferred = not metrics
        sessions = [r for r in names if "_hparams_/session_start_info" in runs[r]]
        if inferred:
            for s in sessions:
                for sub in names:
                    if sub != s and not (sub.startswith(s + "/") or (s == "." and sub != ".")):
                        continue
                    group = "" if sub == s else (sub if s == "." else sub[len(s) + 1:])
                    for tag, info in runs[sub].items():
                        if info["kind"] == "scalars" and not tag.startswith("_hparams_/") and (group, tag) not in metrics:
                            metrics.append((group, tag))
            metrics.sort()
        for s in sessions:
            start = plugin_oneof(runs[s]["_hparams_/session_start_info"]["content"], 3)
            hp = []
            for no, _, e in fields(start or b""):
                if no == 1:
                    kv = {n: x for n, _, x in fields(e)}
                    v = struct_value(kv.get(2, b""))
                    if v is not None:
                        hp.append((kv.get(1, b"").decode(), v))
            status = 0
            end_t = runs[s].get("_hparams_/session_end_info")
            end = end_t and plugin_oneof(end_t["content"], 4)
            if end is not None:
                status = next((x for n, _, x in fields(end) if n == 1), 0)
            out = []
            for group, tag in metrics:
                run = s if not group else (group if s == "." else s + "/" + group)
                info = runs.get(run, {}).get(tag)
                if not info or info["kind"] != "scalars":
                    continue
                vis = [v for _, v in shown(info["points"])]
                finite = [v for v in vis if math.isfinite(v)]
                lo = num(min(finite)) if finite else "nan"
                hi = num(max(finite)) if finite else "nan"
                out.append("%s|%s=%s,%s,%s,%d" % (group, tag, num(vis[-1]), lo, hi, len(vis)))
            print("\t".join([root, s, STATUS.get(status, "unknown"),
                             ";".join("%s=%s" % p for p in sorted(hp, key=lambda p: p[0].encode())),
                             ";".join(out)]))


if __name__ == "__main__":
    main()
