package org.dds.training.model;

import java.util.List;

/**
 * What {@link ResNetBuilder#addEncoder} added to a graph: the vertex after each stage (the branch points) with its
 * channels, spatial size and stride relative to the input.
 *
 * @param stageOutputs vertex names of the stage outputs, {@code layer1}, {@code layer2}, ...
 * @param channels     channels of each stage output
 * @param heights      height of each stage output
 * @param widths       width of each stage output
 * @param strides      input size / output size of each stage output (4, 8, 16, 32 in ResNet-50)
 */
public record Encoder(List<String> stageOutputs, List<Integer> channels, List<Integer> heights, List<Integer> widths,
        List<Integer> strides) {

    /** Copies the lists. */
    public Encoder {
        stageOutputs = List.copyOf(stageOutputs);
        channels = List.copyOf(channels);
        heights = List.copyOf(heights);
        widths = List.copyOf(widths);
        strides = List.copyOf(strides);
    }

    /**
     * @param block 1-based block (stage) number
     * @return the vertex name of its output
     */
    public String output(int block) {
        return stageOutputs.get(block - 1);
    }
}
