package org.dds.training.model;

import java.util.List;

/**
 * The shape of a ResNet (He et al., CVPR 2016) in the torchvision layout: a stem (a k x k convolution with stride s,
 * batch norm, ReLU, optionally a 3 x 3 max pool with stride 2), then stages of residual blocks whose first block
 * downsamples by 2 (except in stage 1) with the stride on the 3 x 3 convolution ("ResNet v1.5"), and global average
 * pooling. The same builder makes ResNet-50 ({@link #resnet50()}) and small ResNets ({@link #small}).
 *
 * @param inputChannels image channels, e.g. 3
 * @param stemWidth     channels of the stem convolution (64 in ResNet-50)
 * @param stemKernel    its kernel size (7 in ResNet-50)
 * @param stemStride    its stride (2 in ResNet-50)
 * @param stemPool      whether the stem ends with a 3 x 3 max pool of stride 2 (true in ResNet-50)
 * @param bottleneck    true for bottleneck blocks (1x1, 3x3, 1x1 with 4x expansion), false for basic blocks
 *                      (two 3x3)
 * @param widths        the inner width of each stage (64, 128, 256, 512 in ResNet-50)
 * @param depths        the number of blocks of each stage (3, 4, 6, 3 in ResNet-50)
 * @param outputStride  32 (no dilation), 16 (last stage dilated) or 8 (last two stages dilated), as in DeepLab
 */
public record ResNetSpec(int inputChannels, int stemWidth, int stemKernel, int stemStride, boolean stemPool,
        boolean bottleneck, List<Integer> widths, List<Integer> depths, int outputStride) {

    /** Validates the fields. */
    public ResNetSpec {
        widths = List.copyOf(widths);
        depths = List.copyOf(depths);
        if (inputChannels < 1 || stemWidth < 1 || stemKernel < 1 || stemStride < 1) {
            throw new IllegalArgumentException("stem sizes must be positive: " + inputChannels + " input channels, "
                    + stemWidth + " channels, kernel " + stemKernel + ", stride " + stemStride);
        }
        if (widths.isEmpty() || widths.size() != depths.size()) {
            throw new IllegalArgumentException("widths " + widths + " and depths " + depths
                    + " must be non-empty lists of the same length (one per stage)");
        }
        if (widths.stream().anyMatch(w -> w < 1) || depths.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("widths " + widths + " and depths " + depths + " must be positive");
        }
        if (outputStride != 32 && outputStride != 16 && outputStride != 8) {
            throw new IllegalArgumentException("output stride " + outputStride + " must be 32, 16 or 8");
        }
        if (outputStride < 32 && widths.size() != 4) {
            throw new IllegalArgumentException("output stride " + outputStride + " needs 4 stages, not "
                    + widths.size());
        }
    }

    /** @return ResNet-50 as in torchvision: 25.6 M parameters with a 1000-class head, 23.5 M without */
    public static ResNetSpec resnet50() {
        return new ResNetSpec(3, 64, 7, 2, true, true, List.of(64, 128, 256, 512), List.of(3, 4, 6, 3), 32);
    }

    /**
     * A small ResNet for small images (e.g. 28 x 28): a 3 x 3 stem of stride 1 without pooling, basic blocks.
     *
     * @param inputChannels image channels
     * @param widths        the width of each stage
     * @param depths        blocks per stage
     * @return the spec
     */
    public static ResNetSpec small(int inputChannels, List<Integer> widths, List<Integer> depths) {
        return new ResNetSpec(inputChannels, widths.get(0), 3, 1, false, false, widths, depths, 32);
    }

    /**
     * @param outputStride 32, 16 or 8
     * @return this spec with another output stride
     */
    public ResNetSpec withOutputStride(int outputStride) {
        return new ResNetSpec(inputChannels, stemWidth, stemKernel, stemStride, stemPool, bottleneck, widths, depths,
                outputStride);
    }

    /** @return the channel multiplier of a block's output over its inner width: 4 (bottleneck) or 1 (basic) */
    public int expansion() {
        return bottleneck ? 4 : 1;
    }

    /** @return the number of stages */
    public int stages() {
        return widths.size();
    }

    /**
     * @param stage 1-based stage number
     * @return input size / output size after that stage (4, 8, 16, 32 in ResNet-50 at output stride 32)
     */
    public int stride(int stage) {
        int s = stemStride * (stemPool ? 2 : 1);
        for (int k = 2; k <= stage; k++) {
            boolean dilated = k == 4 && outputStride <= 16 || k == 3 && outputStride == 8;
            s *= dilated ? 1 : 2;
        }
        return s;
    }

    /**
     * @param stage 1-based stage number
     * @return the channels of that stage's output (256, 512, 1024, 2048 in ResNet-50)
     */
    public int stageChannels(int stage) {
        return widths.get(stage - 1) * expansion();
    }
}
