"""Prints the Table-4 values the org.dds.experiments.pascal tests assert, from the independent oracle.

For the fixture table4/taskonomy_pascal_feats_pascal_5000.npy (written by table4/make_fixture.py) and two image
selections -- all 30 images, and the 12 images of draw 1 with seed 1993 -- it prints, for every f of the Pascal VOC
notebook, DDS(source, pascal_voc_segmentation) (z-score, unbiased-centred CKA) for the 17 sources in the order of
the Pascal VOC ground truth, and Spearman's rho of those values with the ground truth (scipy, average ranks).
DRAW1 is what Java's Resampling.withoutReplacement(30, 12, new SplittableRandom(1993).split()) returns (printed by
jshell; the draws cannot come from numpy, whose generator Java does not have).

Run from the repository root (python3 + numpy + scipy; numpy 2.4.6 and scipy printed the values in the tests):
    python3 experiments/src/test/resources/reference/table4_fixture.py ../shared/oracle
"""
import sys

import numpy as np
from scipy.stats import spearmanr

sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else "../shared/oracle")
import dds_ref  # noqa: E402

# published/paper_tables.md, Table 4: Pascal VOC ground truth, in its source order.
SOURCES = ("autoencoder class_1000 class_places curvature edge2d edge3d keypoint2d keypoint3d reshade rgb2depth "
           "rgb2mist rgb2sfnorm room_layout segment25d segment2d segmentsemantic vanishing_point").split()
MIOU = [0.590164306133055, 0.649290395668602, 0.652942936208706, 0.647184483742267, 0.600769184861427,
        0.649696268320798, 0.5994201374950169, 0.647529319500711, 0.6300454561362, 0.6487250234464327,
        0.643817731132111, 0.647786678981121, 0.625850319733945, 0.656534260134841, 0.629964850307006,
        0.648764305659868, 0.589181267604318]
DRAW1 = [1, 6, 10, 14, 16, 17, 19, 22, 24, 25, 26, 29]

features = np.load("experiments/src/test/resources/table4/taskonomy_pascal_feats_pascal_5000.npy",
                   allow_pickle=True).item()
for label, rows in (("all", list(range(30))), ("draw1", DRAW1)):
    target = features["pascal_voc_segmentation"][rows].astype(np.float64)
    for f in dds_ref.FUNCS:
        dds = [dds_ref.dds(features[s][rows].astype(np.float64), target, f=f, norm="znorm", g="cka_unbiased")
               for s in SOURCES]
        rho = spearmanr(MIOU, dds)[0]
        print(label, f, "rho", repr(float(rho)))
        if f in ("cosine", "lap"):
            print(label, f, "dds", [repr(float(v)) for v in dds])
