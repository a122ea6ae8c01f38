#!/usr/bin/env python3
"""Derives expected per-run, per-tag facts from corpus event files, independently
of EventLens: standard library only, its own protobuf wire decoding.

For every run under each root: tag, kind, records, records shown after
TensorBoard's restart rule (a record at step s hides earlier ones with step >= s),
first and last shown step, and for scalars the first/last shown value (repr of
the double), for histograms the number of (left,right,count) rows of the last
shown record, for text the length of the last shown text.
Usage: event_facts.py CORPUS_DIR ROOT... > tests/data/corpus_tags.tsv
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(__file__))
from corpus_facts import frame  # noqa: E402  (TFRecord framing + CRC-32C)


def varint(b, i):
    shift = result = 0
    while True:
        c = b[i]
        i += 1
        result |= (c & 0x7F) << shift
        shift += 7
        if not c & 0x80:
            return result, i


def fields(b):
    i = 0
    while i < len(b):
        key, i = varint(b, i)
        no, wt = key >> 3, key & 7
        if wt == 0:
            v, i = varint(b, i)
        elif wt == 1:
            v, i = b[i:i + 8], i + 8
        elif wt == 2:
            n, i = varint(b, i)
            v, i = b[i:i + n], i + n
        elif wt == 5:
            v, i = b[i:i + 4], i + 4
        else:
            raise ValueError("wire type %d" % wt)
        yield no, wt, v


def signed64(v):
    return v - (1 << 64) if v >= 1 << 63 else v


def repeated_numbers(items, fmt, size):
    """Packed (wt 2) or unpacked entries of one repeated numeric field."""
    out = []
    for wt, v in items:
        if wt == 2 and fmt in "fd":
            out += [x[0] for x in struct.iter_unpack("<" + fmt, v)]
        elif wt == 2:
            i = 0
            while i < len(v):
                x, i = varint(v, i)
                out.append(x)
        elif wt in (1, 5):
            out.append(struct.unpack("<" + fmt, v)[0])
        else:
            out.append(v)
    return out


DT = {1: ("f", 4), 2: ("d", 8), 3: ("i", 4), 9: ("q", 8), 10: ("?", 1), 4: ("B", 1), 6: ("b", 1),
      5: ("h", 2), 17: ("H", 2), 22: ("I", 4), 23: ("Q", 8)}
VAL_FIELD = {1: 5, 2: 6, 3: 7, 4: 7, 5: 7, 6: 7, 17: 7, 9: 10, 10: 11, 22: 16, 23: 17}


def tensor(b):
    t = {"dtype": 0, "shape": [], "content": b"", "vals": {}, "strings": []}
    for no, wt, v in fields(b):
        if no == 1:
            t["dtype"] = v
        elif no == 2:
            for dno, _, dv in fields(v):
                if dno == 2:
                    size = 0
                    for sno, _, sv in fields(dv):
                        if sno == 1:
                            size = signed64(sv)
                    t["shape"].append(size)
        elif no == 4:
            t["content"] = v
        elif no == 8:
            t["strings"].append(v)
        else:
            t["vals"].setdefault(no, []).append((wt, v))
    return t


def tensor_numbers(t):
    dt = t["dtype"]
    if dt not in DT:
        return None
    fmt, size = DT[dt]
    if t["content"]:
        return [x[0] for x in struct.iter_unpack("<" + fmt, t["content"])]
    items = t["vals"].get(VAL_FIELD[dt], [])
    nums = repeated_numbers(items, fmt if fmt in "fd" else "q", size)
    if fmt in "iqbhB":
        nums = [signed64(x) if fmt == "q" else x for x in nums]
    return nums


def kind_of(plugin):
    known = {"scalars", "histograms", "images", "audio", "text", "hparams", "pr_curves", "custom_scalars", "mesh"}
    if plugin in known:
        return plugin
    if plugin in ("graphs", "graph_keras_model", "graph_run_metadata", "graph_run_metadata_graph"):
        return "graphs"
    return "tensors"


def histo_rows(b):
    h = {"min": 0.0, "max": 0.0, 6: [], 7: []}
    for no, wt, v in fields(b):
        if no == 1:
            h["min"] = struct.unpack("<d", v)[0]
        elif no == 2:
            h["max"] = struct.unpack("<d", v)[0]
        elif no in (6, 7):
            h[no] += repeated_numbers([(wt, v)], "d", 8)
    counts = h[7]
    nz = [i for i, c in enumerate(counts) if c != 0]
    return 0 if not nz else nz[-1] - nz[0] + 1


def read_run(paths, tags):
    for path in paths:
        data = open(path, "rb").read()
        for off, length, ok in frame(data):
            if not ok:
                continue
            rec = data[off + 12:off + 12 + length]
            wall, step, what = 0.0, 0, None
            for no, wt, v in fields(rec):
                if no == 1:
                    wall = struct.unpack("<d", v)[0]
                elif no == 2:
                    step = signed64(v)
                elif no in (4, 5, 8, 9):
                    what = (no, v)
            if what is None:
                continue
            no, v = what
            if no == 4:
                add(tags, "__run_graph__", "graphs", step, None)
            elif no == 9:
                add(tags, "__meta_graph__", "graphs", step, None)
            elif no == 8:
                tag = next((tv.decode() for tn, _, tv in fields(v) if tn == 1), "")
                add(tags, tag, "graphs", step, None)
            else:
                for vno, _, vb in fields(v):
                    if vno == 1:
                        value(tags, vb, step)


def value(tags, vb, step):
    tag, node, plugin, kind, payload = "", "", "", None, None
    data_class = 0
    for no, wt, v in fields(vb):
        if no == 1:
            tag = v.decode("utf-8", "replace")
        elif no == 7:
            node = v.decode("utf-8", "replace")
        elif no == 9:
            for mno, _, mv in fields(v):
                if mno == 1:
                    for pno, _, pv in fields(mv):
                        if pno == 1:
                            plugin = pv.decode()
                elif mno == 4:
                    data_class = mv
        elif no == 2:
            kind, payload = "scalars", struct.unpack("<f", v)[0]
        elif no == 5:
            kind, payload = "histograms", histo_rows(v)
        elif no == 4:
            kind = "images"
        elif no == 6:
            kind = "audio"
        elif no == 8:
            kind, payload = "tensor", tensor(v)
    tag = tag or node
    if kind is None:
        if plugin:
            add(tags, tag, kind_of(plugin), step, None)
        return
    if kind == "tensor":
        if not plugin and tag in tags:
            plugin = tags[tag]["plugin"]
        if not plugin and data_class == 1:
            plugin = "scalars"
        kind = kind_of(plugin)
        t = payload
        if kind == "scalars":
            payload = float(tensor_numbers(t)[0])
        elif kind == "histograms":
            payload = len(tensor_numbers(t)) // 3
        elif kind == "text":
            payload = len(b"\n".join(t["strings"]))
        else:
            payload = None
    add(tags, tag, kind, step, payload, plugin)


def add(tags, tag, kind, step, payload, plugin=""):
    if tag not in tags:
        tags[tag] = {"kind": kind, "plugin": plugin, "points": []}
    elif not tags[tag]["plugin"]:
        tags[tag]["plugin"] = plugin
    tags[tag]["points"].append((step, payload))


def shown(points):
    keep = []
    for p in points:
        while keep and keep[-1][0] >= p[0]:
            keep.pop()
        keep.append(p)
    return keep


def main():
    corpus = sys.argv[1]
    print("root\trun\ttag\tkind\trecords\tshown\tfirst_step\tlast_step\tfirst\tlast")
    for root in sys.argv[2:]:
        base = os.path.join(corpus, root)
        runs = {}
        for dirpath, _, names in os.walk(base):
            for n in names:
                if "tfevents" in n and not n.endswith(".profile-empty"):
                    rel = os.path.relpath(dirpath, base).replace(os.sep, "/")
                    runs.setdefault(rel, []).append(os.path.join(dirpath, n))
        for run in sorted(runs, key=lambda s: s.encode()):
            tags = {}
            read_run(sorted(runs[run], key=lambda p: os.path.basename(p).encode()), tags)
            for tag in sorted(tags, key=lambda s: s.encode()):
                t = tags[tag]
                vis = shown(t["points"])
                fmt = lambda x: repr(x) if x is not None else "-"
                print("\t".join([root, run, tag, t["kind"], str(len(t["points"])), str(len(vis)),
                                 str(vis[0][0]), str(vis[-1][0]), fmt(vis[0][1]), fmt(vis[-1][1])]))


if __name__ == "__main__":
    main()
