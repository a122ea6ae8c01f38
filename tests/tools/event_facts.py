#!/usr/bin/env python3
"""Derives expected per-run, per-tag facts from corpus event files, independently
of EventLens: standard library only, its own protobuf wire decoding.

For every run under each root: tag, kind, records, records shown after
TensorBoard's restart rule (a record at step s hides earlier ones with step >= s),
first and last shown step, and for the first/last shown record: scalars the
value (repr of the double), histograms the number of (left,right,count) rows,
text the length of the text, images "WxH/count/sha256 of the first image"; for
custom_scalars the layout's categories; for hparams, pr_curves and mesh
both columns summarise the tag's plugin content (see plugin_summary()).
Usage: event_facts.py CORPUS_DIR ROOT... > tests/data/corpus_tags.tsv
"""
import hashlib
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


def metadata(b):
    """SummaryMetadata: (plugin_name, plugin content, data_class)."""
    plugin, content, data_class = "", b"", 0
    for mno, _, mv in fields(b):
        if mno == 1:
            for pno, _, pv in fields(mv):
                if pno == 1:
                    plugin = pv.decode()
                elif pno == 2:
                    content = pv
        elif mno == 4:
            data_class = mv
    return plugin, content, data_class


def value(tags, vb, step):
    tag, node, plugin, kind, payload = "", "", "", None, None
    content = b""
    data_class = 0
    for no, wt, v in fields(vb):
        if no == 1:
            tag = v.decode("utf-8", "replace")
        elif no == 7:
            node = v.decode("utf-8", "replace")
        elif no == 9:
            plugin, content, data_class = metadata(v)
        elif no == 2:
            kind, payload = "scalars", struct.unpack("<f", v)[0]
        elif no == 5:
            kind, payload = "histograms", histo_rows(v)
        elif no == 4:
            kind, payload = "images", legacy_image(v)
        elif no == 6:
            kind = "audio"
        elif no == 8:
            kind, payload = "tensor", tensor(v)
    tag = tag or node
    if kind is None:
        if plugin:
            add(tags, tag, kind_of(plugin), step, None, plugin, content)
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
        elif kind == "custom_scalars" and t["strings"]:
            payload = layout_summary(t["strings"][0])
        elif kind == "images" and len(t["strings"]) >= 2:
            payload = image_fact(int(t["strings"][0]), int(t["strings"][1]), t["strings"][2:])
        else:
            payload = None
    add(tags, tag, kind, step, payload, plugin, content)


def add(tags, tag, kind, step, payload, plugin="", content=b""):
    if tag not in tags:
        tags[tag] = {"kind": kind, "plugin": plugin, "content": content, "points": []}
    elif not tags[tag]["plugin"]:
        tags[tag]["plugin"] = plugin
        tags[tag]["content"] = content
    tags[tag]["points"].append((step, payload))


def image_size(img):
    """Pixel size from a PNG IHDR or GIF header (the formats in the corpus)."""
    if img[:8] == b"\x89PNG\r\n\x1a\n":
        return struct.unpack(">II", img[16:24])
    if img[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", img[6:10])
    return 0, 0


def image_fact(w, h, images):
    if not images:
        return "%dx%d/0/-" % (w, h)
    if not w or not h:
        w, h = image_size(images[0])
    return "%dx%d/%d/%s" % (w, h, len(images), hashlib.sha256(images[0]).hexdigest())


def legacy_image(b):
    w = h = 0
    img = b""
    for no, _, v in fields(b):
        if no == 1:
            h = v
        elif no == 2:
            w = v
        elif no == 4:
            img = v
    return image_fact(w, h, [img])


def hp_value(b):
    for no, wt, v in fields(b):
        if no == 2:
            return "%.17g" % struct.unpack("<d", v)[0]
        if no == 3:
            return v.decode("utf-8", "replace")
        if no == 4:
            return "true" if v else "false"
    return "null"


def layout_summary(b):
    """custom_scalars Layout (the tensor's string): category=2 {title=1, chart=2}."""
    cats = []
    for no, _, v in fields(b):
        if no == 2:
            title, charts = "", 0
            for cno, _, cv in fields(v):
                if cno == 1:
                    title = cv.decode()
                elif cno == 2:
                    charts += 1
            cats.append("%s:%d" % (title, charts))
    return "layout " + "|".join(cats)


def plugin_summary(plugin, content):
    """A one-line digest of a tag's plugin content (HParamsPluginData, Layout,
    PrCurvePluginData, MeshPluginData), decoded with field numbers only."""
    if plugin == "hparams":
        for no, _, v in fields(content):
            if no == 2:  # Experiment: hparam_infos=4 {name=1}, metric_infos=5 {name=1 {group=1, tag=2}}
                hps, metrics = [], []
                for eno, _, ev in fields(v):
                    if eno == 4:
                        hps += [x.decode() for n, _, x in fields(ev) if n == 1]
                    elif eno == 5:
                        for n, _, x in fields(ev):
                            if n == 1:
                                parts = {mn: mv.decode() for mn, _, mv in fields(x)}
                                metrics.append(parts.get(1, "") + ":" + parts.get(2, ""))
                return "experiment hparams=%s metrics=%s" % (",".join(hps), ",".join(metrics))
            if no == 3:  # SessionStartInfo: hparams=1 entries {key=1, value=2}
                kv = []
                for sno, _, sv in fields(v):
                    if sno == 1:
                        e = {n: x for n, _, x in fields(sv)}
                        kv.append((e.get(1, b"").decode(), hp_value(e.get(2, b""))))
                return "start " + ",".join("%s=%s" % p for p in sorted(kv, key=lambda p: p[0].encode()))
            if no == 4:  # SessionEndInfo: status=1
                status = next((x for n, _, x in fields(v) if n == 1), 0)
                return "end status=%d" % status
        return "hparams ?"
    if plugin == "pr_curves":
        n = next((x for no, _, x in fields(content) if no == 2), 0)
        return "thresholds=%d" % n
    if plugin == "mesh":
        d = {}
        for no, wt, v in fields(content):
            if no == 6:
                d.setdefault(6, []).extend(repeated_numbers([(wt, v)], "q", 8))
            else:
                d[no] = v
        return "mesh %s type=%d shape=%s" % (d.get(2, b"").decode(), d.get(3, 0),
                                             "x".join(str(x) for x in d.get(6, [])))
    return None


def shown(points):
    keep = []
    for p in points:
        while keep and keep[-1][0] >= p[0]:
            keep.pop()
        keep.append(p)
    return keep


def runs_under(base):
    """(run name, its event files in read order) for each run under `base`,
    runs sorted by name (byte-wise): TensorBoard's rules for runs and files."""
    runs = {}
    for dirpath, _, names in os.walk(base):
        for n in names:
            if "tfevents" in n and not n.endswith(".profile-empty"):
                rel = os.path.relpath(dirpath, base).replace(os.sep, "/")
                runs.setdefault(rel, []).append(os.path.join(dirpath, n))
    return [(run, sorted(runs[run], key=lambda p: os.path.basename(p).encode()))
            for run in sorted(runs, key=lambda s: s.encode())]


def main():
    corpus = sys.argv[1]
    print("root\trun\ttag\tkind\trecords\tshown\tfirst_step\tlast_step\tfirst\tlast")
    for root in sys.argv[2:]:
        for run, paths in runs_under(os.path.join(corpus, root)):
            tags = {}
            read_run(paths, tags)
            for tag in sorted(tags, key=lambda s: s.encode()):
                t = tags[tag]
                vis = shown(t["points"])
                def fmt(x):
                    return "-" if x is None else x if isinstance(x, str) else repr(x)
                first, last = fmt(vis[0][1]), fmt(vis[-1][1])
                summary = plugin_summary(t["plugin"], t["content"])
                if summary is not None:
                    first = last = summary
                print("\t".join([root, run, tag, t["kind"], str(len(t["points"])), str(len(vis)),
                                 str(vis[0][0]), str(vis[-1][0]), first, last]))


if __name__ == "__main__":
    main()
