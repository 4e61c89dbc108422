"""Writes taskonomy_pascal_feats_pascal_5000.npy, a tiny file in the authors' format (run once; the output is committed).

The authors' Table-4 features are a pickled dict {model name: n x d float array} saved with np.save (allow_pickle),
21 models: the 20 Taskonomy encoders and pascal_voc_segmentation. This one has 30 images x 8 features per model,
float32, drawn from numpy's RandomState(1993) standard normal; model k (in the order below) also gets k / 10 added
to feature 0 of every image so the models differ in more than noise. numpy 2.4.6 wrote the committed file:
    python3 make_fixture.py
"""
import numpy as np

MODELS = ("autoencoder curvature denoise edge2d edge3d keypoint2d keypoint3d colorization reshade rgb2depth "
          "rgb2mist rgb2sfnorm room_layout segment25d segment2d vanishing_point segmentsemantic class_1000 "
          "class_places inpainting_whole pascal_voc_segmentation").split()

rng = np.random.RandomState(1993)
features = {}
for k, name in enumerate(MODELS):
    x = rng.standard_normal((30, 8)).astype(np.float32)
    x[:, 0] += np.float32(k / 10)
    features[name] = x
np.save("taskonomy_pascal_feats_pascal_5000.npy", features, allow_pickle=True)
