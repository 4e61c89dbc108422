"""The peer baseline of `dds bench affinity`: the same affinity matrix (z-score, f = cosine distance, g = CKA with
unbiased centring; SPEC section 3) in plain numpy, the way a numpy user would write it: one model's n x n matrix at
a time, U-centred (Szekely and Rizzo 2014), scaled to unit Frobenius norm, then all pairs as one product V V^T.

Usage: python3 affinity_numpy.py FEATURES_DIR N OUT_CSV
Reads <model>.npy in the order of models.txt (else sorted), the first N images; prints
"seconds=<s> peak_rss_kib=<ru_maxrss>" and writes the T x T matrix as CSV (no header).
"""
import os
import resource
import sys
import time

import numpy as np


def zscore(x):
    mu = x.mean(axis=0)
    xc = x - mu
    sd = np.sqrt((xc * xc).mean(axis=0))
    out = np.zeros_like(xc)
    nz = sd > 0
    out[:, nz] = xc[:, nz] / sd[nz]
    return out


def cosine_distance(x):
    norms = np.sqrt((x * x).sum(axis=1))
    g = x @ x.T
    return 1.0 - g / np.outer(norms, norms)


def unbiased_unit(k):
    n = k.shape[0]
    k = k.copy()
    np.fill_diagonal(k, 0.0)
    r = k.sum(axis=1)
    s = r.sum()
    u = k - r[:, None] / (n - 2) - r[None, :] / (n - 2) + s / ((n - 1) * (n - 2))
    np.fill_diagonal(u, 0.0)
    return u / np.sqrt((u * u).sum())


def main():
    folder, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    order = os.path.join(folder, "models.txt")
    if os.path.exists(order):
        names = [l.strip() for l in open(order) if l.strip()]
    else:
        names = sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".npy"))
    t0 = time.perf_counter()
    v = []
    for name in names:
        x = np.load(os.path.join(folder, name + ".npy"), mmap_mode="r")[:n].astype(np.float64)
        v.append(unbiased_unit(cosine_distance(zscore(x))).ravel())
    v = np.stack(v)
    a = v @ v.T
    seconds = time.perf_counter() - t0
    np.savetxt(out, a, delimiter=",", fmt="%.17g")
    print("seconds=%.3f peak_rss_kib=%d" % (seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


if __name__ == "__main__":
    main()
