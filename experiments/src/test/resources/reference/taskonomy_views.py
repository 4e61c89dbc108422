#!/usr/bin/env python3
"""Reference values for the Taskonomy experiment tests (Table 3 RSA, supplementary S6, S7, S3, S9) on the oracle's
synthetic features, computed with the independent numpy oracle ../shared/oracle/dds_ref.py against the public
Taskonomy ground truth.

Run from the repository root:  python3 experiments/src/test/resources/reference/taskonomy_views.py
Every printed literal is asserted by a test (see the test's Javadoc for which)."""
import os
import sys

import numpy as np

# <repo>/experiments/src/test/resources/reference -> <repo>/../shared
SHARED = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), *(['..'] * 6), 'shared'))
sys.path.insert(0, os.path.join(SHARED, 'oracle'))
import dds_ref as d  # noqa: E402

GT = os.path.join(SHARED, 'groundtruth', 'taskonomy')
truth = {'winrate': d.load_taskonomy_pickle(os.path.join(GT, 'wins_vs_pixels_16k.pkl')),
         'affinity': d.load_taskonomy_pickle(os.path.join(GT, 'all_affinities.pkl'))}


def score(feats, f, norm, g):
    a = d.drop_indices(d.affinity_matrix(feats, f, norm, g), d.DROP_20_TO_17)
    return {m: d.columnwise_spearman(t, a) for m, t in truth.items()}


names, feats = d.load_features(os.path.join(SHARED, 'oracle', 'synth20_f64'))
assert names == list(d.FEATURE_MODELS_20)

print('# Table 3, RSA (f = pearson, norm = None, g = spearman): mean vs winrate, affinity')
rsa = score(feats, 'pearson', 'None', 'spearman')
print(repr(float(rsa['winrate'].mean())), repr(float(rsa['affinity'].mean())))

print('# S9, DDS (znorm, cosine, cka_unbiased) per target vs winrate')
print([repr(float(x)) for x in score(feats, 'cosine', 'znorm', 'cka_unbiased')['winrate']])

for g in ('cka_biased', 'cka_none', 'spearman'):
    print('# znorm, g = %s, mean vs winrate then affinity, f in order linear rbf laplacian pearson euclidean cosine'
          % g)
    for m in ('winrate', 'affinity'):
        print([repr(float(score(feats, f, 'znorm', g)[m].mean()))
               for f in ('linear', 'rbf', 'lap', 'pearson', 'euclidean', 'cosine')])

print('# S3, DDS (znorm, cosine) on the first k images: k, mean vs winrate, affinity')
for k in (10, 20):
    s = score([x[:k] for x in feats], 'cosine', 'znorm', 'cka_unbiased')
    print(k, repr(float(s['winrate'].mean())), repr(float(s['affinity'].mean())))
