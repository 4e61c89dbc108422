"""PyTorch peer of `dds bench train`: the same networks and training step on the CPU, timed the same way.

Builds what org.dds.training.model builds (torchvision-layout ResNet-50 cut after block b + the stacked-channel
DeepLabV3 decoder with bilinear upsampling, or the small basic-block ResNet classifier), runs `warmup` then `steps`
SGD steps (momentum 0.9, weight decay 1e-4, lr 0.001) on seeded random data, and prints one JSON line per network:
{"net": ..., "block": b, "images_per_second": x (fastest step), "mean": m, "peak_rss_mib": y}. Needs only torch (Debian: python3-torch).
"""
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Bottleneck(nn.Module):
    def __init__(self, cin, width, stride, dilation):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, width, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.conv2 = nn.Conv2d(width, width, 3, stride, dilation, dilation, bias=False)
        self.bn2 = nn.BatchNorm2d(width)
        self.conv3 = nn.Conv2d(width, 4 * width, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(4 * width)
        self.down = None
        if stride != 1 or cin != 4 * width:
            self.down = nn.Sequential(nn.Conv2d(cin, 4 * width, 1, stride, bias=False), nn.BatchNorm2d(4 * width))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = F.relu(self.bn2(self.conv2(y)))
        y = self.bn3(self.conv3(y))
        return F.relu(y + (x if self.down is None else self.down(x)))


class Basic(nn.Module):
    def __init__(self, cin, width, stride, dilation):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, width, 3, stride, dilation, dilation, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.conv2 = nn.Conv2d(width, width, 3, 1, dilation, dilation, bias=False)
        self.bn2 = nn.BatchNorm2d(width)
        self.down = None
        if stride != 1 or cin != width:
            self.down = nn.Sequential(nn.Conv2d(cin, width, 1, stride, bias=False), nn.BatchNorm2d(width))

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + (x if self.down is None else self.down(x)))


def encoder(cin, stem, kernel, stride, pool, bottleneck, widths, depths, stages):
    layers = [nn.Conv2d(cin, stem, kernel, stride, kernel // 2, bias=False), nn.BatchNorm2d(stem), nn.ReLU()]
    if pool:
        layers.append(nn.MaxPool2d(3, 2, 1))
    c = stem
    for s in range(stages):
        for b in range(depths[s]):
            block = (Bottleneck if bottleneck else Basic)(c, widths[s], 2 if b == 0 and s > 0 else 1, 1)
            layers.append(block)
            c = widths[s] * (4 if bottleneck else 1)
    return nn.Sequential(*layers), c


def conv_bn_relu(cin, cout, k, rate):
    return nn.Sequential(nn.Conv2d(cin, cout, k, padding=rate * (k // 2), dilation=rate, bias=False),
                         nn.BatchNorm2d(cout), nn.ReLU())


class Decoder(nn.Module):
    """Stack to 2048 channels, ASPP (1x1, three 3x3 atrous, image pooling), projection, classifier, upsampling."""

    def __init__(self, cin, stride, feature, classes, width=256, stack_to=2048):
        super().__init__()
        self.copies = stack_to // cin
        rates = [max(1, round(r * 16 / stride)) for r in (6, 12, 18)]
        self.branches = nn.ModuleList([conv_bn_relu(stack_to, width, 1, 1)] + [
            conv_bn_relu(stack_to, width, 1, 1) if r >= feature else conv_bn_relu(stack_to, width, 3, r)
            for r in rates])
        self.pool = conv_bn_relu(stack_to, width, 1, 1)
        self.project = conv_bn_relu(5 * width, width, 1, 1)
        self.classifier = nn.Conv2d(width, classes, 1)

    def forward(self, x, size):
        x = torch.cat([x] * self.copies, 1) if self.copies > 1 else x
        h, w = x.shape[-2:]
        outs = [b(x) for b in self.branches]
        p = self.pool(F.adaptive_avg_pool2d(x, 1))
        outs.append(F.interpolate(p, size=(h, w), mode="bilinear", align_corners=False))
        y = self.classifier(self.project(torch.cat(outs, 1)))
        return F.interpolate(y, size=size, mode="bilinear", align_corners=False)


class Segmenter(nn.Module):
    def __init__(self, block, size, classes):
        super().__init__()
        self.enc, c = encoder(3, 64, 7, 2, True, True, [64, 128, 256, 512], [3, 4, 6, 3], block)
        stride = 4 * 2 ** (block - 1)
        self.dec = Decoder(c, stride, -(-size // stride), classes)

    def forward(self, x):
        return self.dec(self.enc(x), x.shape[-2:])


class Classifier(nn.Module):
    def __init__(self, widths, depths, classes):
        super().__init__()
        self.enc, c = encoder(1, widths[0], 3, 1, False, False, widths, depths, len(widths))
        self.fc = nn.Linear(c, classes)

    def forward(self, x):
        return self.fc(F.adaptive_avg_pool2d(self.enc(x), 1).flatten(1))


def peak_rss_mib():
    """VmHWM of this process (ru_maxrss would include the forking JVM's, which survives execve)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def time_steps(model, x, y, warmup, steps):
    """Images per second of the fastest timed step and of all timed steps together."""
    opt = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9, weight_decay=1e-4)
    model.train()
    times = []
    for i in range(warmup + steps):
        start = time.perf_counter()
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y, ignore_index=255)
        loss.backward()
        opt.step()
        if i >= warmup:
            times.append(time.perf_counter() - start)
    return x.shape[0] / min(times), len(times) * x.shape[0] / sum(times)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--blocks", default="1,2,3,4")
    a.add_argument("--size", type=int, default=224)
    a.add_argument("--batch", type=int, default=8)
    a.add_argument("--small-batch", type=int, default=64)
    a.add_argument("--small-widths", default="16,32,64")
    a.add_argument("--small-depths", default="3,3,3")
    a.add_argument("--warmup", type=int, default=2)
    a.add_argument("--steps", type=int, default=5)
    a.add_argument("--threads", type=int, default=2)
    a.add_argument("--seed", type=int, default=42)
    args = a.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    for b in [int(s) for s in args.blocks.split(",") if s]:
        model = Segmenter(b, args.size, 21)
        x = torch.randn(args.batch, 3, args.size, args.size)
        y = torch.randint(0, 21, (args.batch, args.size, args.size))
        best, mean = time_steps(model, x, y, args.warmup, args.steps)
        print(json.dumps({"net": "resnet50-deeplabv3", "block": b, "images_per_second": best, "mean": mean,
                          "peak_rss_mib": peak_rss_mib()}), flush=True)
    if args.small_batch > 0:
        widths = [int(s) for s in args.small_widths.split(",")]
        depths = [int(s) for s in args.small_depths.split(",")]
        model = Classifier(widths, depths, 10)
        x = torch.randn(args.small_batch, 1, 28, 28)
        y = torch.randint(0, 10, (args.small_batch,))
        best, mean = time_steps(model, x, y, args.warmup, args.steps * 4)
        print(json.dumps({"net": "small-resnet", "block": 0, "images_per_second": best, "mean": mean,
                          "peak_rss_mib": peak_rss_mib()}), flush=True)


if __name__ == "__main__":
    main()
