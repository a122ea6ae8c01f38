#!/usr/bin/env python3
"""Independent facts about the profiles under a folder, for `eventlens export --kind profile`.

Finds <run>/plugins/profile/<session>/<host>.xplane.pb files, decodes each XSpace with its
own protobuf wire decoder (no protobuf library, no code shared with EventLens), converts it
as TensorBoard's trace viewer does (host and GPU/TPU planes as processes, lines as tracks,
display names, step_name stats, start = timestamp_ns * 1000 + offset_ps), and prints JSON:
{"profiles":[{"file","run","host","slices","processes":{name:n},"begin_ps","end_ps",
"top":[{"name","count","total_ps"}]}]}, all times in integer picoseconds.

usage: profile_facts.py FOLDER
"""
import json
import os
import re
import sys


def varint(b, i):
    value = shift = 0
    while True:
        c = b[i]
        i += 1
        value |= (c & 0x7F) << shift
        shift += 7
        if c < 0x80:
            return value, i


def int64(v):
    return v - (1 << 64) if v >= 1 << 63 else v


def fields(b):
    """(field, value) pairs: ints for varints, bytes for length-delimited (others skipped)."""
    i, out = 0, []
    while i < len(b):
        key, i = varint(b, i)
        field, wire = key >> 3, key & 7
        if wire == 0:
            v, i = varint(b, i)
        elif wire == 1:
            v, i = b[i:i + 8], i + 8
        elif wire == 2:
            n, i = varint(b, i)
            v, i = b[i:i + n], i + n
        elif wire == 5:
            v, i = b[i:i + 4], i + 4
        else:
            raise ValueError("wire type %d" % wire)
        out.append((field, v))
    return out


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


def summary(path, folder):
    rel = os.path.relpath(path, folder).replace(os.sep, "/")
    m = re.match(r"^(?:(.*)/)?plugins/profile/([^/]+)/([^/]+)\.xplane\.pb$", rel)
    run = (m.group(1) + "/" if m.group(1) else "") + m.group(2)
    with open(path, "rb") as fh:
        processes, slices = convert(fh.read())
    per_process = {p: 0 for p in processes}
    totals = {}
    for process, name, start, duration in slices:
        per_process[process] += 1
        count, total = totals.get(name, (0, 0))
        totals[name] = (count + 1, total + duration)
    top = sorted(totals.items(), key=lambda kv: (-kv[1][1], kv[0]))[:20]
    return {
        "file": rel, "run": run, "host": m.group(3), "slices": len(slices),
        "processes": dict(sorted(per_process.items())),
        "begin_ps": min((s[2] for s in slices), default=0),
        "end_ps": max((s[2] + s[3] for s in slices), default=0),
        "top": [{"name": n, "count": c, "total_ps": t} for n, (c, t) in top],
    }


def main():
    folder = sys.argv[1]
    paths = []
    for root, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".xplane.pb") and "/plugins/profile/" in "/" + os.path.relpath(os.path.join(root, name), folder):
                paths.append(os.path.join(root, name))
    print(json.dumps({"profiles": [summary(p, folder) for p in sorted(paths)]}, sort_keys=True))


if __name__ == "__main__":
    main()
