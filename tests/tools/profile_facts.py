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

With --range T0 T1 (ps, in the same times), each profile also gets "range_top": the 20 names with
the most time inside [T0, T1) (each slice's overlap with it, summed; ties by name), with "count" the
slices overlapping it at all.

usage: profile_facts.py FOLDER [--range T0 T1]
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
        for line_no, (lf, line_bytes) in enumerate(plane):
            if lf != 3:
                continue
            line = fields(line_bytes)
            track = (name, line_no, last(line, 11, b"").decode() or last(line, 2, b"").decode())
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
                slices.append(Slice(name, track, shown, origin + int64(last(event, 2, 0)), int64(last(event, 3, 0)), ""))
    return processes, slices


def xplane_summary(path, rel, run, host):
    with open(path, "rb") as fh:
        processes, slices = convert(fh.read())
    per_process = {p: 0 for p in processes}
    for s in slices:
        per_process[s.process] += 1
    return finish(rel, run, host, "xplane", 0, {"X": len(slices)} if slices else {}, {}, per_process,
                  slices, [], [])


Slice = collections.namedtuple("Slice", "process track name start duration category")


def kind(s):
    """What a slice is: its category says (PyTorch 1.8 and 2.x names), else its xplane line does."""
    if re.fullmatch(r"ProfilerStep#[0-9]+", s.name):
        return "step"
    if s.category:
        return {"kernel": "kernel", "memcpy": "memcpy", "gpu_memcpy": "memcpy", "memset": "memset",
                "gpu_memset": "memset", "runtime": "runtime", "cuda_runtime": "runtime", "cuda_driver": "runtime",
                "operator": "CPU op", "cpu_op": "CPU op", "user_annotation": "CPU op",
                "python_function": "CPU op"}.get(s.category.lower(), "other")
    line_name = s.track[2] if len(s.track) == 3 else ""
    if line_name == "Steps":
        return "step"
    if not s.process.startswith("/device:"):
        return "CPU op"
    if not line_name.startswith("Stream #"):
        return "other"
    if s.name.startswith("Memcpy"):
        return "memcpy"
    if s.name.startswith("Memset"):
        return "memset"
    return "kernel"


def self_times(slices):
    """Each slice's duration less its direct children's overlap: per track, slices in (start, longest
    first, read order) order; a slice is a child of the innermost slice still open at its start."""
    self = [s.duration for s in slices]
    by_track = collections.defaultdict(list)
    for i, s in enumerate(slices):
        by_track[s.track].append(i)
    for members in by_track.values():
        members.sort(key=lambda i: (slices[i].start, -slices[i].duration, i))
        stack = []
        for i in members:
            s = slices[i]
            while stack and slices[stack[-1]].start + slices[stack[-1]].duration <= s.start:
                stack.pop()
            if stack:
                p = slices[stack[-1]]
                self[stack[-1]] -= min(s.start + s.duration, p.start + p.duration) - s.start
            stack.append(i)
    return self


def union(spans):
    total, reach = 0, None
    for a, b in sorted(spans):
        start = a if reach is None else max(a, reach)
        total += max(0, b - start)
        reach = b if reach is None else max(reach, b)
    return total


def steps_of(slices, kinds):
    """Each step's time split by the first of kernel, memcpy, runtime, CPU running (else other)."""
    per_track = {}
    for s, k in zip(slices, kinds):
        if k == "step":
            n, first = per_track.get(s.track, (0, s.start))
            per_track[s.track] = (n + 1, min(first, s.start))
    if not per_track:
        return []
    track = min(per_track, key=lambda t: (-per_track[t][0], per_track[t][1]))
    steps = sorted((s for s, k in zip(slices, kinds) if k == "step" and s.track == track), key=lambda s: s.start)
    classes = {"kernel": 0, "memcpy": 1, "memset": 1, "runtime": 2, "CPU op": 3}
    intervals = [[] for _ in range(4)]
    for s, k in zip(slices, kinds):
        if k in classes and s.duration > 0:
            intervals[classes[k]].append((s.start, s.start + s.duration))
    out = []
    for st in steps:
        a, b = st.start, st.start + st.duration
        owned, covered = [], []  # time of each class inside the step, less the classes before it
        for spans in intervals:
            clipped = [(max(x, a), min(y, b)) for x, y in spans if x < b and y > a]
            covered = covered + clipped
            owned.append(union(covered))
        times = [owned[0]] + [owned[c] - owned[c - 1] for c in range(1, 4)]
        out.append({"name": st.name, "start_ps": st.start, "duration_ps": st.duration, "kernel_ps": times[0],
                    "memcpy_ps": times[1], "runtime_ps": times[2], "cpu_ps": times[3],
                    "other_ps": st.duration - owned[3]})
    return out


def integral(v):
    if isinstance(v, bool) or not isinstance(v, (int, decimal.Decimal)):
        return None
    return int(v) if v == int(v) else None


def memory_of(memory_events):
    """[memory] instants (ts, args) per (Device Type, Device Id): Total Allocated, else the sum of Bytes."""
    series = {}
    for ts, args in sorted(memory_events, key=lambda e: e[0]):
        dtype = integral(args.get("Device Type", 0))
        did = integral(args.get("Device Id", -1))
        dtype = 0 if dtype is None else dtype
        did = -1 if did is None else did
        total, change = integral(args.get("Total Allocated")), integral(args.get("Bytes"))
        if total is None and change is None:
            continue
        values = series.setdefault((dtype, did), [])
        values.append(total if total is not None else (values[-1] if values else 0) + change)
    out = []
    for (dtype, did), values in sorted(series.items()):
        device = "CPU" if dtype == 0 else "GPU %d" % did if dtype == 1 else "device type %d id %d" % (dtype, did)
        out.append({"device": device, "samples": len(values), "peak_bytes": max(0, max(values)),
                    "last_bytes": values[-1]})
    return out


RANGE = None  # (t0, t1) from --range


def range_top(slices, t0, t1):
    totals = {}
    for s in slices:
        inside = min(s.start + s.duration, t1) - max(s.start, t0)
        if s.start < t1 and s.start + s.duration > t0:
            count, total = totals.get(s.name, (0, 0))
            totals[s.name] = (count + 1, total + inside)
    top = sorted(totals.items(), key=lambda kv: (-kv[1][1], kv[0]))[:20]
    return [{"name": n, "count": c, "total_ps": t} for n, (c, t) in top]


def finish(rel, run, host, fmt, base_us, phases, categories, per_process, slices, points, memory_events,
           labels=None):
    """The export's record of one profile (labels: a process key's display name, if not the key)."""
    labels = labels or {}
    totals = {}
    for s in slices:
        name, duration = s.name, s.duration
        count, total = totals.get(name, (0, 0))
        totals[name] = (count + 1, total + duration)
    top = sorted(totals.items(), key=lambda kv: (-kv[1][1], kv[0]))[:20]
    times = [s.start for s in slices] + [s.start + s.duration for s in slices] + points
    kinds = [kind(s) for s in slices]
    self = self_times(slices)
    ops = {}
    for s, k, own in zip(slices, kinds, self):
        row = ops.setdefault((s.name, s.category, k), {"name": s.name, "category": s.category, "kind": k, "count": 0,
                                                      "total_ps": 0, "self_ps": 0, "min_ps": s.duration,
                                                      "max_ps": s.duration})
        row["count"] += 1
        row["total_ps"] += s.duration
        row["self_ps"] += own
        row["min_ps"] = min(row["min_ps"], s.duration)
        row["max_ps"] = max(row["max_ps"], s.duration)
    busy = collections.defaultdict(list)
    for s, k in zip(slices, kinds):
        if k == "kernel":
            busy[labels.get(s.process, s.process)].append((s.start, s.start + s.duration))
    extra = {"range_top": range_top(slices, *RANGE)} if RANGE else {}
    return {
        **extra,
        "file": rel, "run": run, "host": host, "format": fmt, "base_us": base_us,
        "phases": dict(sorted(phases.items())), "categories": dict(sorted(categories.items())),
        "slices": len(slices), "processes": dict(sorted(per_process.items())),
        "begin_ps": min(times, default=0), "end_ps": max(times, default=0),
        "top": [{"name": n, "count": c, "total_ps": t} for n, (c, t) in top],
        "ops": sorted(ops.values(), key=lambda r: (-r["total_ps"], r["name"], r["category"], r["kind"]))[:20],
        "steps": steps_of(slices, kinds),
        "gpu_busy": {device: union(spans) for device, spans in busy.items()},
        "memory": memory_of(memory_events),
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
    slices, points, memory_events = [], [], []
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
            slices.append(Slice(pid, (pid, tid), name, at, duration, text(e.get("cat", ""))))
        elif ph == "B":
            process(pid)
            open_slices[(pid, tid)].append((at, name, text(e.get("cat", ""))))
        elif ph == "E":
            process(pid)
            if open_slices[(pid, tid)]:
                start, b_name, b_cat = open_slices[(pid, tid)].pop()
                slices.append(Slice(pid, (pid, tid), b_name, start, max(0, at - start), b_cat))
        elif ph in ("i", "I"):
            scope = text(e.get("s", "t"))[:1] or "t"
            process("" if scope == "g" else pid)
            points.append(at)
            if name == "[memory]" and isinstance(args, dict):
                memory_events.append((at, args))
        elif ph == "C":
            process(pid)
            if isinstance(args, dict):
                points += [at for v in args.values() if isinstance(v, (int, decimal.Decimal)) and not isinstance(v, bool)]
        elif ph in ("s", "t", "f"):
            process(pid)
            points.append(at)
    for (pid, tid), stack in open_slices.items():
        for start, b_name, b_cat in stack:
            slices.append(Slice(pid, (pid, tid), b_name, start, max(0, latest - start), b_cat))
    per_process = {}
    for pid, (pname, label) in processes.items():
        per_process.setdefault(label or pname, 0)
    for s in slices:
        pname, label = processes[s.process]
        per_process[label or pname] += 1
    labels = {pid: label or pname for pid, (pname, label) in processes.items()}
    return finish(rel, run, host, "chrome", base or 0, phases, categories, per_process, slices, points,
                  memory_events, labels)


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
    global RANGE
    folder = sys.argv[1]
    if len(sys.argv) == 5 and sys.argv[2] == "--range":
        RANGE = (int(sys.argv[3]), int(sys.argv[4]))
    profiles = [reader(os.path.join(folder, rel), rel, run, host) for rel, run, host, reader in find(folder)]
    print(json.dumps({"profiles": profiles}, sort_keys=True))


if __name__ == "__main__":
    main()
