"""Prints the reference values asserted by TaskonomyGroundTruthTest.

Usage: python3 taskonomy_groundtruth.py [GROUNDTRUTH_DIR]   (default: ../shared/groundtruth beside the repo)
Made with python 3 and numpy 2.4.6 from the public Taskonomy pickles (SHA-256 in TaskonomyGroundTruth).
GT[i][j] = pickle["<task_i>__<task_j>"] over the 17 ground-truth tasks of SPEC section 4.
"""
import os
import pickle
import sys

import numpy as np

TASKS = ("autoencoder curvature denoise edge2d edge3d keypoint2d keypoint3d reshade rgb2depth rgb2mist "
         "rgb2sfnorm room_layout segment25d segment2d vanishing_point_well_defined segmentsemantic_rb "
         "class_1000").split()
CELLS = [(0, 0), (0, 1), (1, 0), (14, 15), (15, 14), (16, 16), (7, 12)]

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(__file__), *[".."] * 5, "..", "shared", "groundtruth")
for name in ["all_affinities.pkl", "wins_vs_pixels_16k.pkl"]:
    with open(os.path.join(root, "taskonomy", name), "rb") as f:
        d = pickle.load(f, encoding="latin1")
    gt = np.array([[d[a + "__" + b] for b in TASKS] for a in TASKS], dtype=np.float64)
    print(name, "entries", len(d))
    for i, j in CELLS:
        print(f"  GT[{i}][{j}] {TASKS[i]}__{TASKS[j]} = {float(gt[i, j])!r}")
    print("  sum of all 289 =", repr(float(np.sum(gt))))
    print("  column 16 (class_1000) =", [float(x) for x in gt[:, 16]])
