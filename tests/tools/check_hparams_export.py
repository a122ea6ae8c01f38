#!/usr/bin/env python3
"""Checks `eventlens export --kind hparams` against tests/data/hparams_facts.tsv
(hparams_facts.py's independent decoding): every session, its status, every
hparam value and every metric's last / min / max / points, exactly, and no
session the facts do not list.

  check_hparams_export.py EVENTLENS CORPUS HPARAMS_FACTS_TSV
Prints "N sessions match" and exits 0, or names the first difference and exits 1.
"""
import json
import os
import subprocess
import sys

cli, corpus, facts = sys.argv[1:4]
rows = [line.rstrip("\n").split("\t") for line in open(facts, encoding="utf-8")][1:]


def text(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(float(v))
    return v


def num(v):
    return "nan" if v == "NaN" else repr(float(v))


exports, checked = {}, 0
for root in dict.fromkeys(r[0] for r in rows):
    p = subprocess.run([cli, "export", os.path.join(corpus, root), "--kind", "hparams"], capture_output=True, text=True)
    exports[root] = {s["run"]: s for s in json.loads(p.stdout)["hparams"]["sessions"]}
    want = sorted(r[1] for r in rows if r[0] == root)
    if sorted(exports[root]) != want:
        sys.exit(f"{root}: sessions {sorted(exports[root])}, facts {want}")
for root, run, status, hparams, metrics in rows:
    s = exports[root][run]
    where = f"{root} {run}"
    if s["status"] != status:
        sys.exit(f"{where}: status {s['status']}, facts {status}")
    got = ";".join("%s=%s" % (k, text(v)) for k, v in sorted(s["hparams"].items(), key=lambda p: p[0].encode()))
    if got != hparams:
        sys.exit(f"{where}: hparams {got!r}\n  facts {hparams!r}")
    got = ";".join("%s|%s=%s,%s,%s,%d" % (m["group"], m["tag"], num(m["last"]), num(m["min"]), num(m["max"]), m["points"])
                   for m in s["metrics"])
    if got != metrics:
        sys.exit(f"{where}: metrics {got!r}\n  facts {metrics!r}")
    checked += 1
print(f"{checked} sessions match")
