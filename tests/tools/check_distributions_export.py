#!/usr/bin/env python3
"""Checks `eventlens export --kind distributions` against tests/data/rebin_facts.tsv
(percentiles derived by rebin_facts.py on its own): for every (root, run, tag)
row, the export holds as many records as the facts say are shown, the last
one at the expected step, with the nine values bit for bit.
Usage: check_distributions_export.py CLI CORPUS_DIR FACTS_TSV
Prints one line per problem and exits 1 if any; else "N tags match".
"""
import json
import subprocess
import sys


def main():
    cli, corpus, facts = sys.argv[1:4]
    rows = [line.rstrip("\n").split("\t") for line in open(facts)][1:]
    exports, bad, checked = {}, 0, 0
    for root, run, tag, shown, _left, _right, last_step, _counts, percentiles in rows:
        if root not in exports:
            out = subprocess.run([cli, "export", f"{corpus}/{root}", "--kind", "distributions"],
                                 check=True, capture_output=True, text=True).stdout
            exports[root] = {r["run"]: r for r in json.loads(out)["runs"]}
        records = exports[root].get(run, {}).get("distributions", {}).get(tag)
        want = [float(x) for x in percentiles.split(",")]
        if records is None:
            print(f"{root} {run} {tag}: missing from the export")
            bad += 1
            continue
        last = records[-1]
        if len(records) != int(shown) or last["step"] != int(last_step) or last["bps"] != want:
            print(f"{root} {run} {tag}: export has {len(records)} records, last step {last['step']}, "
                  f"bps {last['bps']}; facts say {shown}, {last_step}, {want}")
            bad += 1
        checked += 1
    if bad:
        sys.exit(1)
    print(f"{checked} tags match")


if __name__ == "__main__":
    main()
