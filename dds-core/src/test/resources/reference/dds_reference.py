#!/usr/bin/env python3
"""Reference values for dds-core's ReferenceAffinityTest, written from SPEC.md section 3.

How to run (by hand, from this directory; numpy >= 1.26, Python >= 3.9):

    python3 dds_reference.py            # rewrites features/, expected/ and cases.csv beside this script
    python3 dds_reference.py --check    # also re-evaluates every value in 80-bit long double and prints the
                                        # largest difference (the float64 values' own accuracy)

Its outputs are committed beside it, as Tribuo keeps its reference generators: the Java test reads only the
text files, so a clone of the repository checks the maths without Python and without ../shared. Re-run it only
when the semantics in SPEC.md section 3 change, and commit the outputs it writes with it.

What it writes (all text; floats as Python repr, the shortest string that reads back as the same float64):
  cases.csv              one line per case: name, images n, features d, map shape H,W,C, the dtype the Java
                         test builds the models with (float64, or float32 via FeatureMatrix.ofFloats), and
                         what the case is for
  features/<case>.csv    header model,image,x0..x(d-1); one line per (model, image), models in affinity order
  expected/<case>.csv    header norm,f,g,refused,reason,a_i_j...: one line per (normalisation, f, g); a_i_j is
                         DDS(model i, model j) for i <= j (upper triangle with the diagonal, row by row);
                         `refused` names the models of which one must be named in the refusal (|-separated) and
                         `reason` says why; the values are then empty. A case refused when its features are made
                         (NaN) has the single line *,*,*,<model>,nonfinite:<image>:<feature>.

Semantics (SPEC.md section 3; every step in float64):
  normalisations identity, centering, zscore (population sd; a constant column becomes 0), group_norm (G = 2),
  instance_norm (G = C), layer_norm (G = 1), batch_norm, on rows read as H x W x C maps, channels last
  (flat index (h W + w) C + c), eps = 1e-9, population variance;
  f rbf (t = 0.5, median of all n^2 squared distances, the zero diagonal included), laplacian (gamma = 1/d),
  linear, pearson (1 - r between rows, clipped to [0, 2]), euclidean, cosine (1 - cos between rows);
  g cka with U-centring (unbiased), double centring (biased) or none; spearman and pearson of the strict upper
  triangles, ties at their average rank.
Conventions beyond SPEC.md that the project states elsewhere (oracle README, the Java Javadoc):
  * a constant image row under f = pearson has no correlation: refused, naming the model (and the image);
  * under f = cosine a row of norm below 10 eps has similarity 0 to every row, itself included (its row and
    column of the distance matrix are 1, diagonal too; scikit-learn's convention);
  * the map normalisations refuse rows with d != H*W*C; unbiased centring needs n >= 4;
  * a model whose compared vector is zero (a constant matrix, or a centred one that vanishes) is refused;
  * non-finite features are refused when the matrix is made, naming the model and the first bad position.
Numerical choices (they change nothing in exact arithmetic, they only keep float64 close to it):
  * means get one correction pass (the mean of the residuals is added back), so the mean of a constant block
    is that constant and a common offset of 1e4 leaves no residue;
  * distances are summed from exact coordinate differences (no Gram-matrix shortcut);
  * 1 - cos of nearly parallel unit rows u, v (u.v > 1/2) is computed as ||u - v||^2 / 2;
  * for centred CKA (unbiased or biased) the linear kernel is formed from column-centred features: both
    centrings remove every term a_i + b_j, which is all that column centring changes in X X^T;
  * Spearman ranks: values that agree to 1e-12 (relative) tie. The `ties` case has ties that are exact in real
    arithmetic; a normalisation can split them by an ulp in float64, and an exact-arithmetic reference must not.

Accuracy: `--check` (every value again in x86 80-bit long double) gives a largest difference of 2.3e-13
(offset case, identity/linear/pearson g), 2.6e-15 or less everywhere else.

Cross-check against the independent oracle (../shared/oracle/dds_ref.py, not part of this repository), run once by
hand with `python3 dds_reference.py --oracle ../../../../../../shared/oracle/dds_ref.py` (writes
nothing; the oracle's 16x16x8 map shape is switched to 2x2x4 for it): the 2,318 matrices this script writes
agree with the oracle to 4.2e-15 on the 12 numeric cases, with two explained exceptions:
  * ties, g = spearman, (identity, cosine), (layer_norm, linear), (layer_norm, rbf): up to 3.5e-3. The oracle
    ranks the float64 values exactly, so ties that are exact in real arithmetic (equal in long double) but
    split by one ulp in float64 get different ranks there; this script ties values within 1e-12 relative, as
    the project does (Ranks.averageComputed, 1e-14).
  * tiny_n3 with unbiased CKA: the oracle accepts n = 3, where U-centring maps every 3 x 3 matrix to 0 (its
    values are then NaN or rounding noise); SPEC.md requires n >= 4 and this script refuses, as the project does.
"""

import argparse
import csv
import importlib.util
import os
import sys
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

NORMS = ('identity', 'centering', 'zscore', 'group_norm', 'instance_norm', 'layer_norm', 'batch_norm')
FS = ('rbf', 'laplacian', 'linear', 'pearson', 'euclidean', 'cosine')
GS = ('cka_unbiased', 'cka_biased', 'cka_none', 'spearman', 'pearson')
MAP_NORMS = ('group_norm', 'instance_norm', 'layer_norm', 'batch_norm')

SHAPE = (2, 2, 4)              # H, W, C of every case: d = 16
NORM_EPS = 1e-9
GROUP_NORM_GROUPS = 2
RBF_THRESHOLD = 0.5
TIE_TOLERANCE = 1e-12


class Refused(Exception):
    """The project must refuse this input; `model` is the model it must name."""

    def __init__(self, model, reason):
        super().__init__('%s: %s' % (model, reason))
        self.model = model
        self.reason = reason


# ---------------------------------------------------------------------------------------------------------------
# Numerics helpers (dtype-generic: float64 for the outputs, longdouble for --check)
# ---------------------------------------------------------------------------------------------------------------

def corrected_mean(v, axis=None):
    """Mean with one correction pass; keeps dims."""
    m = np.mean(v, axis=axis, keepdims=True)
    return m + np.mean(v - m, axis=axis, keepdims=True)


def eps_of(dt):
    return np.finfo(dt).eps


# ---------------------------------------------------------------------------------------------------------------
# (Q, D) normalisations
# ---------------------------------------------------------------------------------------------------------------

def check_map(name, X, norm):
    h, w, c = SHAPE
    if X.shape[1] != h * w * c:
        raise Refused(name, 'map_shape')


def normalise(name, X, norm):
    n, d = X.shape
    if norm == 'identity':
        return X.copy()
    if norm == 'centering':
        return X - corrected_mean(X, axis=0)
    if norm == 'zscore':
        xc = X - corrected_mean(X, axis=0)
        sd = np.sqrt(np.mean(xc * xc, axis=0, keepdims=True))
        # A zero-sd column stays 0 after centring (scale 1). The cases make constant columns exactly constant,
        # so their centred values are exact zeros: check that instead of guessing a threshold.
        const = sd == 0
        return np.where(const, 0.0, xc / np.where(const, 1.0, sd)).astype(X.dtype)
    check_map(name, X, norm)
    h, w, c = SHAPE
    if norm == 'batch_norm':
        m = X.reshape(n, h, w, c)
        mu = corrected_mean(m, axis=(0, 1, 2))
        var = np.mean((m - mu) ** 2, axis=(0, 1, 2), keepdims=True)
        return ((m - mu) / np.sqrt(var + NORM_EPS)).reshape(n, d)
    groups = {'group_norm': GROUP_NORM_GROUPS, 'instance_norm': c, 'layer_norm': 1}[norm]
    m = X.reshape(n, h, w, groups, c // groups)
    mu = corrected_mean(m, axis=(1, 2, 4))
    var = np.mean((m - mu) ** 2, axis=(1, 2, 4), keepdims=True)
    return ((m - mu) / np.sqrt(var + NORM_EPS)).reshape(n, d)


# ---------------------------------------------------------------------------------------------------------------
# f: n x n kernels and distances of the rows
# ---------------------------------------------------------------------------------------------------------------

def differences(X):
    return X[:, None, :] - X[None, :, :]


def one_minus_cos(U):
    """1 - u_i.u_j of unit rows, cancellation-free for nearly parallel rows; zero diagonal."""
    dots = U @ U.T
    half_sq = np.sum(differences(U) ** 2, axis=2) / 2
    out = np.where(dots > 0.5, half_sq, 1 - dots)
    np.fill_diagonal(out, 0)
    return out


def function_matrix(name, X, f, centred_g):
    n, d = X.shape
    if f == 'linear':
        if centred_g:
            X = X - corrected_mean(X, axis=0)
        return X @ X.T
    if f in ('rbf', 'euclidean'):
        d2 = np.sum(differences(X) ** 2, axis=2)
        if f == 'euclidean':
            return np.sqrt(d2)
        med = np.median(d2)         # over all n^2 entries, the zero diagonal included
        if not med > 0:
            raise Refused(name, 'rbf_median_zero')
        return np.exp(-d2 / (2 * RBF_THRESHOLD ** 2 * med))
    if f == 'laplacian':
        return np.exp(-np.sum(np.abs(differences(X)), axis=2) / d)
    if f == 'cosine':
        norms = np.sqrt(np.sum(X * X, axis=1))
        zero = norms < 10 * eps_of(X.dtype)
        U = X / np.where(zero, 1, norms)[:, None]
        out = one_minus_cos(U)
        out[zero, :] = 1
        out[:, zero] = 1
        return out
    if f == 'pearson':
        for i in range(n):
            if np.all(X[i] == X[i, 0]):
                raise Refused(name, 'constant_image:%d' % i)
        xc = X - corrected_mean(X, axis=1)
        U = xc / np.sqrt(np.sum(xc * xc, axis=1))[:, None]
        return np.clip(one_minus_cos(U), 0, 2)
    raise ValueError(f)


# ---------------------------------------------------------------------------------------------------------------
# g: comparison of two n x n matrices
# ---------------------------------------------------------------------------------------------------------------

def u_centre(K):
    """Szekely and Rizzo (2014) U-centring, following SPEC: zero the diagonal, column means over n - 2, subtract
    sum(means) / (2 (n - 1)), subtract row and column means, zero the diagonal again."""
    n = K.shape[0]
    A = K.copy()
    np.fill_diagonal(A, 0)
    col = A.sum(axis=0) / (n - 2)              # symmetric K: row means are the same numbers
    col = col - col.sum() / (2 * (n - 1))
    U = A - col[None, :] - col[:, None]
    np.fill_diagonal(U, 0)
    return U


def double_centre(K):
    n = K.shape[0]
    H = np.eye(n, dtype=K.dtype) - np.ones((n, n), dtype=K.dtype) / n
    return H @ K @ H


def average_ranks(v):
    """Ranks 1..m, ties (values equal to TIE_TOLERANCE relative) at their average rank."""
    order = np.argsort(v, kind='stable')
    s = v[order]
    ranks = np.empty(len(v), dtype=v.dtype)
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and (s[j + 1] == s[j]
                                  or s[j + 1] - s[j] <= TIE_TOLERANCE * max(abs(s[j]), abs(s[j + 1]))):
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def compared_vector(name, M, g):
    """The vector whose cosine with the other model's is g (for CKA: the centred matrix, flattened)."""
    n = M.shape[0]
    if g == 'cka_unbiased':
        if n < 4:
            raise Refused(name, 'too_few_images')
        v = u_centre(M).ravel()
    elif g == 'cka_biased':
        v = double_centre(M).ravel()
    elif g == 'cka_none':
        v = M.ravel()
    else:
        v = M[np.triu_indices(n, 1)]
        if g == 'spearman':
            v = average_ranks(v)
        v = v - corrected_mean(v)
    nrm = np.sqrt(np.sum(v * v))
    if not nrm > 0:
        raise Refused(name, 'constant_matrix')
    return v, nrm


def dds_matrix(names, feats, norm, f, g):
    """T x T matrix of DDS(model i, model j) from the definitions (every pair compared, no shared product)."""
    centred_g = g in ('cka_unbiased', 'cka_biased')
    vecs = []
    for name, X in zip(names, feats):
        vecs.append(compared_vector(name, function_matrix(name, normalise(name, X, norm), f, centred_g), g))
    T = len(feats)
    A = np.empty((T, T), dtype=feats[0].dtype)
    for i in range(T):
        for j in range(T):
            A[i, j] = np.sum(vecs[i][0] * vecs[j][0]) / (vecs[i][1] * vecs[j][1])
    return A


# ---------------------------------------------------------------------------------------------------------------
# The cases
# ---------------------------------------------------------------------------------------------------------------

def build_cases():
    """name -> (model names, list of n x d float64 arrays, dtype for Java, description)."""
    rng = np.random.Generator(np.random.PCG64(20200823))    # ECCV 2020; any fixed seed
    h, w, c = SHAPE
    d = h * w * c
    cases = {}

    def maps(n, scale=1.0):
        return rng.standard_normal((n, d)) * scale

    # Five models with shared structure, so that affinities spread between 0 and 1: each mixes a common latent
    # (n x 3) through its own weights, plus its own noise and a per-channel offset.
    n = 12
    latent = rng.standard_normal((n, 3))
    names = ['autoencoder', 'edge2d', 'edge3d', 'keypoint2d', 'segment2d']
    feats = []
    for k, _ in enumerate(names):
        mix = rng.standard_normal((3, d))
        noise = 0.3 + 0.4 * k
        offset = np.tile(rng.standard_normal(c), h * w)
        feats.append(latent @ mix + noise * maps(n) + offset)
    feats[4] = np.maximum(feats[4], 0)      # a ReLU-like model: many exact zeros
    cases['random'] = (names, feats, 'float64', '5 models, 12 images, 2x2x4 maps; the full grid')

    f32 = [np.float32(latent @ rng.standard_normal((3, d)) * 7 + 0.5 * maps(n)).astype(np.float64)
           for _ in range(4)]
    cases['float32'] = (['f32_a', 'f32_b', 'f32_c', 'f32_d'], f32, 'float32',
                        'values rounded to float32; the Java test makes them with FeatureMatrix.ofFloats')

    base = latent @ rng.standard_normal((3, d)) + maps(n)
    off = [1e4 + base + 0.5 * maps(n), 1e4 + base + 2 * maps(n), 1e4 + maps(n)]
    cases['offset'] = (['off_a', 'off_b', 'off_c'], off, 'float64',
                       'common offset 1e4, spread about 1: cancellation in means, Gram matrices, cosines')

    theta = 0.7
    rot = np.eye(d)
    rot[0, 0] = rot[1, 1] = np.cos(theta)
    rot[0, 1], rot[1, 0] = -np.sin(theta), np.sin(theta)
    q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    cases['duplicate'] = (['base', 'base_copy', 'base_x4', 'base_rot', 'base_orth', 'other'],
                          [base, base.copy(), 4 * base, 3 * base @ rot, base @ q, maps(n)], 'float64',
                          'a copy (DDS = 1 everywhere), x4 (exact), a rotation of two features x3, an orthogonal '
                          'transform of all features, an unrelated model')

    t4 = rng.standard_normal((4, 3))
    cases['tiny_n4'] = (['a', 'b', 'c'], [t4 @ rng.standard_normal((3, d)) + 0.5 * rng.standard_normal((4, d))
                                          for _ in range(3)], 'float64',
                        'n = 4, the fewest images unbiased centring accepts')

    x5 = rng.standard_normal((5, 3))
    a5 = np.array([[2.0, 0.5, 0.0], [0.0, 1.0, -1.0], [0.25, 0.0, 3.0]])
    cases['tiny_n5_d3'] = (['a', 'b_affine', 'c'], [x5, x5 @ a5 + 1.5, rng.standard_normal((5, 3))], 'float64',
                           'n = 5, d = 3: the map normalisations (2x2x4) refuse every model')

    cases['tiny_n3'] = (['p', 'q', 'r'], [rng.standard_normal((3, d)) for _ in range(3)], 'float64',
                        'n = 3: unbiased CKA refuses (needs 4 images); every other g works')

    cc = maps(n)
    cc[:, 3::c] = 0.1                        # channel 3 constant at every position (batch/instance norm: 0)
    cc[:, 0] = 2.5                           # one more constant column
    cases['constant_column'] = (['const_cols', 'ref_a', 'ref_b'], [cc, cc + 0.5 * maps(n), maps(n)], 'float64',
                                'constant columns (zscore: 0) and a constant channel (batch_norm: 0)')

    cr = maps(n)
    cr[5, :] = 0.75                          # exact sums: the row stays exactly constant through every mean
    cases['constant_row'] = (['ok_a', 'const_row', 'ok_b'], [maps(n), cr, cr + maps(n)], 'float64',
                             'image 5 of const_row has one value in all features: f = pearson refuses it under '
                             'identity and the per-image map norms, which keep it constant')

    zr = maps(n)
    zr[2, :] = 0.0
    cases['zero_row'] = (['ok_a', 'zero_row', 'ok_b'], [maps(n), zr, zr + maps(n)], 'float64',
                         'image 2 of zero_row is all zeros: cosine puts it at distance 1 from every row, '
                         'itself included; pearson refuses it')

    di = [maps(n) for _ in range(3)]
    for X in di:
        X[1] = X[0]
    cases['duplicate_images'] = (['m1', 'm2', 'm3'], di, 'float64',
                                 'images 0 and 1 identical in every model: exact zero distances off the diagonal')

    ti = [rng.integers(0, 4, size=(8, d)).astype(np.float64) for _ in range(3)]
    cases['ties'] = (['int_a', 'int_b', 'int_c'], ti, 'float64',
                     'small integer features: many exactly tied distances for the Spearman comparisons')

    nan = maps(n)
    nan[7, 5] = np.nan
    cases['nan'] = (['ok', 'has_nan'], [maps(n), nan], 'float64',
                    'a NaN at image 7, feature 5 of has_nan: refused when the matrix is made')
    return cases


def expected_rows(names, feats, dtype=np.float64):
    """One row per (norm, f, g): (norm, f, g, refused, reason, values)."""
    feats = [np.asarray(X, dtype=dtype) for X in feats]
    rows = []
    for norm in NORMS:
        for f in FS:
            for g in GS:
                try:
                    A = dds_matrix(names, feats, norm, f, g)
                    vals = [A[i, j] for i in range(len(names)) for j in range(i, len(names))]
                    rows.append((norm, f, g, '', '', vals))
                except Refused as e:
                    # Refusals that hold for every model (shape, n) may name any of them.
                    every = e.reason in ('map_shape', 'too_few_images')
                    rows.append((norm, f, g, '|'.join(names) if every else e.model, e.reason, None))
    return rows


def fmt(v):
    return repr(float(v))


def write_outputs(cases):
    os.makedirs(os.path.join(HERE, 'features'), exist_ok=True)
    os.makedirs(os.path.join(HERE, 'expected'), exist_ok=True)
    with open(os.path.join(HERE, 'cases.csv'), 'w', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(['case', 'images', 'features', 'shape', 'dtype', 'description'])
        for name, (models, feats, dtype, desc) in cases.items():
            w.writerow([name, feats[0].shape[0], feats[0].shape[1], '%d,%d,%d' % SHAPE, dtype, desc])
    total = 0
    for name, (models, feats, dtype, desc) in cases.items():
        with open(os.path.join(HERE, 'features', name + '.csv'), 'w', newline='') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['model', 'image'] + ['x%d' % k for k in range(feats[0].shape[1])])
            for m, X in zip(models, feats):
                if dtype == 'float32':
                    assert np.array_equal(np.float32(X).astype(np.float64), X)
                for i, r in enumerate(X):
                    w.writerow([m, i] + [fmt(v) for v in r])
        T = len(models)
        header = ['norm', 'f', 'g', 'refused', 'reason'] + ['a_%d_%d' % (i, j) for i in range(T) for j in range(i, T)]
        with open(os.path.join(HERE, 'expected', name + '.csv'), 'w', newline='') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(header)
            bad = [(m, np.argwhere(~np.isfinite(X))) for m, X in zip(models, feats)]
            bad = [(m, b[0]) for m, b in bad if len(b)]
            if bad:
                m, (i, k) = bad[0]
                w.writerow(['*', '*', '*', m, 'nonfinite:%d:%d' % (i, k)] + [''] * (len(header) - 5))
                continue
            for norm, f, g, refused, reason, vals in expected_rows(models, feats):
                if vals is not None:
                    assert all(np.isfinite(vals)), (name, norm, f, g)
                    total += 1
                w.writerow([norm, f, g, refused, reason]
                           + ([fmt(v) for v in vals] if vals is not None else [''] * (len(header) - 5)))
    return total


def check_long_double(cases):
    """Re-evaluates every value in 80-bit long double and prints the largest difference per case."""
    worst = 0.0
    for name, (models, feats, dtype, desc) in cases.items():
        if any(not np.all(np.isfinite(X)) for X in feats):
            continue
        r64 = expected_rows(models, feats, np.float64)
        r80 = expected_rows(models, feats, np.longdouble)
        diff = 0.0
        where = None
        for a, b in zip(r64, r80):
            assert a[:5] == b[:5], (name, a[:5], b[:5])
            if a[5] is not None:
                dd = max(abs(float(np.longdouble(x) - y)) for x, y in zip(a[5], b[5]))
                if dd > diff:
                    diff, where = dd, a[:3]
        print('%-18s max |float64 - long double| = %.2g at %s' % (name, diff, where))
        worst = max(worst, diff)
    print('all cases: %.2g (long double has %d mantissa bits here)' % (worst, np.finfo(np.longdouble).nmant + 1))


def check_oracle(path, cases):
    """Compares with the independent oracle's functions on every case it can take (its map shape is fixed to
    16x16x8 in module constants: they are set to this script's shape for the comparison)."""
    spec = importlib.util.spec_from_file_location('dds_ref', path)
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    ref.MAP_H, ref.MAP_W, ref.MAP_C = SHAPE
    ref.GROUPS = {'group_norm': GROUP_NORM_GROUPS, 'instance_norm': SHAPE[2], 'layer_norm': 1}
    oracle_norm = {'identity': 'None', 'zscore': 'znorm'}
    oracle_f = {'laplacian': 'lap'}
    worst = 0.0
    count = 0
    for name, (models, feats, dtype, desc) in cases.items():
        if any(not np.all(np.isfinite(X)) for X in feats):
            continue
        diff = 0.0
        for norm, f, g, refused, reason, vals in expected_rows(models, feats):
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                try:
                    A = ref.affinity_matrix(feats, oracle_f.get(f, f), oracle_norm.get(norm, norm), g, 'naive')
                except ValueError:
                    A = None
            if vals is None:
                ok = A is None or not np.all(np.isfinite(A))
                if not ok:
                    print('  %s %s %s %s: refused here (%s), oracle gives values' % (name, norm, f, g, reason))
                continue
            if A is None:
                print('  %s %s %s %s: oracle refuses' % (name, norm, f, g))
                continue
            T = len(models)
            got = [A[i, j] for i in range(T) for j in range(i, T)]
            diff = max(diff, max(abs(a - b) for a, b in zip(got, vals)))
            count += 1
        print('%-18s max |this - oracle| = %.2g' % (name, diff))
        worst = max(worst, diff)
    print('oracle cross-check: %d combinations, max difference %.2g' % (count, worst))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--check', action='store_true', help='also evaluate in long double and print the differences')
    p.add_argument('--oracle', help='path of an independent dds_ref.py to compare with (writes nothing)')
    a = p.parse_args(argv)
    cases = build_cases()
    if a.oracle:
        check_oracle(a.oracle, cases)
        return
    total = write_outputs(cases)
    print('%d cases, %d expected matrices written under %s' % (len(cases), total, HERE))
    if a.check:
        check_long_double(cases)


if __name__ == '__main__':
    sys.exit(main())
