#!/usr/bin/env python3
"""Expected decoded audio of corpus audio tags, derived independently of
EventLens with Python's own `wave` module (standard library only).

For every audio tag of every run under each root: the last shown record's
first clip, as the sample rate, channel count, frame count, the first, middle
and last samples as float32 in [-1, 1] (PCM divided by 2^(bits-1); 8-bit is
unsigned around 128), and the sha256 of all samples as little-endian float32.
Usage: audio_facts.py CORPUS_DIR ROOT... > tests/data/audio_facts.tsv
"""
import hashlib
import io
import os
import struct
import sys
import wave

sys.path.insert(0, os.path.dirname(__file__))
from corpus_facts import frame  # noqa: E402
from event_facts import fields, tensor, metadata, shown, runs_under, signed64  # noqa: E402


def clips_of(paths):
    """tag -> [(step, first clip's bytes)] in read order."""
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
                tag, plugin, clip = "", "", None
                for no, _, v in fields(vb):
                    if no == 1:
                        tag = v.decode("utf-8", "replace")
                    elif no == 9:
                        plugin = metadata(v)[0]
                    elif no == 6:
                        clip = next((av for ano, _, av in fields(v) if ano == 4), b"")
                    elif no == 8:
                        clip = ("tensor", v)
                if plugin and tag not in plugins:
                    plugins[tag] = plugin
                if isinstance(clip, tuple):
                    if plugins.get(tag) != "audio":
                        continue
                    strings = tensor(clip[1])["strings"]
                    clip = strings[0] if strings else None
                if clip:
                    tags.setdefault(tag, []).append((step, clip))
    return tags


def to_float32(raw, width):
    out = []
    for k in range(0, len(raw) - len(raw) % width, width):
        b = raw[k:k + width]
        if width == 1:
            v = (b[0] - 128) / 128
        else:
            v = int.from_bytes(b, "little", signed=True) / float(1 << (8 * width - 1))
        out.append(struct.unpack("<f", struct.pack("<f", v))[0])
    return out


def main():
    corpus = sys.argv[1]
    print("root\trun\ttag\tstep\tsample_rate\tchannels\tframes\tfirst\tmiddle\tlast\tsamples_sha256")
    for root in sys.argv[2:]:
        for run, paths in runs_under(os.path.join(corpus, root)):
            tags = clips_of(paths)
            for tag in sorted(tags, key=lambda s: s.encode()):
                step, clip = shown(tags[tag])[-1]
                with wave.open(io.BytesIO(clip)) as w:
                    rate, ch, width, n = w.getframerate(), w.getnchannels(), w.getsampwidth(), w.getnframes()
                    samples = to_float32(w.readframes(n), width)
                blob = b"".join(struct.pack("<f", s) for s in samples)
                print("\t".join([root, run, tag, str(step), str(rate), str(ch), str(len(samples) // ch),
                                 repr(samples[0]), repr(samples[len(samples) // 2]), repr(samples[-1]),
                                 hashlib.sha256(blob).hexdigest()]))


if __name__ == "__main__":
    main()
