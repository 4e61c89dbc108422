"""Tiny NYUv2 (.mat v7.3 with MATLAB's 512-byte user block, gzip-chunked uint8 images, uint16 labels) and Pascal VOC
folders, written with h5py, scipy.io and PIL (Debian: python3-h5py python3-scipy python3-pil), for a smoke run of
`dds train` on files made by the reference tools rather than by the Java tests. Usage: python3 smoke_data.py DIR"""
import os
import sys

import h5py
import numpy as np
import scipy.io
from PIL import Image

rng = np.random.default_rng(0)
root = sys.argv[1] if len(sys.argv) > 1 else "/tmp/smoke"
# NYUv2: MATLAB stores images 480x640x3xN column-major = HDF5 [N][3][640][480]; here W=48, H=40.
n, W, H = 6, 48, 40
os.makedirs(f"{root}/nyu", exist_ok=True)
with h5py.File(f"{root}/nyu/nyu_depth_v2_labeled.mat", "w", userblock_size=512) as f:
    f.create_dataset("images", data=rng.integers(0, 256, (n, 3, W, H), dtype=np.uint8), chunks=(1, 3, W, H), compression="gzip")
    f.create_dataset("depths", data=rng.uniform(0.5, 8, (n, W, H)).astype(np.float32))
    f.create_dataset("labels", data=rng.integers(0, 894, (n, W, H)).astype(np.uint16))
with open(f"{root}/nyu/nyu_depth_v2_labeled.mat", "r+b") as f:
    f.write(b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: smoke HDF5 schema 1.00 .".ljust(116))
scipy.io.savemat(f"{root}/nyu/splits.mat", {"trainNdxs": np.array([[1], [2], [3], [4]]), "testNdxs": np.array([[5], [6]])})
scipy.io.savemat(f"{root}/nyu/classMapping40.mat", {"mapClass": rng.integers(0, 41, (1, 894)).astype(np.float64)})
# Pascal VOC 2012.
voc = f"{root}/voc/VOCdevkit/VOC2012"
for d in ["JPEGImages", "SegmentationClass", "ImageSets/Segmentation", "normals_distill"]:
    os.makedirs(f"{voc}/{d}", exist_ok=True)
ids = [f"2007_{k:06d}" for k in range(6)]
for k, i in enumerate(ids):
    Image.fromarray(rng.integers(0, 256, (40 + k, 50, 3), dtype=np.uint8)).save(f"{voc}/JPEGImages/{i}.jpg")
    seg = Image.fromarray(rng.integers(0, 21, (40 + k, 50), dtype=np.uint8), mode="P")
    seg.putpalette([c for j in range(256) for c in (j, 255 - j, (7 * j) % 256)])
    seg.save(f"{voc}/SegmentationClass/{i}.png")
    nrm = rng.normal(size=(40 + k, 50, 3)); nrm /= np.linalg.norm(nrm, axis=2, keepdims=True)
    Image.fromarray(((nrm + 1) / 2 * 255).astype(np.uint8)).save(f"{voc}/normals_distill/{i}.png")
open(f"{voc}/ImageSets/Segmentation/train.txt", "w").write("\n".join(ids[:4]) + "\n")
open(f"{voc}/ImageSets/Segmentation/val.txt", "w").write("\n".join(ids[4:]) + "\n")
print("ok")
