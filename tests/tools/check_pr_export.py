#!/usr/bin/env python3
"""Checks `eventlens export --kind pr_curves` against tests/data/pr_facts.tsv
(pr_facts.py's independent decoding): records shown, the newest step, and its
six rows at every threshold, exactly.

  check_pr_export.py EVENTLENS CORPUS PR_FACTS_TSV
Prints "N tags match" and exits 0, or names the first difference and exits 1.
"""
import json
import os
import re
import subprocess
import sys

cli, corpus, facts = sys.argv[1:4]
rows = [line.rstrip("\n").split("\t") for line in open(facts, encoding="utf-8")][1:]
exports = {}
checked = 0
for root, run, tag, shown, last_step, thresholds, values in rows:
    if root not in exports:
        p = subprocess.run([cli, "export", os.path.join(corpus, root), "--kind", "pr_curves"],
                           capture_output=True, text=True)
        exports[root] = {r["run"]: r.get("pr_curves", {}) for r in json.loads(p.stdout)["runs"]}
    records = exports[root].get(run, {}).get(tag)
    where = f"{root} {run} {tag}"
    if records is None:
        sys.exit(f"{where}: not exported")
    if len(records) != int(shown):
        sys.exit(f"{where}: {len(records)} records, facts say {shown}")
    last = records[-1]
    if last["step"] != int(last_step) or last["thresholds"] != int(thresholds):
        sys.exit(f"{where}: newest step/thresholds {last['step']}/{last['thresholds']}, facts {last_step}/{thresholds}")
    for name, want in zip(["tp", "fp", "tn", "fn", "precision", "recall"], values.split(";")):
        if [float(x) for x in last[name]] != [float(x) for x in want.split(",")]:
            sys.exit(f"{where}: {name} differs")
    checked += 1
print(f"{checked} tags match")
