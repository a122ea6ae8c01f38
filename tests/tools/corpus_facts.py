#!/usr/bin/env python3
"""Derives expected facts about the corpus event files, independently of EventLens.

Standard library only. Walks each file's bytes with its own TFRecord framing and
its own bitwise CRC-32C, and writes one TSV row per file:
  path (relative to the corpus), size, records, bad_crcs, zlib_crc32 (of the whole
  file), first_record_len, last_record_offset
Usage: corpus_facts.py CORPUS_DIR > tests/data/corpus_records.tsv
"""
import os
import struct
import sys
import zlib


def masked(crc: int) -> int:
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def frame(data: bytes):
    """Yields (offset, length, data_crc_ok) for each record; stops at the first bad header."""
    pos = 0
    while len(data) - pos >= 12:
        (length,) = struct.unpack_from("<Q", data, pos)
        (lcrc,) = struct.unpack_from("<I", data, pos + 8)
        if masked(crc32c_fast(data[pos:pos + 8])) != lcrc:
            return
        end = pos + 12 + length + 4
        if end > len(data):
            return
        (dcrc,) = struct.unpack_from("<I", data, pos + 12 + length)
        yield pos, length, masked(crc32c_fast(data[pos + 12:pos + 12 + length])) == dcrc
        pos = end


# CRC-32C (Castagnoli, reflected 0x82F63B78), one byte per table step.
_TABLE = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = (_c >> 1) ^ (0x82F63B78 if _c & 1 else 0)
    _TABLE.append(_c)


def crc32c_fast(data: bytes) -> int:
    crc = 0xFFFFFFFF
    t = _TABLE
    for b in data:
        crc = (crc >> 8) ^ t[(crc ^ b) & 0xFF]
    return crc ^ 0xFFFFFFFF


def main():
    root = sys.argv[1]
    rows = []
    for dirpath, _, names in os.walk(root):
        for name in names:
            if "tfevents" not in name:
                continue
            full = os.path.join(dirpath, name)
            data = open(full, "rb").read()
            recs = list(frame(data))
            bad = sum(1 for r in recs if not r[2])
            rel = os.path.relpath(full, root)
            rows.append((rel, len(data), len(recs), bad, zlib.crc32(data),
                         recs[0][1] if recs else -1, recs[-1][0] if recs else -1))
    rows.sort()
    print("path\tsize\trecords\tbad_crcs\tzlib_crc32\tfirst_record_len\tlast_record_offset")
    for r in rows:
        print("\t".join(str(x) for x in r))


if __name__ == "__main__":
    main()
