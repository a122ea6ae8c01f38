#!/usr/bin/env python3
"""Independent facts about the profiles under a folder, for `eventlens export --kind profile`.

Finds profiles as torch-tb-profiler and TensorBoard's profile plugin lay them out:
- <run>/plugins/profile/<session>/<host>.xplane.pb: each XSpace decoded with its own protobuf wire
  decoder (event_facts.fields; no protobuf library, no code shared with EventLens) and converted as
  TensorBoard's trace viewer does (host and GPU/TPU planes as processes, lines as tracks, display
  names, step_name stats, start = timestamp_ns * 1000 + offset_ps). The legacy <host>.trace.json.gz
  beside it is read only when there is no xplane.
- <run>/<worker>[.<span>].pt.trace.json[.gz] (PyTorch), and any *.json[.gz] with "trace" in its
  name: Chrome trace event JSON read with the json module, times as decimals (exact to the ps),
  B/E paired per (pid, tid), B never ended drawn to the latest time seen.
Prints JSON: {"profiles":[{"file","run","host","format","base_us","phases","categories","slices",
"processes":{name:n},"begin_ps","end_ps","top":[{"name","count","total_ps"}]}]}, all times in integer
picoseconds after base_us (the first timed event's whole microsecond; 0 for xplane).

usage: profile_facts.py FOLDER
"""
import collections
import decimal
import gzip
import json
import os
import re
import sys

import event_facts


def fields(b):
    """(field, value) pairs: ints for varints, bytes for the rest."""
    return [(no, v) for no, _, v in event_facts.fields(b)]


int64 = event_facts.signed64


def last(fs, number, default):
    found = default
    for f, v in fs:
        if f == number:
            found = v
    return found


def map_entries(fs, number):
    out = {}
    for f, v in fs:
        if f == number:
            entry = fields(v)
            out[int64(last(entry, 1, 0))] = fields(last(entry, 2, b""))
    return out


def convert(space):
    """Slices (process name, name, start_ps, duration_ps) of an XSpace."""
    slices = []
    processes = []
    for f, plane_bytes in fields(space):
        if f != 1:
            continue
        plane = fields(plane_bytes)
        name = last(plane, 2, b"").decode()
        if not (name == "/host:CPU" or name.startswith("/device:GPU:") or name.startswith("/device:TPU:")):
            continue
        processes.append(name)
        event_md = map_entries(plane, 4)
        stat_md = map_entries(plane, 5)
        step_name_ids = [k for k, md in stat_md.items() if last(md, 2, b"") == b"step_name"]
        step_name_id = step_name_ids[-1] if step_name_ids else None
        for lf, line_bytes in plane:
            if lf != 3:
                continue
            line = fields(line_bytes)
            origin = int64(last(line, 3, 0)) * 1000
            for ef, event_bytes in line:
                if ef != 4:
                    continue
                event = fields(event_bytes)
                # The oneof: the last of offset_ps (2) and num_occurrences (5) wins.
                kind = [f2 for f2, _ in event if f2 in (2, 5)]
                if kind and kind[-1] == 5:
                    continue
                md = event_md.get(int64(last(event, 1, 0)), [])
                full = last(md, 2, b"").decode()
                shown = last(md, 4, b"").decode() or full
                if step_name_id is not None:
                    for sf, stat_bytes in event:
                        if sf != 4:
                            continue
                        stat = fields(stat_bytes)
                        if int64(last(stat, 1, 0)) != step_name_id:
                            continue
                        value = [(f3, v3) for f3, v3 in stat if f3 in (2, 3, 4, 5, 6, 7)]
                        step = ""
                        if value and value[-1][0] == 5:
                            step = value[-1][1].decode()
                        elif value and value[-1][0] == 7:
                            step = last(stat_md.get(value[-1][1], []), 2, b"").decode()
                        if step:
                            shown = step
                            break
                slices.append((name, shown, origin + int64(last(event, 2, 0)), int64(last(event, 3, 0))))
    return processes, slices


def xplane_summary(path, rel, run, host):
    with open(path, "rb") as fh:
        processes, slices = convert(fh.read())
    per_process = {p: 0 for p in processes}
    for process, _, _, _ in slices:
        per_process[process] += 1
    return finish(rel, run, host, "xplane", 0, {"X": len(slices)} if slices else {}, {}, per_process,
                  [(name, start, duration) for _, name, start, duration in slices], [])


def finish(rel, run, host, fmt, base_us, phases, categories, per_process, slices, points):
    """The export's record of one profile: slices are (name, start_ps, duration_ps)."""
    totals = {}
    for name, _, duration in slices:
        count, total = totals.get(name, (0, 0))
        totals[name] = (count + 1, total + duration)
    top = sorted(totals.items(), key=lambda kv: (-kv[1][1], kv[0]))[:20]
    times = [s[1] for s in slices] + [s[1] + s[2] for s in slices] + points
    return {
        "file": rel, "run": run, "host": host, "format": fmt, "base_us": base_us,
        "phases": dict(sorted(phases.items())), "categories": dict(sorted(categories.items())),
        "slices": len(slices), "processes": dict(sorted(per_process.items())),
        "begin_ps": min(times, default=0), "end_ps": max(times, default=0),
        "top": [{"name": n, "count": c, "total_ps": t} for n, (c, t) in top],
    }


def text(v):
    """A JSON string's contents, or a number as written."""
    return v if isinstance(v, str) else str(v)


def chrome_summary(path, rel, run, host):
    with open(path, "rb") as fh:
        raw = fh.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    doc = json.loads(raw.decode("utf-8"), parse_float=decimal.Decimal)
    events = doc["traceEvents"] if isinstance(doc, dict) else doc
    phases, categories = collections.Counter(), collections.Counter()
    processes = {}  # pid text -> [name, label]
    open_slices = collections.defaultdict(list)  # (pid, tid) -> [(start, name, pid)]
    slices, points = [], []  # slices: (pid, name, start, duration)
    base, latest = None, None

    def process(pid):
        processes.setdefault(pid, [pid or "(no process)", ""])

    def ps(value):
        """Microseconds (a number, or a number in a string) to integer ps, truncated toward zero."""
        return int(decimal.Decimal(value) * 10 ** 6)

    for e in events:
        if not isinstance(e, dict):
            continue
        ph = e.get("ph", "")
        phases[ph] += 1
        if "cat" in e:
            categories[text(e["cat"])] += 1
        name = text(e.get("name", ""))
        pid = text(e["pid"]) if "pid" in e else ""
        tid = text(e["tid"]) if "tid" in e else ""
        args = e.get("args", {})
        if ph == "M":
            value = args.get("name") if isinstance(args, dict) else None
            if name in ("process_name", "process_labels", "process_sort_index"):
                process(pid)
                if name == "process_name" and isinstance(value, str) and value:
                    processes[pid][0] = value
                if name == "process_labels":
                    labels = args.get("labels")
                    processes[pid][1] = labels if isinstance(labels, str) else ""
            elif name == "thread_name" and isinstance(value, str) and value:
                process(pid)
            continue
        if "ts" not in e:
            continue
        try:
            t = ps(e["ts"])
        except (decimal.InvalidOperation, TypeError, ValueError):
            continue
        whole, fraction = t // 10 ** 6, t % 10 ** 6
        if base is None:
            base = whole
        at = (whole - base) * 10 ** 6 + fraction
        latest = at if latest is None else max(latest, at)
        if ph == "X":
            try:
                duration = max(0, ps(e.get("dur", 0)))
            except (decimal.InvalidOperation, TypeError, ValueError):
                duration = 0
            latest = max(latest, at + duration)
            process(pid)
            slices.append((pid, name, at, duration))
        elif ph == "B":
            process(pid)
            open_slices[(pid, tid)].append((at, name, pid))
        elif ph == "E":
            process(pid)
            if open_slices[(pid, tid)]:
                start, b_name, b_pid = open_slices[(pid, tid)].pop()
                slices.append((b_pid, b_name, start, max(0, at - start)))
        elif ph in ("i", "I"):
            scope = text(e.get("s", "t"))[:1] or "t"
            process("" if scope == "g" else pid)
            points.append(at)
        elif ph == "C":
            process(pid)
            if isinstance(args, dict):
                points += [at for v in args.values() if isinstance(v, (int, decimal.Decimal)) and not isinstance(v, bool)]
        elif ph in ("s", "t", "f"):
            process(pid)
            points.append(at)
    for stack in open_slices.values():
        for start, b_name, b_pid in stack:
            slices.append((b_pid, b_name, start, max(0, latest - start)))
    per_process = {}
    for pid, (pname, label) in processes.items():
        per_process.setdefault(label or pname, 0)
    for pid, _, _, _ in slices:
        pname, label = processes[pid]
        per_process[label or pname] += 1
    return finish(rel, run, host, "chrome", base or 0, phases, categories, per_process,
                  [(name, start, duration) for _, name, start, duration in slices], points)


def find(folder):
    """(path, rel, run, host, reader) of every profile, in path order."""
    rels = []
    for root, _, files in os.walk(folder):
        rels += [os.path.relpath(os.path.join(root, f), folder).replace(os.sep, "/") for f in files]
    session = re.compile(r"^(?:(.*)/)?plugins/profile/([^/]+)/([^/]+)$")
    out, xplanes = [], set()
    for rel in rels:
        m = session.match(rel)
        if m and rel.endswith(".xplane.pb"):
            run = (m.group(1) + "/" if m.group(1) else "") + m.group(2)
            host = m.group(3)[:-len(".xplane.pb")]
            xplanes.add((run, host))
            out.append((rel, run, host, xplane_summary))
    for rel in rels:
        m = session.match(rel)
        if rel.endswith(".xplane.pb"):
            continue
        if m and rel.endswith(".trace.json.gz"):
            run = (m.group(1) + "/" if m.group(1) else "") + m.group(2)
            host = m.group(3)[:-len(".trace.json.gz")]
            if (run, host) not in xplanes:
                out.append((rel, run, host, chrome_summary))
            continue
        folder_of, _, name = rel.rpartition("/")
        torch = re.match(r"^(.*?)(\.\d+)?\.pt\.trace\.json(\.gz)?$", name)
        if torch:
            out.append((rel, folder_of or torch.group(1), torch.group(1), chrome_summary))
            continue
        stem = name[:-3] if name.endswith(".gz") else name
        if stem.endswith(".json") and "trace" in stem.lower() and "plugins/profile/" not in rel:
            out.append((rel, folder_of or name, stem[:-len(".json")], chrome_summary))
    return sorted(out)


def main():
    folder = sys.argv[1]
    profiles = [reader(os.path.join(folder, rel), rel, run, host) for rel, run, host, reader in find(folder)]
    print(json.dumps({"profiles": profiles}, sort_keys=True))


if __name__ == "__main__":
    main()
