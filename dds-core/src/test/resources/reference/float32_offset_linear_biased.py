#!/usr/bin/env python3
"""80-bit (numpy longdouble) reference for oracle edge case float32_offset, f = linear, norm = None,
g = CKA with biased (double) centring. The oracle's expected CSV for this one combination differs from
dds_ref.py's own dds() (and from this evaluation) by 1.4e-9, more than the 1e-9 tolerance; its current
affinity_matrix() agrees with this evaluation to 1e-15. OracleEdgeCaseTest asserts these values instead.

Usage: python3 float32_offset_linear_biased.py ../../../../../shared/oracle/edge/float32_offset
"""
import sys
import numpy as np

d = sys.argv[1]
names = [l.strip() for l in open(d + '/models.txt') if l.strip()]
X = [np.load('%s/%s.npy' % (d, n)).astype(np.longdouble) for n in names]


def vec(A):
    A = A - A.mean(axis=0)
    K = A @ A.T
    K = K - K.mean(axis=1, keepdims=True) - K.mean(axis=0, keepdims=True) + K.mean()
    v = K.ravel()
    return v / np.sqrt(v @ v)


V = [vec(A) for A in X]
for i in range(len(V)):
    print(','.join(repr(float(V[i] @ V[j])) for j in range(len(V))))
