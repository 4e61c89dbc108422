#!/usr/bin/env python3
"""Reference values for dds-core's RankingReferenceTest: weighted Kendall's tau, Spearman and Pearson by scipy.

How to run (by hand, from this directory; scipy >= 1.11, numpy >= 1.26):

    python3 ranking_reference.py        # rewrites ranking_expected.csv beside this script

Its output is committed beside it; the Java test reads only the CSV, so a clone checks the statistics without
Python. Re-run it only when the cases change, and commit the CSV with it.

Definitions (what the Java code must reproduce to 1e-12):
  * weightedtau: scipy.stats.weightedtau(x, y) with its defaults, i.e. Vigna (2015), "A weighted correlation
    index for rankings with ties", WWW 2015: hyperbolic weigher 1 / (r + 1), additive weights (the weight of the
    pair (i, j) is w(rank_i) + w(rank_j)), ranks by decreasing lexicographic order of (x, y) and, separately, of
    (y, x), and the average of the two values (rank=True);
  * spearman: scipy.stats.spearmanr (Pearson of average ranks);
  * pearson: scipy.stats.pearsonr.

Cases: seeded random vectors of the sizes the project scores (5 to 30 sources), vectors with ties in x, in y and in
both (data read from files tie exactly), negative values, a reversed and an identical ranking, and the example of
scipy's own documentation (weightedtau([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]) = -0.56694968153682723).

Output ranking_expected.csv: name,x,y,weightedtau,spearman,pearson; x and y |-separated; floats as Python repr
(the shortest string that reads back as the same float64).
"""
import csv
import os

import numpy as np
from scipy import stats


def cases():
    rng = np.random.default_rng(20151)
    out = [("scipy_doc", np.array([12., 2., 1., 12., 2.]), np.array([1., 4., 7., 1., 0.]))]
    for n in (5, 10, 17, 30):
        x = rng.normal(size=n)
        out.append((f"random_{n}", x, rng.normal(size=n)))
        out.append((f"correlated_{n}", x, x + 0.5 * rng.normal(size=n)))
    x = rng.integers(0, 4, size=12).astype(float)
    y = rng.integers(0, 4, size=12).astype(float)
    out.append(("ties_both_12", x, y))
    out.append(("ties_x_9", np.array([3., 1., 3., 2., 5., 2., 0., 3., 4.]), rng.normal(size=9)))
    out.append(("ties_y_9", rng.normal(size=9), np.array([1., 1., 2., 0., 2., 2., 5., 4., 1.])))
    out.append(("joint_ties_8", np.array([1., 2., 2., 3., 3., 3., 0., 2.]),
                np.array([0., 5., 5., 1., 1., 4., 0., 5.])))
    v = rng.normal(size=17)
    out.append(("identical_17", v, v.copy()))
    out.append(("reversed_17", v, -v))
    out.append(("negative_affine_10", -5 + rng.normal(size=10), -100 * rng.random(10)))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "ranking_expected.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "x", "y", "weightedtau", "spearman", "pearson"])
        for name, x, y in cases():
            w.writerow([name, "|".join(repr(float(a)) for a in x), "|".join(repr(float(b)) for b in y),
                        repr(float(stats.weightedtau(x, y).statistic)),
                        repr(float(stats.spearmanr(x, y).statistic)),
                        repr(float(stats.pearsonr(x, y).statistic))])


if __name__ == "__main__":
    main()
