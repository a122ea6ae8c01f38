#!/usr/bin/env python3
"""pca_facts.py CORPUS CASE...: PCA of every corpus embedding, by NumPy's SVD.

An independent check of the engine's PCA (Eigen's eigen-solver of the
covariance): the points as embedding_facts.py reads them (float32), widened to
float64; "sphereized" as TensorBoard does (centre, then each point to unit
length) when asked; centred; then the SVD of the centred points. The variance
of component k is s_k^2 / (n - 1); its share is that over the sum of all.

One row per embedding and sphereize setting: case, name, sphereize (0/1),
k (the number of components, up to 10), the k shares of the variance, and
components 1 to 3, each with its largest-magnitude entry made positive
(a component's sign is arbitrary). Numbers are comma-separated, %.7g.

With --check FILE it compares instead of printing, numbers to 1e-6 (LAPACK
builds may differ in the last digit), and exits 1 on a difference.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from embedding_facts import embeddings  # noqa: E402


def fmt(values):
    return ",".join("%.7g" % v for v in values)


def rows(corpus, cases):
    yield "case\tname\tsphereize\tk\tshares\tcomponent1\tcomponent2\tcomponent3"
    for case in cases:
        for name, n, dims, raw, _ in embeddings(corpus, case):
            x = np.frombuffer(raw, dtype="<f4").reshape(n, dims).astype(np.float64)
            for sphereize in (0, 1):
                y = x.copy()
                if sphereize:
                    y -= y.mean(axis=0)
                    norms = np.linalg.norm(y, axis=1)
                    norms[norms == 0] = 1
                    y /= norms[:, None]
                y -= y.mean(axis=0)
                _, s, vt = np.linalg.svd(y, full_matrices=False)
                var = s * s / (n - 1)
                k = min(10, dims)
                shares = var[:k] / var.sum()
                comps = []
                for c in vt[:3]:
                    c = c if c[np.argmax(np.abs(c))] > 0 else -c
                    comps.append(fmt(c))
                yield f"{case}\t{name}\t{sphereize}\t{k}\t{fmt(shares)}\t" + "\t".join(comps)


def same(a, b):
    fa, fb = a.split("\t"), b.split("\t")
    if len(fa) != len(fb) or fa[:4] != fb[:4]:
        return False
    for x, y in zip(fa[4:], fb[4:]):
        vx, vy = x.split(","), y.split(",")
        if len(vx) != len(vy) or any(abs(float(p) - float(q)) > 1e-6 for p, q in zip(vx, vy)):
            return False
    return True


def main():
    args = sys.argv[1:]
    check = None
    if args[:1] == ["--check"]:
        check, args = args[1], args[2:]
    got = list(rows(args[0], args[1:]))
    if check is None:
        print("\n".join(got))
        return
    want = open(check).read().rstrip("\n").split("\n")
    if len(want) != len(got) or want[0] != got[0] or not all(same(a, b) for a, b in zip(want[1:], got[1:])):
        sys.exit(f"{check} differs from NumPy's PCA")


main()
