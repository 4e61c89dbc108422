#!/usr/bin/env python3
"""Spearman-g affinities for oracle edge case tiny_n5_d3 with mathematically tied entries ranked as ties.

Small-integer features make several entries of f equal in exact arithmetic (e.g. cosine distances 0.31400...
twice). dds_ref.py ranks such pairs by their float64 rounding noise (one ulp apart, in either order), so its
expected CSVs for (cosine, None), (linear, centering), (pearson, None), (pearson, centering) depend on the
summation order. Here f is evaluated in 80-bit precision and entries equal to 13 significant digits are ties
(average ranks); OracleEdgeCaseTest asserts these values for those four combinations.

Usage: python3 tiny_spearman_exact_ties.py ../../../../../shared/oracle/edge/tiny_n5_d3
"""
import sys
import numpy as np
from scipy.stats import rankdata

d = sys.argv[1]
names = [l.strip() for l in open(d + '/models.txt') if l.strip()]
L = np.longdouble


def f_matrix(X, f, norm):
    X = X.astype(L)
    if norm == 'centering':
        X = X - X.mean(axis=0)
    if f == 'linear':
        return X @ X.T
    if f == 'pearson':
        X = X - X.mean(axis=1, keepdims=True)
    U = X / np.sqrt((X * X).sum(axis=1))[:, None]
    return 1 - U @ U.T


def vec(X, f, norm):
    M = f_matrix(X, f, norm)
    u = M[np.triu_indices(M.shape[0], k=1)]
    u = np.array([float('%.13g' % v) for v in u])
    r = rankdata(u)
    r = r - r.mean()
    return r / np.sqrt(r @ r)


for f, norm in (('cosine', 'None'), ('linear', 'centering'), ('pearson', 'None'), ('pearson', 'centering')):
    V = [vec(np.load('%s/%s.npy' % (d, n)), f, norm) for n in names]
    print(f, norm, ';'.join(','.join(repr(float(V[i] @ V[j])) for j in range(len(V))) for i in range(len(V))))
