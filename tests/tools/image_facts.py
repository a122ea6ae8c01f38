#!/usr/bin/env python3
"""Expected decoded pixels of corpus images, written out here independently of
EventLens (standard library only: its own PNG decoder; the corpus's images are all PNG).

For every image tag of every run under each root: the last shown record's first
image (legacy Summary.Image or an image tensor's first sample), decoded to 8-bit
RGBA as EventLens promises (gray, gray+alpha, RGB, palette and tRNS expanded;
16-bit samples keep their high byte; depths below 8 scaled to 0..255).
Prints: root, run, tag, step, format, width, height, RGBA at the top-left,
centre and bottom-right pixels, and the sha256 of all RGBA bytes.
Usage: image_facts.py CORPUS_DIR ROOT... > tests/data/image_facts.tsv
"""
import hashlib
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(__file__))
from corpus_facts import frame  # noqa: E402
from event_facts import fields, tensor, metadata, shown, runs_under, signed64  # noqa: E402


# ---- PNG -------------------------------------------------------------------------------
def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def unfilter(raw, width, height, bpp, row_bytes):
    out, prev, i = [], bytearray(row_bytes), 0
    for _ in range(height):
        kind = raw[i]
        row = bytearray(raw[i + 1:i + 1 + row_bytes])
        i += 1 + row_bytes
        for x in range(row_bytes):
            a = row[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                row[x] = (row[x] + a) & 255
            elif kind == 2:
                row[x] = (row[x] + b) & 255
            elif kind == 3:
                row[x] = (row[x] + (a + b) // 2) & 255
            elif kind == 4:
                row[x] = (row[x] + paeth(a, b, c)) & 255
        out.append(row)
        prev = row
    return out


def samples(row, depth, count):
    if depth == 8:
        return list(row[:count])
    if depth == 16:
        return [row[2 * k] for k in range(count)]  # the high byte
    per = 8 // depth
    mask = (1 << depth) - 1
    return [(row[k // per] >> (8 - depth * (k % per + 1))) & mask for k in range(count)]


def decode_png(data):
    pos, idat, plte, trns = 8, b"", None, None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            w, h, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            plte = body
        elif kind == b"tRNS":
            trns = body
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    if interlace:
        return None
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color]
    bits = depth * channels
    rows = unfilter(zlib.decompress(idat), w, h, max(1, bits // 8), (w * bits + 7) // 8)
    scale = 255 // ((1 << depth) - 1) if depth < 8 and color != 3 else 1
    key = None
    if trns is not None and color == 0:
        key = struct.unpack(">H", trns[:2])[0]
    elif trns is not None and color == 2:
        key = struct.unpack(">HHH", trns[:6])
    rgba = bytearray()
    for row in rows:
        if depth == 16 and key is not None:  # tRNS compares full 16-bit samples
            full = [struct.unpack(">H", row[2 * k:2 * k + 2])[0] for k in range(w * channels)]
        s = samples(row, depth, w * channels)
        for x in range(w):
            if color == 3:
                idx = s[x]
                r, g, b = plte[3 * idx:3 * idx + 3]
                a = trns[idx] if trns is not None and idx < len(trns) else 255
            elif color == 0:
                v = s[x] * scale
                r = g = b = v
                raw = full[x] if depth == 16 and key is not None else s[x]
                a = 0 if key is not None and raw == key else 255
            elif color == 4:
                r = g = b = s[2 * x]
                a = s[2 * x + 1]
            elif color == 2:
                r, g, b = s[3 * x:3 * x + 3]
                raw = tuple(full[3 * x:3 * x + 3]) if depth == 16 and key is not None else (r, g, b)
                a = 0 if key is not None and raw == key else 255
            else:
                r, g, b, a = s[4 * x:4 * x + 4]
            rgba += bytes((r, g, b, a))
    return w, h, rgba


# ---- walking the logs -----------------------------------------------------------------------
def images_of(paths):
    """tag -> [(step, first image bytes)] in read order."""
    tags, plugins = {}, {}
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
                tag, plugin, img = "", "", None
                for no, _, v in fields(vb):
                    if no == 1:
                        tag = v.decode("utf-8", "replace")
                    elif no == 9:
                        plugin = metadata(v)[0]
                    elif no == 4:
                        img = next((iv for ino, _, iv in fields(v) if ino == 4), b"")
                    elif no == 8:
                        img = ("tensor", v)
                if plugin and tag not in plugins:
                    plugins[tag] = plugin
                if isinstance(img, tuple):
                    if plugins.get(tag) != "images":
                        continue
                    strings = tensor(img[1])["strings"]
                    img = strings[2] if len(strings) > 2 else None
                if img:
                    tags.setdefault(tag, []).append((step, img))
    return tags


def main():
    corpus = sys.argv[1]
    print("root\trun\ttag\tstep\tformat\twidth\theight\ttop_left\tcentre\tbottom_right\trgba_sha256")
    for root in sys.argv[2:]:
        for run, paths in runs_under(os.path.join(corpus, root)):
            tags = images_of(paths)
            for tag in sorted(tags, key=lambda s: s.encode()):
                step, img = shown(tags[tag])[-1]
                if img[:8] == b"\x89PNG\r\n\x1a\n":
                    fmt, got = "png", decode_png(img)
                else:
                    print(f"image_facts: {run}/{tag}: not a PNG, skipped", file=sys.stderr)
                    continue
                if got is None:
                    print(f"image_facts: {run}/{tag}: interlaced PNG, skipped", file=sys.stderr)
                    continue
                w, h, rgba = got

                def px(x, y):
                    o = (y * w + x) * 4
                    return ",".join(str(c) for c in rgba[o:o + 4])
                print("\t".join([root, run, tag, str(step), fmt, str(w), str(h), px(0, 0), px(w // 2, h // 2),
                                 px(w - 1, h - 1), hashlib.sha256(bytes(rgba)).hexdigest()]))


if __name__ == "__main__":
    main()
