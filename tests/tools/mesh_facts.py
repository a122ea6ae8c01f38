#!/usr/bin/env python3
"""Independent facts about meshes, for the export and page tests: for every
mesh (its parts grouped by MeshPluginData.name, else by the tag's suffix
_VERTEX/_FACE/_COLOR or _1/_2/_3), every shown step (TensorBoard's restart
rule on the vertex records) and every sample: the vertex and face counts,
whether colours go with it, the bounds of the finite vertices, and the
sha256 of the sample's vertices as float32 little-endian. Uses
event_facts.py's own protobuf wire decoding, nothing of EventLens.

  mesh_facts.py ROOT...                 print the facts (TSV)
  mesh_facts.py --check CLI ROOT...     compare `CLI export ROOT --kind meshes` with them
"""
import hashlib
import json
import math
import os
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from event_facts import fields, frame, metadata, runs_under, shown, signed64, tensor, tensor_numbers  # noqa: E402

SUFFIXES = {"_VERTEX": 1, "_FACE": 2, "_COLOR": 3, "_1": 1, "_2": 2, "_3": 3}


def mesh_plugin(content):
    """MeshPluginData: (name, content_type)."""
    name, ctype = "", 0
    for no, _, v in fields(content):
        if no == 2:
            name = v.decode("utf-8", "replace")
        elif no == 3:
            ctype = v
    return name, ctype


def mesh_parts(paths):
    """{(name, content_type): (tag, [(step, tensor)])} in read order."""
    plugins, parts = {}, {}
    for path in paths:
        data = open(path, "rb").read()
        for off, length, ok in frame(data):
            if not ok:
                continue
            rec = data[off + 12:off + 12 + length]
            step, summary = 0, None
            for no, _, v in fields(rec):
                if no == 2:
                    step = signed64(v)
                elif no == 5:
                    summary = v
            if summary is None:
                continue
            for vno, _, vb in fields(summary):
                if vno != 1:
                    continue
                tag, t = "", None
                for no, _, v in fields(vb):
                    if no == 1:
                        tag = v.decode("utf-8", "replace")
                    elif no == 9:
                        plugin, content, _ = metadata(v)
                        if plugin:
                            plugins[tag] = (plugin, content)
                    elif no == 8:
                        t = tensor(v)
                if t is None or plugins.get(tag, ("",))[0] != "mesh":
                    continue
                name, ctype = mesh_plugin(plugins[tag][1])
                for suffix, c in SUFFIXES.items():
                    if tag.endswith(suffix) and len(tag) > len(suffix):
                        name = name or tag[:-len(suffix)]
                        ctype = ctype or c
                        break
                name = name or tag
                parts.setdefault((name, ctype), (tag, []))[1].append((step, t))
    return parts


def dims(t):
    s = t["shape"]
    if len(s) == 3 and s[2] == 3:
        return s[0], s[1]
    if len(s) == 2 and s[1] == 3:
        return 1, s[0]
    return None


def facts(paths):
    """[(mesh, step, sample, vertices, faces, colors, lo, hi, sha256)]"""
    parts = mesh_parts(paths)
    out = []
    for name in sorted({n for n, _ in parts}, key=lambda s: s.encode()):
        if (name, 1) not in parts:
            continue
        by_step = {}
        for c in (2, 3):
            if (name, c) in parts:
                # Faces and colours go with the vertices of the same step (shown records only).
                for step, t in shown(parts[(name, c)][1]):
                    by_step[(c, step)] = t
        for step, vt in shown(parts[(name, 1)][1]):
            b, n = dims(vt)
            vals = tensor_numbers(vt)
            ft, ct = by_step.get((2, step)), by_step.get((3, step))
            for k in range(b):
                xyz = [struct.unpack("<f", struct.pack("<f", x))[0] for x in vals[k * n * 3:(k + 1) * n * 3]]
                sha = hashlib.sha256(struct.pack("<%df" % len(xyz), *xyz)).hexdigest()
                finite = [xyz[i:i + 3] for i in range(0, len(xyz), 3) if all(math.isfinite(x) for x in xyz[i:i + 3])]
                lo = [min(p[a] for p in finite) for a in range(3)] if finite else None
                hi = [max(p[a] for p in finite) for a in range(3)] if finite else None
                faces = 0
                if ft is not None and k < dims(ft)[0]:
                    faces = dims(ft)[1]
                colors = ct is not None and dims(ct) == (b, n)
                out.append((name, step, k, n, faces, colors, lo, hi, sha))
    return out


def main():
    args = sys.argv[1:]
    cli = None
    if args and args[0] == "--check":
        cli, args = args[1], args[2:]
    if cli is None:
        print("root\trun\tmesh\tstep\tsample\tvertices\tfaces\tcolors\tlo\thi\tsha256")
    checked = 0
    for root in args:
        expected = {}
        for run, paths in runs_under(root):
            for f in facts(paths):
                expected.setdefault((run, f[0]), []).append(f[1:])
                if cli is None:
                    print("\t".join([os.path.basename(root), run, f[0]] + [str(x) for x in f[1:]]))
        if cli is None:
            continue
        got = {}
        out = subprocess.run([cli, "export", root, "--kind", "meshes"], capture_output=True, check=False)
        for r in json.loads(out.stdout)["runs"]:
            for name, points in r.get("meshes", {}).items():
                for p in points:
                    b = p["bounds"]
                    got.setdefault((r["run"], name), []).append(
                        (p["step"], p["sample"], p["vertices"], p["faces"], p["colors"],
                         b[0] if b != "none" else None, b[1] if b != "none" else None, p["sha256"]))
        if got != expected:
            for key in sorted(set(got) | set(expected)):
                if got.get(key) != expected.get(key):
                    print("%s %s:\n  export %s\n  facts  %s" % (root, key, got.get(key), expected.get(key)))
            sys.exit(1)
        checked += sum(len(v) for v in expected.values())
    if cli is not None:
        print("%d mesh samples equal" % checked)


if __name__ == "__main__":
    main()
