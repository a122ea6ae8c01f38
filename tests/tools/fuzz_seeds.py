#!/usr/bin/env python3
"""Writes fuzzing seeds from the corpus: whole small event files for the reader,
single record payloads (one per distinct kind of value) for the decoder, and
the small images and audio clips of summaries for the media decoders, and
the graph payloads (a first byte naming their kind, as the graph fuzzer reads),
and the projector's files (a first byte naming their kind, as the embed fuzzer reads),
and the tensors of mesh parts (TensorProto bytes, as the mesh fuzzer reads),
and each plane of the corpus's xplane profiles as an XSpace of its own, and Chrome trace JSON
(the corpus's small traces whole, a cut, gzip, and the first events of the large one).
Usage: fuzz_seeds.py CORPUS_DIR READER_DIR DECODER_DIR MEDIA_DIR GRAPH_DIR EMBED_DIR MESH_DIR XPLANE_DIR CHROME_DIR"""
import gzip
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from corpus_facts import frame  # noqa: E402
from audio_facts import clips_of  # noqa: E402
from image_facts import images_of  # noqa: E402
from graph_facts import read_graphs  # noqa: E402
from event_facts import fields  # noqa: E402

corpus, reader_dir, decoder_dir, image_dir, graph_dir, embed_dir, mesh_dir, xplane_dir, chrome_dir = sys.argv[1:10]
for d in (reader_dir, decoder_dir, image_dir, graph_dir, embed_dir, mesh_dir, xplane_dir, chrome_dir):
    os.makedirs(d, exist_ok=True)
n = 0
for dirpath, _, names in os.walk(corpus):
    for name in sorted(names):
        if "tfevents" not in name:
            continue
        data = open(os.path.join(dirpath, name), "rb").read()
        if len(data) <= 64 * 1024:
            open(os.path.join(reader_dir, "file%03d" % n), "wb").write(data)
        for i, (off, length, ok) in enumerate(frame(data)):
            if i >= 12 or length > 64 * 1024:
                break
            open(os.path.join(decoder_dir, "rec%03d_%02d" % (n, i)), "wb").write(data[off + 12:off + 12 + length])
        n += 1

# Media: each image or audio tag's first image or clip, when small.
k = 0
for dirpath, _, names in os.walk(corpus):
    paths = [os.path.join(dirpath, x) for x in sorted(names) if "tfevents" in x]
    for tag, points in sorted(images_of(paths).items()) + sorted(clips_of(paths).items()):
        blob = points[0][1]
        if len(blob) <= 64 * 1024:
            open(os.path.join(image_dir, "media%03d" % k), "wb").write(blob)
            k += 1

# Graphs: every non-empty graph payload up to 64 KB, and the small demo-like one
# a GraphDef's prefix makes. Kinds: 0 GraphDef, 1 MetaGraphDef, 2 RunMetadata, 3 Keras JSON.
g = 0
for dirpath, _, names in os.walk(corpus):
    paths = [os.path.join(dirpath, x) for x in sorted(names) if "tfevents" in x]
    for tag, (plugin, payload) in sorted(read_graphs(paths).items()):
        kind = 0 if tag == "__run_graph__" else 1 if tag == "__meta_graph__" else 3 if plugin == "graph_keras_model" else 2
        if payload and len(payload) <= 64 * 1024:
            open(os.path.join(graph_dir, "graph%03d" % g), "wb").write(bytes([kind]) + payload)
            g += 1

# Projector files. Kinds: 0 text format (configs, `checkpoint`), 1 tensors.tsv,
# 2 metadata.tsv, 4 checkpoint index. Big files are cut to their first 16 KB.
e = 0
for dirpath, _, names in sorted(os.walk(corpus)):
    for name in sorted(names):
        kind = (0 if name in ("projector_config.pbtxt", "checkpoint") else 1 if name == "tensors.tsv"
                else 2 if name.endswith(".tsv") else 4 if name.endswith(".index") else None)
        if kind is None:
            continue
        data = open(os.path.join(dirpath, name), "rb").read()
        if kind == 4 and len(data) > 64 * 1024:
            continue
        if kind != 4:
            data = data[:16 * 1024]
        open(os.path.join(embed_dir, "embed%03d" % e), "wb").write(bytes([kind]) + data)
        e += 1

# Mesh parts: the tensor of every value whose tag names a part, once per tag.
seen = set()
for dirpath, _, names in sorted(os.walk(corpus)):
    for name in sorted(names):
        if "tfevents" not in name:
            continue
        data = open(os.path.join(dirpath, name), "rb").read()
        for off, length, ok in frame(data):
            for no, _, v in fields(data[off + 12:off + 12 + length]) if ok else []:
                if no != 5:
                    continue
                for vno, _, vb in fields(v):
                    tag, tensor = "", None
                    for fno, _, fv in fields(vb) if vno == 1 else []:
                        if fno == 1:
                            tag = fv.decode("utf-8", "replace")
                        elif fno == 8:
                            tensor = fv
                    if tensor and tag.endswith(("_VERTEX", "_FACE", "_COLOR")) and tag not in seen and len(tensor) <= 64 * 1024:
                        seen.add(tag)
                        open(os.path.join(mesh_dir, "mesh%03d" % len(seen)), "wb").write(tensor)

# Profiles: every plane small enough, alone in an XSpace (field 1, length-delimited),
# and each file's first 60 KB (damage after the first planes).
planes = 0
for dirpath, _, names in os.walk(corpus):
    for name in sorted(names):
        if not name.endswith(".xplane.pb"):
            continue
        whole = open(os.path.join(dirpath, name), "rb").read()
        open(os.path.join(xplane_dir, "head%03d" % planes), "wb").write(whole[:60 * 1024])  # cut mid-plane
        for no, _, plane in fields(whole):
            if no != 1 or len(plane) > 60 * 1024:
                continue
            size, length = len(plane), b""
            while True:
                length += bytes([(size & 0x7F) | (0x80 if size > 0x7F else 0)])
                size >>= 7
                if not size:
                    break
            planes += 1
            open(os.path.join(xplane_dir, "plane%03d" % planes), "wb").write(b"\x0a" + length + plane)

# Chrome traces: JSON of at most 60 KB (the fuzzer's input limit): small traces whole (and gzip),
# the first 60 KB of larger ones (a cut mid-event), and a bare array of a few events.
traces = 0
for dirpath, _, names in os.walk(corpus):
    for name in sorted(names):
        stem = name[:-3] if name.endswith(".gz") else name
        if not (stem.endswith(".json") and "trace" in stem.lower()):
            continue
        raw = open(os.path.join(dirpath, name), "rb").read()
        if name.endswith(".gz"):
            raw = gzip.decompress(raw)
        traces += 1
        open(os.path.join(chrome_dir, "head%03d" % traces), "wb").write(raw[:60 * 1024])
        if len(raw) <= 60 * 1024:
            open(os.path.join(chrome_dir, "gzip%03d" % traces), "wb").write(gzip.compress(raw, mtime=0))
open(os.path.join(chrome_dir, "array"), "wb").write(
    b'[{"ph":"B","name":"a","pid":1,"tid":"t","ts":1.5},{"ph":"E","pid":1,"tid":"t","ts":2.25},'
    b'{"ph":"C","name":"c","pid":1,"ts":3,"args":{"x":1,"y":2.5}},{"ph":"s","id":7,"pid":1,"tid":"t","ts":1.6}]')
