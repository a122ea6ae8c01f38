#!/usr/bin/env python3
"""Writes fuzzing seeds from the corpus: whole small event files for the reader,
and single record payloads (one per distinct kind of value) for the decoder.
Usage: fuzz_seeds.py CORPUS_DIR READER_DIR DECODER_DIR"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from corpus_facts import frame  # noqa: E402

corpus, reader_dir, decoder_dir = sys.argv[1:4]
os.makedirs(reader_dir, exist_ok=True)
os.makedirs(decoder_dir, exist_ok=True)
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
