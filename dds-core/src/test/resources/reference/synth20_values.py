"""Prints the oracle feature values the org.dds.io tests assert (numpy's reading of the same files).

Run from the repository root (python3 + numpy; numpy 2.4.6 printed the values quoted in the tests):
    python3 dds-core/src/test/resources/reference/synth20_values.py ../shared/oracle
"""
import sys

import numpy as np

root = sys.argv[1] if len(sys.argv) > 1 else "../shared/oracle"
print("models.txt:", open(f"{root}/synth20_f64/models.txt").read().split())
for s in ("synth20_f64", "synth20_f32"):
    for m in ("autoencoder", "edge3d", "inpainting_whole"):
        x = np.load(f"{root}/{s}/{m}.npy")
        print(s, m, x.dtype, x.shape, "C" if x.flags.c_contiguous else "F",
              repr(float(x[0, 0])), repr(float(x[7, 123])), repr(float(x[47, 2047])))
z = np.load(f"{root}/synth20_f32.npz")
print("synth20_f32.npz members:", z.files)
x = np.load(f"{root}/edge/nan/has_nan.npy")
print("edge/nan/has_nan first non-finite at", np.argwhere(~np.isfinite(x))[0].tolist())
