"""A tiny ResNet in the layout of keras.applications' ResNet50 weights file, written with h5py the way Keras 2's
save_weights writes it, and the outputs Keras would compute with it, printed as the literals KerasWeightsTest asserts.

Debian: python3-h5py python3-torch (run as /usr/bin/python3). Usage, from the training module:
    /usr/bin/python3 src/test/resources/reference/keras_resnet_tiny.py src/test/resources/weights/keras_resnet_tiny.h5

The network is Keras' ResNet "v1" (keras/applications/resnet.py: stack1/block1) at stem width 4, widths 2 and 3,
one block per stage: ZeroPadding2D(3), Conv2D(4, 7, strides=2, use_bias=True) 'conv1_conv', BatchNormalization
(epsilon=1.001e-5) 'conv1_bn', ReLU, ZeroPadding2D(1), MaxPooling2D(3, strides=2); per stage a block with a 1x1
projection shortcut '_0_conv/_0_bn', 1x1 '_1_conv' carrying the stride (1 in stage 1, 2 in stage 2), 3x3 'SAME'
'_2_conv', 1x1 '_3_conv' (4x width), add, ReLU. Every convolution has a bias. Input: Keras' preprocess_input
(mode="caffe"): RGB in 0..255 -> BGR minus (103.939, 116.779, 123.68).

The forward pass here is plain torch.nn.functional in float64 on the float32 values stored in the file; moving
statistics are set near the batch statistics of these images so that outputs stay of order 1. Printed: the output
of stage 2 (2 x 2 x 12 per image) for both images in inference mode, and for image 0 in training mode (batch
statistics over both images).
"""
import sys

import h5py
import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(20)
EPS = 1.001e-5
N, S = 2, 16
layers = []  # (name, [(weight name, float32 array)])


def image(n):
    # Pixel (x, y) of channel c (R, G, B) of image n, in [0, 1]: the same formula as the Java test.
    v = np.zeros((3, S, S))
    for c in range(3):
        for y in range(S):
            for x in range(S):
                v[c, y, x] = ((x * 7 + y * 13 + c * 5 + n * 11) % 17) / 16
    return v


def f32(a):
    return a.astype(np.float32)


def conv(x, name, cin, cout, k, stride, pad):
    kernel = f32(rng.normal(0, np.sqrt(2 / (k * k * cin)), (k, k, cin, cout)))
    bias = f32(rng.uniform(-0.5, 0.5, cout))
    layers.append((name, [("kernel:0", kernel), ("bias:0", bias)]))
    w = torch.from_numpy(kernel.astype(np.float64)).permute(3, 2, 0, 1)
    return F.conv2d(F.pad(x, (pad, pad, pad, pad)), w, torch.from_numpy(bias.astype(np.float64)), stride)


def bn(pair, name):
    # pair: (inference input, training input); moving statistics near the inference input's batch statistics.
    y, t = pair
    c = y.shape[1]
    mean = y.mean(dim=(0, 2, 3)).numpy()
    var = y.var(dim=(0, 2, 3), unbiased=False).numpy()
    gamma = f32(rng.uniform(0.5, 1.5, c))
    beta = f32(rng.uniform(-0.5, 0.5, c))
    moving_mean = f32(mean + rng.normal(0, 0.1, c) * np.sqrt(var))
    moving_var = f32(var * rng.uniform(0.8, 1.2, c))
    layers.append((name, [("gamma:0", gamma), ("beta:0", beta), ("moving_mean:0", moving_mean),
                          ("moving_variance:0", moving_var)]))
    g = torch.from_numpy(gamma.astype(np.float64)).view(1, c, 1, 1)
    b = torch.from_numpy(beta.astype(np.float64)).view(1, c, 1, 1)
    mm = torch.from_numpy(moving_mean.astype(np.float64)).view(1, c, 1, 1)
    mv = torch.from_numpy(moving_var.astype(np.float64)).view(1, c, 1, 1)
    inference = (y - mm) / torch.sqrt(mv + EPS) * g + b
    bm = t.mean(dim=(0, 2, 3), keepdim=True)
    bv = t.var(dim=(0, 2, 3), unbiased=False, keepdim=True)
    training = (t - bm) / torch.sqrt(bv + EPS) * g + b
    return inference, training


def both(fn, pair):
    return fn(pair[0]), fn(pair[1])


def weightless(*names):
    for name in names:
        layers.append((name, []))


def block(x, name, cin, width, stride):
    # x and the result are (inference, training) pairs; layers are created in Keras' order (shortcut first).
    s = conv_pair(x, name + "_0_conv", cin, 4 * width, 1, stride, 0)
    s = bn(s, name + "_0_bn")
    h = conv_pair(x, name + "_1_conv", cin, width, 1, stride, 0)
    h = both(F.relu, bn(h, name + "_1_bn"))
    h = conv_pair(h, name + "_2_conv", width, width, 3, 1, 1)
    h = both(F.relu, bn(h, name + "_2_bn"))
    h = conv_pair(h, name + "_3_conv", width, 4 * width, 1, 1, 0)
    h = bn(h, name + "_3_bn")
    weightless(name + "_1_relu", name + "_2_relu", name + "_add", name + "_out")
    return F.relu(s[0] + h[0]), F.relu(s[1] + h[1])


def conv_pair(pair, name, cin, cout, k, stride, pad):
    # One convolution's values, applied to the inference and the training input.
    first = conv(pair[0], name, cin, cout, k, stride, pad)
    kernel, bias = (a for _, a in layers[-1][1])
    w = torch.from_numpy(kernel.astype(np.float64)).permute(3, 2, 0, 1)
    second = F.conv2d(F.pad(pair[1], (pad, pad, pad, pad)), w, torch.from_numpy(bias.astype(np.float64)), stride)
    return first, second


rgb = np.stack([image(n) for n in range(N)])
caffe = 255 * rgb[:, ::-1] - np.array([103.939, 116.779, 123.68]).reshape(1, 3, 1, 1)
x = torch.from_numpy(np.ascontiguousarray(caffe))
weightless("input_1", "conv1_pad")
h = conv_pair((x, x), "conv1_conv", 3, 4, 7, 2, 3)
h = both(F.relu, bn(h, "conv1_bn"))
weightless("conv1_relu", "pool1_pad", "pool1_pool")
h = both(lambda z: F.max_pool2d(F.pad(z, (1, 1, 1, 1)), 3, 2), h)
h = block(h, "conv2_block1", 4, 2, 1)
h = block(h, "conv3_block1", 8, 3, 2)

with h5py.File(sys.argv[1], "w") as f:
    f.attrs["layer_names"] = [name.encode("utf8") for name, _ in layers]
    f.attrs["backend"] = b"tensorflow"
    f.attrs["keras_version"] = b"2.4.0"
    for name, weights in layers:
        g = f.create_group(name)
        # Keras stores an empty list for layers without weights (h5py makes it an empty float64 array).
        g.attrs["weight_names"] = [(name + "/" + w).encode("utf8") for w, _ in weights]
        for w, value in weights:
            g.create_dataset(name + "/" + w, data=value)


def literals(t):
    flat = t.reshape(-1).tolist()
    return ",\n".join(", ".join("%.9g" % v for v in flat[i:i + 6]) for i in range(0, len(flat), 6))


print("// stage 2, inference, image 0 then 1, NCHW\n" + literals(h[0]))
print("// stage 2, training mode, image 0, NCHW\n" + literals(h[1][0]))
