"""Prints the reference values RestrictedUnpicklerTest asserts for the Taskonomy ground-truth pickles.

Run from the repository root (python3 with numpy; numpy 2.4.6 printed the values quoted in the test):
    python3 dds-core/src/test/resources/reference/taskonomy_groundtruth.py ../shared/groundtruth/taskonomy
"""
import pickle
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "../shared/groundtruth/taskonomy"
for name, keys in [("all_affinities.pkl", ["autoencoder__autoencoder", "edge3d__curvature__point_match"]),
                   ("wins_vs_pixels_16k.pkl", ["edge3d__fix_pose", "autoencoder"])]:
    with open(f"{root}/{name}", "rb") as f:
        d = pickle.load(f, encoding="latin1")
    print(name, "entries:", len(d), "first key:", repr(next(iter(d))), "last key:", repr(list(d)[-1]))
    for k in keys:
        if k in d:
            print(" ", repr(k), repr(float(d[k])), type(d[k]).__name__)
