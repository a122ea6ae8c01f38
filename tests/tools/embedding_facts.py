#!/usr/bin/env python3
"""embedding_facts.py CORPUS CASE...: the embeddings of each case, independently.

Standard library only, written from the formats rather than from EventLens'
code, so the engine's embedding tests compare against a second reading:

  - projector_config.pbtxt: text-format ProjectorConfig; entries may repeat
    (tensorboardX appends), later entries with the same tensor_name win.
  - tensors.tsv: one point per line, tab-separated numbers, parsed as Python
    floats (doubles) and stored as float32, as TensorBoard's page does.
  - checkpoints: the `checkpoint` file names the prefix; `<prefix>.index` is a
    LevelDB-format table (data blocks of prefix-compressed keys with restart
    points, 5-byte trailers holding a masked CRC-32C, a 48-byte footer with
    magic 0xdb4775248b80fb57) mapping tensor names to BundleEntryProto
    {dtype=1, shape=2, shard_id=3, offset=4, size=5, crc32c=6 (masked)};
    `<prefix>.data-NNNNN-of-NNNNN` holds the bytes. Every CRC is checked.
    With no config entry, every 2-D float tensor but optimizer slots counts.
  - metadata.tsv: a header row exactly when the first line holds a tab.

One row per embedding: case, name, rows, dims, sha256 of the float32 data
(little-endian, row-major), metadata columns (|-joined; "-" when none), and
metadata rows (-1 when there is no metadata file).
"""
import hashlib
import os
import re
import struct
import sys

# ---- CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) ----
_TABLE = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = (_c >> 1) ^ 0x82F63B78 if _c & 1 else _c >> 1
    _TABLE.append(_c)


def crc32c(data):
    c = 0xFFFFFFFF
    for b in data:
        c = _TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def masked(c):
    return (((c >> 15) | (c << 17)) + 0xA282EAD8) & 0xFFFFFFFF


# ---- protobuf wire format ----
def varint(buf, pos):
    shift = value = 0
    while True:
        b = buf[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return value, pos


def fields(buf):
    """(field number, wire type, value) of a serialized message."""
    pos = 0
    while pos < len(buf):
        key, pos = varint(buf, pos)
        num, wire = key >> 3, key & 7
        if wire == 0:
            v, pos = varint(buf, pos)
        elif wire == 1:
            v = buf[pos:pos + 8]
            pos += 8
        elif wire == 2:
            n, pos = varint(buf, pos)
            v = buf[pos:pos + n]
            pos += n
        elif wire == 5:
            v = buf[pos:pos + 4]
            pos += 4
        else:
            raise ValueError(f"wire type {wire}")
        yield num, wire, v


def bundle_entry(buf):
    e = {"dtype": 0, "dims": [], "shard": 0, "offset": 0, "size": 0, "crc": None}
    for num, wire, v in fields(buf):
        if num == 1:
            e["dtype"] = v
        elif num == 2:
            for n2, _, dim in fields(v):
                if n2 == 2:
                    e["dims"].append(next((d for n3, _, d in fields(dim) if n3 == 1), 0))
        elif num == 3:
            e["shard"] = v
        elif num == 4:
            e["offset"] = v
        elif num == 5:
            e["size"] = v
        elif num == 6:
            e["crc"] = struct.unpack("<I", v)[0]
    return e


# ---- LevelDB table ----
def block(data, offset, size):
    contents = data[offset:offset + size]
    kind = data[offset + size]
    stored = struct.unpack("<I", data[offset + size + 1:offset + size + 5])[0]
    if masked(crc32c(contents + bytes([kind]))) != stored:
        raise ValueError(f"block at {offset}: CRC mismatch")
    if kind != 0:
        raise ValueError(f"block at {offset}: compressed (type {kind})")
    return contents


def block_entries(contents):
    restarts = struct.unpack("<I", contents[-4:])[0]
    end = len(contents) - 4 - 4 * restarts
    pos, key = 0, b""
    while pos < end:
        shared, pos = varint(contents, pos)
        unshared, pos = varint(contents, pos)
        vlen, pos = varint(contents, pos)
        key = key[:shared] + contents[pos:pos + unshared]
        pos += unshared
        yield key, contents[pos:pos + vlen]
        pos += vlen


def read_bundle(prefix):
    data = open(prefix + ".index", "rb").read()
    footer = data[-48:]
    if struct.unpack("<Q", footer[40:])[0] != 0xDB4775248B80FB57:
        raise ValueError("not a table")
    pos = 0
    _, pos = varint(footer, pos)
    _, pos = varint(footer, pos)  # metaindex handle (unused)
    index_off, pos = varint(footer, pos)
    index_size, pos = varint(footer, pos)
    entries, num_shards = {}, 1
    for _, handle in block_entries(block(data, index_off, index_size)):
        off, p = varint(handle, 0)
        size, _ = varint(handle, p)
        for key, value in block_entries(block(data, off, size)):
            if key == b"":
                num_shards = next((v for n, _, v in fields(value) if n == 1), 1)
            else:
                entries[key.decode()] = bundle_entry(value)
    shards = {}
    tensors = {}
    for name, e in entries.items():
        if e["shard"] not in shards:
            shards[e["shard"]] = open(f"{prefix}.data-{e['shard']:05d}-of-{num_shards:05d}", "rb").read()
        raw = shards[e["shard"]][e["offset"]:e["offset"] + e["size"]]
        # String tensors are stored as lengths then bytes, checksummed differently; only numbers are read.
        if e["dtype"] != 7 and e["crc"] is not None and masked(crc32c(raw)) != e["crc"]:
            raise ValueError(f"{name}: data CRC mismatch")
        tensors[name] = (e["dtype"], e["dims"], raw)
    return tensors


# ---- projector config (text format) ----
def parse_config(text):
    tokens = re.findall(r'"(?:[^"\\]|\\.)*"|[{}:]|[^\s{}:"]+', text)
    pos = 0

    def message():
        nonlocal pos
        out = []
        while pos < len(tokens) and tokens[pos] != "}":
            name = tokens[pos]
            pos += 1
            if tokens[pos] == ":":
                pos += 1
            if tokens[pos] == "{":
                pos += 1
                out.append((name, message()))
                pos += 1
            else:
                tok = tokens[pos]
                pos += 1
                out.append((name, bytes(tok[1:-1], "utf-8").decode("unicode_escape") if tok.startswith('"') else tok))
        return out

    top = message()
    embeddings = []
    for name, value in top:
        if name == "embeddings":
            embeddings.append(dict((k, v) for k, v in value if not isinstance(v, list)))
    by_name = {}
    for e in embeddings:  # later entries win
        by_name[e.get("tensor_name", os.path.basename(e.get("tensor_path", "")))] = e
    return dict((k, v) for k, v in top if not isinstance(v, list)), by_name


def read_metadata(path):
    if not path or not os.path.exists(path):
        return "-", -1
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if lines and "\t" in lines[0]:
        return "|".join(lines[0].split("\t")), len(lines) - 1
    return "-", len(lines)


def tsv_floats(path):
    rows = []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.strip() == "":
            continue
        rows.append([float(x) for x in line.rstrip("\r").split("\t")])
    dims = len(rows[0]) if rows else 0
    raw = b"".join(struct.pack(f"<{len(r)}f", *r) for r in rows)
    return len(rows), dims, raw


def row(case, name, rows, dims, raw, meta):
    cols, n = meta
    return f"{case}\t{name}\t{rows}\t{dims}\t{hashlib.sha256(raw).hexdigest()}\t{cols}\t{n}"


def embeddings(corpus, case):
    """(name, rows, dims, float32 bytes, (metadata columns, rows)) of each embedding of a case."""
    for config_dir, _, files in sorted(os.walk(os.path.join(corpus, case))):
        if "projector_config.pbtxt" not in files:
            continue
        top, named = parse_config(open(os.path.join(config_dir, "projector_config.pbtxt")).read())
        ckpt = None
        for d in [config_dir] + [os.path.join(config_dir, x) for x in sorted(os.listdir(config_dir))]:
            if os.path.isfile(os.path.join(d, "checkpoint")):
                text = open(os.path.join(d, "checkpoint")).read()
                m = re.search(r'^model_checkpoint_path:\s*"([^"]*)"', text, re.M)
                if m:
                    ckpt = read_bundle(os.path.join(d, m.group(1)))
                    break
        for name, e in sorted(named.items()):
            meta = read_metadata(os.path.join(config_dir, e["metadata_path"]) if "metadata_path" in e else None)
            if "tensor_path" in e:
                rows, dims, raw = tsv_floats(os.path.join(config_dir, e["tensor_path"]))
                yield name, rows, dims, raw, meta
            elif ckpt is not None:
                key = name[:-2] if name.endswith(":0") else name
                dtype, shape, raw = ckpt[key]
                yield name, shape[0], shape[1], raw, meta


CASES = ["projector/pytorch-sprite", "projector/pytorch-two-tags", "projector/tensorboardx-appended",
         "projector/tf1-saver-checkpoint", "keras-embedding-and-profile"]


def main():
    corpus = sys.argv[1]
    print("case\tname\trows\tdims\tsha256\tmetadata_columns\tmetadata_rows")
    for case in sys.argv[2:]:
        for name, rows, dims, raw, meta in embeddings(corpus, case):
            print(row(case, name, rows, dims, raw, meta))


if __name__ == "__main__":
    main()
