package org.dds.mini;

import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The activations of a Mini-Taskonomy network at its branch points, flattened per image channels last, in (row,
 * column, channel) order as dds-core's {@link org.dds.core.MapShape} expects: the features the transfer readouts and
 * DDS see.
 */
public final class EncoderFeatures {
    /** Images per forward pass. */
    static final int BATCH = 250;

    private EncoderFeatures() {
    }

    /**
     * @param net      a network from {@link MiniNetworks}
     * @param size     the images' size (the network's input size)
     * @param inputs   count images, row-major
     * @param count    the number of images
     * @param vertices the branch points, e.g. {@code layer4}
     * @return per vertex, count x dim values, row-major (one image per row)
     */
    public static float[][] compute(ComputationGraph net, ImageSize size, float[] inputs, int count,
            List<String> vertices) {
        int pixels = size.pixels();
        if (inputs.length != (long) count * pixels) {
            throw new IllegalArgumentException(inputs.length + " input values for " + count + " images of "
                    + pixels + " pixels");
        }
        for (String vertex : vertices) {
            if (net.getVertex(vertex) == null) {
                throw new IllegalArgumentException("the network has no vertex " + vertex + "; it has "
                        + net.getConfiguration().getVertices().keySet());
            }
        }
        float[][] out = new float[vertices.size()][];
        int[] dims = new int[vertices.size()];
        for (int from = 0; from < count; from += BATCH) {
            int b = Math.min(BATCH, count - from);
            float[] x = new float[b * pixels];
            System.arraycopy(inputs, from * pixels, x, 0, b * pixels);
            // Only up to the last vertex asked for (not the head), intermediate activations in DL4J's workspaces.
            INDArray input = Nd4j.create(x, new long[] {b, 1, size.height(), size.width()}, 'c');
            INDArray[] acts = net.output(vertices, false, new INDArray[] {input}, null);
            input.close();
            for (int v = 0; v < vertices.size(); v++) {
                INDArray a = acts[v];
                INDArray hwc = a.rank() == 4 ? a.permute(0, 2, 3, 1) : a;
                float[] flat = hwc.castTo(DataType.FLOAT).dup('c').data().asFloat();
                int dim = flat.length / b;
                if (out[v] == null) {
                    dims[v] = dim;
                    out[v] = new float[count * dim];
                }
                System.arraycopy(flat, 0, out[v], from * dims[v], b * dim);
            }
            // Detached copies off the Java heap: free them now, not when the garbage collector notices.
            for (INDArray a : acts) {
                if (a.closeable()) {
                    a.close();
                }
            }
        }
        return out;
    }
}
