package org.dds.training.model;

import java.util.List;
import java.util.Objects;

/**
 * The shape of a ResNet (He et al., CVPR 2016) in the torchvision layout: a stem (a k x k convolution with stride s,
 * batch norm, ReLU, optionally a 3 x 3 max pool with stride 2), then stages of residual blocks whose first block
 * downsamples by 2 (except in stage 1), and global average pooling. Where that block's stride sits is
 * {@link Downsampling}: on the 3 x 3 convolution in torchvision ("ResNet v1.5", the default), on the first 1 x 1
 * convolution in the original ResNet and in Keras' ResNet50 ("v1"). The same builder makes ResNet-50
 * ({@link #resnet50()}) and small ResNets ({@link #small}).
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
 * @param downsampling  which convolution of a downsampling bottleneck block has the stride
 */
public record ResNetSpec(int inputChannels, int stemWidth, int stemKernel, int stemStride, boolean stemPool,
        boolean bottleneck, List<Integer> widths, List<Integer> depths, int outputStride, Downsampling downsampling) {

    /** Which convolution of a bottleneck block that downsamples carries the stride (the shortcut always does). */
    public enum Downsampling {
        /** The 3 x 3 convolution: torchvision's ResNet ("v1.5"). */
        ON_3X3,
        /** The first 1 x 1 convolution: He et al.'s original ResNet, Caffe's and Keras' ResNet50 ("v1"). */
        ON_1X1
    }

    /** Validates the fields. */
    public ResNetSpec {
        widths = List.copyOf(widths);
        depths = List.copyOf(depths);
        Objects.requireNonNull(downsampling, "downsampling");
        if (downsampling == Downsampling.ON_1X1 && !bottleneck) {
            throw new IllegalArgumentException("downsampling " + downsampling + " needs bottleneck blocks: basic"
                    + " blocks have no 1 x 1 convolution");
        }
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

    /**
     * A spec in the torchvision layout ({@link Downsampling#ON_3X3}).
     *
     * @param inputChannels image channels
     * @param stemWidth     channels of the stem convolution
     * @param stemKernel    its kernel size
     * @param stemStride    its stride
     * @param stemPool      whether the stem ends with a max pool
     * @param bottleneck    bottleneck (true) or basic blocks
     * @param widths        inner width of each stage
     * @param depths        blocks of each stage
     * @param outputStride  32, 16 or 8
     */
    public ResNetSpec(int inputChannels, int stemWidth, int stemKernel, int stemStride, boolean stemPool,
            boolean bottleneck, List<Integer> widths, List<Integer> depths, int outputStride) {
        this(inputChannels, stemWidth, stemKernel, stemStride, stemPool, bottleneck, widths, depths, outputStride,
                Downsampling.ON_3X3);
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
                outputStride, downsampling);
    }

    /**
     * @param placement where a downsampling block's stride goes
     * @return this spec with that placement
     */
    public ResNetSpec withDownsampling(Downsampling placement) {
        return new ResNetSpec(inputChannels, stemWidth, stemKernel, stemStride, stemPool, bottleneck, widths, depths,
                outputStride, placement);
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

    /**
     * The record's usual form; the torchvision placement is left out, so that the settings of runs begun before
     * {@code downsampling} existed (which resuming a run compares as text) still match.
     */
    @Override
    public String toString() {
        return "ResNetSpec[inputChannels=" + inputChannels + ", stemWidth=" + stemWidth + ", stemKernel=" + stemKernel
                + ", stemStride=" + stemStride + ", stemPool=" + stemPool + ", bottleneck=" + bottleneck + ", widths="
                + widths + ", depths=" + depths + ", outputStride=" + outputStride
                + (downsampling == Downsampling.ON_3X3 ? "" : ", downsampling=" + downsampling) + "]";
    }
}
