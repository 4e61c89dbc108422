package org.dds.training.model;

import java.util.List;

/**
 * The DeepLabV3 decoder's size (Chen et al., 2017, "Rethinking atrous convolution for semantic image
 * segmentation"; ASPP as in torchvision's {@code DeepLabHead}).
 *
 * @param width      channels of every ASPP branch and of the projection (256)
 * @param rates      atrous rates of the three 3 x 3 branches at output stride {@code rateStride} (6, 12, 18)
 * @param rateStride the output stride the rates are given for (16); a branch at stride s uses rate * 16 / s
 * @param stackTo    channels the branch output is stacked to before the decoder (2048: 8x/4x/2x/1x copies of
 *                   blocks 1-4 of ResNet-50)
 */
public record DecoderSpec(int width, List<Integer> rates, int rateStride, int stackTo) {

    /** Validates the fields. */
    public DecoderSpec {
        rates = List.copyOf(rates);
        if (width < 1 || rateStride < 1 || stackTo < 1 || rates.isEmpty() || rates.stream().anyMatch(r -> r < 1)) {
            throw new IllegalArgumentException("decoder sizes must be positive: width " + width + ", rates " + rates
                    + ", rate stride " + rateStride + ", stack to " + stackTo);
        }
    }

    /** @return DeepLabV3: 256 channels, rates 6/12/18 at stride 16, stacked to 2048 channels */
    public static DecoderSpec deepLabV3() {
        return new DecoderSpec(256, List.of(6, 12, 18), 16, 2048);
    }

    /**
     * @param stride output stride of the branch
     * @return the atrous rates at that stride (at least 1)
     */
    public List<Integer> ratesAt(int stride) {
        return rates.stream().map(r -> Math.max(1, Math.round((float) r * rateStride / stride))).toList();
    }
}
