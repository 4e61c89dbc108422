#!/usr/bin/env python3
"""Reference values for dds-core's ReferenceTransferabilityTest, written from the papers' formulas (numpy only).

How to run (by hand, from this directory; numpy >= 1.26, Python >= 3.9):

    python3 transferability_reference.py     # rewrites transfer/ beside this script

Its outputs are committed beside it, as dds_reference.py's are: the Java test reads only the text files.
Re-run it only when an estimator's definition changes, and commit what it writes with it.

What it writes (all text; floats as Python repr, the shortest string that reads back as the same float64):
  transfer/cases.csv             case,kind,images,features,targets,description
  transfer/<case>.features.csv   n rows of d features (no header)
  transfer/<case>.labels.csv     n rows: one integer class, or m regression targets
  transfer/<case>.probabilities.csv  classification cases: n rows of C_s source-classifier probabilities
  transfer/<case>.expected.csv   header method,value,refused: one line per estimator; `refused` says why the
                                 Java estimator must refuse (then the value is empty)

Inputs come from numpy's PCG64 generator seeded with 20261205; the Java test reads them, it does not regenerate.

Every estimator is written here from its paper, in the most direct form (D x D matrices, solve, slogdet) where
the Java code takes an SVD route, so the two are independent computations of the same quantity (LogME's fixed
point iterates on numpy's SVD, as the paper's Algorithm 1 does; its evidence is then evaluated directly):
  logme      You et al., ICML 2021, Algorithm 1 (alpha = beta = 1 at the start, both iterated to a relative change
             below 1e-10); mean over target columns (one-hot for classes) of the maximum evidence / n. Where the
             iteration heads for a boundary, the supremum is the limit there: alpha -> infinity (beta max(s^2) /
             alpha < 1e-10: no linear evidence) gives the noise-only model, -1/2 (log(2 pi ||t||^2 / n) + 1);
             beta -> infinity (alpha / (beta min(s^2)) < 1e-10, n <= d: the features interpolate the column) the
             noise-free model t ~ N(0, K / alpha), K = F F^T, alpha = n / t^T K^-1 t:
             (n/2 log alpha - n/2 log 2 pi - 1/2 logdet K - n/2) / n.
  hscore     Bao et al., ICIP 2019: tr(pinv(cov f) cov(E[f|y])), both covariances 1/n; the pseudo-inverse keeps
             the singular values of the centred features above numpy's rank tolerance max(s) max(n, d) eps.
  hscore-reg Ibrahim et al., ECML PKDD 2022: tr(cov_a^-1 (1 - a) cov(E[f|y])), cov_a = (1 - a) S + a mu I the
             Ledoit-Wolf (2004) shrinkage of the 1/n covariance S, mu = tr(S) / d, a = min(b2, d2) / d2 with
             d2 = ||S - mu I||^2 / d and b2 = sum_k ||x_k x_k^T - S||^2 / (n^2 d).
  nce        Tran et al., ICCV 2019: -H(Y | Z), Z = the source classifier's most probable class (first on ties).
  leep       Nguyen et al., ICML 2020: mean_i log sum_z P(y_i | z) theta_z(x_i), P(y, z) = sum_{i: y_i = y}
             theta_z(x_i) / n; source classes with no probability mass are left out.
  parc       Bolya et al., NeurIPS 2021: Spearman (average ranks, distances within 1e-10 tied: two targets per
             image give distances that are 0 or 2 in exact arithmetic) of the strict upper triangles of 1 - corr of the
             rows of the z-scored features (population sd, constant column -> 0) and of the label rows (one-hot:
             0 within a class, C / (C - 1) between classes; regression rows need m >= 2). No PCA, no x100.
  gbc        Pandy et al., CVPR 2022: -sum_{i != j} exp(-D_B(c_i, c_j)), D_B the Bhattacharyya distance of the
             classes' diagonal Gaussians (population variances); a dimension where a variance is 0 is its limit:
             0 when both are 0 and the means agree, else D_B = infinity.
  transrate  Huang et al., ICML 2022: R(Z) - sum_c n_c / n R(Z_c), R(Z) = 1/2 logdet(I + Z^T Z / (n eps)),
             eps = 1e-4 (eps = epsilon^2 / d of the paper), Z the features centred once over all images.
  knn        leave-one-out over the n images, Euclidean distance, the k nearest other images (ties by index):
             accuracy of the majority vote (a tied vote goes to the tied class with the nearest neighbour), or R^2
             of the neighbours' mean, averaged over target columns.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "transfer")
EPS = np.finfo(float).eps
SEED = 20261205


# ----------------------------------------------------------------------------------------------- estimators

def one_hot(y):
    classes = np.unique(y)
    return (y[:, None] == classes[None, :]).astype(float), classes


def target_columns(kind, y):
    return one_hot(y)[0] if kind == "classification" else y


def logme(f, kind, y):
    n, d = f.shape
    ys = target_columns(kind, y)
    u, s, _ = np.linalg.svd(f, full_matrices=False)
    keep = s > s.max() * max(n, d) * EPS
    u, s2 = u[:, keep], s[keep] ** 2
    total = 0.0
    for j in range(ys.shape[1]):
        t = ys[:, j]
        # The fixed point (the paper's Algorithm 1) on the SVD's coordinates p = U^T t, which stay accurate when
        # beta s^2 / alpha reaches 1e16 (a d x d solve does not); the evidence is then evaluated directly.
        p = u.T @ t
        outside = np.sum((t - u @ p) ** 2)
        alpha, beta = 1.0, 1.0
        limit = None
        for _ in range(100000):
            den = alpha + beta * s2
            gamma = np.sum(beta * s2 / den)
            mm = np.sum((beta * np.sqrt(s2) * p / den) ** 2)
            res = np.sum((alpha * p / den) ** 2) + outside
            new_alpha = gamma / mm
            new_beta = (n - gamma) / res
            if new_beta * s2.max() < 1e-10 * new_alpha:
                limit = "noise"  # alpha -> infinity: the noise-only model, beta = n / ||t||^2
                break
            if new_alpha < 1e-10 * new_beta * s2.min():
                limit = "exact"  # beta -> infinity: the noise-free model t ~ N(0, F F^T / alpha)
                break
            done = abs(new_alpha - alpha) <= 1e-10 * new_alpha and abs(new_beta - beta) <= 1e-10 * new_beta
            alpha, beta = new_alpha, new_beta
            if done:
                break
        else:
            raise RuntimeError("logme did not converge")
        if limit == "noise":
            total += -0.5 * (np.log(2 * np.pi * (t @ t) / n) + 1)
            continue
        if limit == "exact":
            assert len(s2) == n, "an exact fit of rank < n has no finite evidence"
            k = f @ f.T
            a_star = n / (t @ np.linalg.solve(k, t))
            ev = n / 2 * np.log(a_star) - n / 2 * np.log(2 * np.pi) - np.linalg.slogdet(k)[1] / 2 - n / 2
            total += ev / n
            continue
        a = alpha * np.eye(d) + beta * f.T @ f
        m = beta * np.linalg.solve(a, f.T @ t)
        logdet = np.linalg.slogdet(a)[1]
        ev = (n / 2 * np.log(beta) + d / 2 * np.log(alpha) - n / 2 * np.log(2 * np.pi)
              - beta / 2 * np.sum((f @ m - t) ** 2) - alpha / 2 * (m @ m) - logdet / 2)
        total += ev / n
    return total / ys.shape[1]


def class_means_rows(x, y):
    g = np.zeros_like(x)
    for c in np.unique(y):
        g[y == c] = x[y == c].mean(axis=0)
    return g


def hscore(f, kind, y):
    n, d = f.shape
    x = f - f.mean(axis=0)
    g = class_means_rows(x, y)
    cov_g = g.T @ g / n
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    keep = s > s.max() * max(n, d) * EPS
    v = vt[keep].T
    pinv = v @ np.diag(n / s[keep] ** 2) @ v.T
    return np.trace(pinv @ cov_g)


def ledoit_wolf(x):
    n, d = x.shape
    s = x.T @ x / n
    mu = np.trace(s) / d
    d2 = np.sum((s - mu * np.eye(d)) ** 2) / d
    b2 = sum(np.sum((np.outer(xk, xk) - s) ** 2) for xk in x) / (n * n * d)
    a = min(b2, d2) / d2
    return (1 - a) * s + a * mu * np.eye(d), a


def hscore_reg(f, kind, y):
    n, d = f.shape
    x = f - f.mean(axis=0)
    g = class_means_rows(x, y)
    cov_g = g.T @ g / n
    cov_a, a = ledoit_wolf(x)
    return np.trace(np.linalg.solve(cov_a, (1 - a) * cov_g))


def nce(p, kind, y):
    z = np.argmax(p, axis=1)
    n = len(y)
    total = 0.0
    for zz in np.unique(z):
        pz = np.sum(z == zz) / n
        for yy in np.unique(y):
            pyz = np.sum((z == zz) & (y == yy)) / n
            if pyz > 0:
                total += pyz * np.log(pyz / pz)
    return total


def leep(p, kind, y):
    n = len(y)
    yh, _ = one_hot(y)
    joint = yh.T @ p / n  # C_t x C_s
    pz = joint.sum(axis=0)
    used = pz > 0
    cond = joint[:, used] / pz[used]
    eep = p[:, used] @ cond.T  # n x C_t
    idx = np.searchsorted(np.unique(y), y)
    return np.mean(np.log(eep[np.arange(n), idx]))


def average_ranks(v, tie=1e-10):
    v = 1 + v  # distances in [0, 2]: on [1, 3] a relative tolerance is about an absolute one
    order = np.argsort(v, kind="stable")
    ranks = np.empty(len(v))
    sv = v[order]
    i = 0
    while i < len(v):
        j = i
        while j + 1 < len(v) and sv[j + 1] - sv[j] <= tie * sv[j + 1]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def corr_distance_rows(a):
    c = a - a.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(c, axis=1)
    if np.any(norms == 0):
        raise ValueError("constant row")
    u = c / norms[:, None]
    return np.clip(1 - u @ u.T, 0, 2)


def parc(f, kind, y):
    n = f.shape[0]
    sd = f.std(axis=0)
    z = np.where(sd > 0, (f - f.mean(axis=0)) / np.where(sd > 0, sd, 1), 0.0)
    df = corr_distance_rows(z)
    if kind == "classification":
        c = len(np.unique(y))
        dy = np.where(y[:, None] == y[None, :], 0.0, c / (c - 1))
    else:
        dy = corr_distance_rows(y)
    iu = np.triu_indices(n, 1)
    rf = average_ranks(df[iu])
    ry = average_ranks(dy[iu])
    return np.corrcoef(rf, ry)[0, 1]


def bhattacharyya(m1, v1, m2, v2):
    total = 0.0
    for k in range(len(m1)):
        if v1[k] == 0 or v2[k] == 0:
            if v1[k] == 0 and v2[k] == 0 and m1[k] == m2[k]:
                continue
            return np.inf
        v = (v1[k] + v2[k]) / 2
        total += (m1[k] - m2[k]) ** 2 / (8 * v) + 0.5 * np.log(v / np.sqrt(v1[k] * v2[k]))
    return total


def gbc(f, kind, y):
    classes = np.unique(y)
    stats = [(f[y == c].mean(axis=0), f[y == c].var(axis=0)) for c in classes]
    total = 0.0
    for i in range(len(classes)):
        for j in range(len(classes)):
            if i != j:
                total += np.exp(-bhattacharyya(*stats[i], *stats[j]))
    return -total


def coding_rate(z, eps):
    n, d = z.shape
    return 0.5 * np.linalg.slogdet(np.eye(d) + z.T @ z / (n * eps))[1]


def transrate(f, kind, y, eps=1e-4):
    n = f.shape[0]
    z = f - f.mean(axis=0)
    conditional = sum(np.sum(y == c) / n * coding_rate(z[y == c], eps) for c in np.unique(y))
    return coding_rate(z, eps) - conditional


def knn(f, kind, y, k):
    n = f.shape[0]
    dist = np.array([[np.sqrt(np.sum((f[i] - f[j]) ** 2)) for j in range(n)] for i in range(n)])
    if kind == "classification":
        hits = 0
        for i in range(n):
            others = [j for j in range(n) if j != i]
            near = sorted(others, key=lambda j: (dist[i, j], j))[:k]
            votes = {}
            for j in near:
                votes[y[j]] = votes.get(y[j], 0) + 1
            best = max(votes.values())
            tied = {c for c, v in votes.items() if v == best}
            guess = next(y[j] for j in near if y[j] in tied)
            hits += guess == y[i]
        return hits / n
    pred = np.zeros_like(y)
    for i in range(n):
        others = [j for j in range(n) if j != i]
        near = sorted(others, key=lambda j: (dist[i, j], j))[:k]
        pred[i] = y[near].mean(axis=0)
    ss_res = np.sum((y - pred) ** 2, axis=0)
    ss_tot = np.sum((y - y.mean(axis=0)) ** 2, axis=0)
    return np.mean(1 - ss_res / ss_tot)


CLASSIFICATION_ONLY = {"hscore", "hscore-reg", "nce", "leep", "gbc", "transrate"}
METHODS = [
    ("logme", logme, "features"),
    ("hscore", hscore, "features"),
    ("hscore-reg", hscore_reg, "features"),
    ("nce", nce, "probabilities"),
    ("leep", leep, "probabilities"),
    ("parc", parc, "features"),
    ("gbc", gbc, "features"),
    ("transrate", transrate, "features"),
    ("knn", lambda f, kind, y: knn(f, kind, y, 1), "features"),
    ("knn:3", lambda f, kind, y: knn(f, kind, y, 3), "features"),
]


# ----------------------------------------------------------------------------------------------- cases

def classification_case(rng, sizes, d, spread, names, source_classes):
    y = np.concatenate([np.full(s, names[c]) for c, s in enumerate(sizes)])
    centres = rng.normal(size=(len(sizes), d)) * spread
    f = np.concatenate([centres[c] + rng.normal(size=(s, d)) for c, s in enumerate(sizes)])
    f = f * rng.uniform(0.5, 2.0, size=d) + rng.normal(size=d)
    perm = rng.permutation(len(y))
    f, y = f[perm], y[perm]
    logits = rng.normal(size=(len(y), source_classes)) * 2
    logits[:, 0] += (y == names[0]) * 1.5
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    return f, y, p


def noise_case(rng, n, d, classes):
    y = np.arange(n) % classes
    f = rng.uniform(-1, 1, size=(n, d))
    p = rng.dirichlet(np.ones(4), size=n)
    return f, y, p


def regression_case(rng, n, d, m):
    f = rng.normal(size=(n, d)) + rng.normal(size=d)
    w = rng.normal(size=(d, m))
    y = np.tanh(f @ w / np.sqrt(d)) + 0.3 * rng.normal(size=(n, m))
    return f, y


def write_matrix(path, a, integer=False):
    with open(path, "w") as out:
        for row in np.atleast_2d(a.T).T if a.ndim == 1 else a:
            vals = np.atleast_1d(row)
            out.write(",".join(str(int(v)) if integer else repr(float(v)) for v in vals) + "\n")


def main():
    rng = np.random.Generator(np.random.PCG64(SEED))
    cases = [
        ("cls_small", "classification", *classification_case(rng, [14, 13, 13], 6, 1.0, [0, 1, 2], 4),
         "40 images, 6 features, 3 classes; 4 source classes"),
        ("cls_wide", "classification", *classification_case(rng, [6, 6, 6, 6], 50, 0.7, [0, 1, 2, 3], 5),
         "n < d: 24 images, 50 features, 4 classes of 6"),
        ("cls_named", "classification", *classification_case(rng, [2, 10, 18], 8, 1.5, [-3, 5, 11], 3),
         "classes named -3, 5, 11 (sizes 2, 10, 18); 3 source classes"),
        ("cls_interpolating", "classification", *classification_case(rng, [8, 8, 8], 60, 1.0, [0, 1, 2], 3),
         "n < d: 24 images, 60 features, 3 classes; LogME's beta runs to infinity (the features interpolate)"),
        ("cls_noise", "classification", *noise_case(rng, 30, 3, 3),
         "features unrelated to the 3 classes: LogME's alpha runs to infinity for some columns"),
        ("reg_small", "regression", *regression_case(rng, 30, 5, 3), None, "30 images, 5 features, 3 targets"),
        ("reg_wide", "regression", *regression_case(rng, 20, 40, 2), None, "n < d: 20 images, 40 features,"
                                                                        " 2 targets"),
    ]
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "cases.csv"), "w") as index:
        index.write("case,kind,images,features,targets,description\n")
        for name, kind, f, y, p, description in cases:
            m = 1 if y.ndim == 1 else y.shape[1]
            index.write(f"{name},{kind},{f.shape[0]},{f.shape[1]},{m},\"{description}\"\n")
            write_matrix(os.path.join(OUT, name + ".features.csv"), f)
            write_matrix(os.path.join(OUT, name + ".labels.csv"), y if y.ndim == 2 else y[:, None],
                         integer=kind == "classification")
            if p is not None:
                write_matrix(os.path.join(OUT, name + ".probabilities.csv"), p)
            with open(os.path.join(OUT, name + ".expected.csv"), "w") as out:
                out.write("method,value,refused\n")
                for method, fn, needs in METHODS:
                    if kind == "regression" and method in CLASSIFICATION_ONLY:
                        out.write(f"{method},,kind\n")
                        continue
                    value = fn(p if needs == "probabilities" else f, kind, y)
                    assert np.isfinite(value), (name, method)
                    out.write(f"{method},{float(value)!r},\n")
                    print(f"{name:10s} {method:11s} {value!r}")


if __name__ == "__main__":
    main()
