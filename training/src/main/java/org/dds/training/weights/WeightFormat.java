package org.dds.training.weights;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntBiFunction;

import org.dds.core.DdsInputException;
import org.dds.training.data.PixelNormalization;
import org.dds.training.model.ResNetSpec;
import org.dds.training.model.ResNetSpec.Downsampling;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The pretrained-weight files the {@code weights} parameter accepts, told apart by extension. Each fixes three things that must
 * agree: the ResNet variant the weights belong to ({@link #layout}), the input preprocessing they were trained with
 * ({@link #normalization}) and the loader ({@link #load}).
 */
public enum WeightFormat {
    /** A torchvision ResNet state_dict exported to {@code .npz}: stride on the 3 x 3, torchvision normalisation. */
    TORCHVISION("npz", Downsampling.ON_3X3, PixelNormalization.TORCHVISION, TorchvisionWeights::load),
    /** Keras' ResNet50 weights {@code .h5}: stride on the first 1 x 1, caffe normalisation. */
    KERAS("h5", Downsampling.ON_1X1, PixelNormalization.CAFFE, KerasWeights::load);

    private static final Map<String, WeightFormat> EXTENSIONS = Map.of("npz", TORCHVISION, "h5", KERAS, "hdf5",
            KERAS);

    private final String extension;
    private final Downsampling downsampling;
    private final PixelNormalization normalization;
    private final ToIntBiFunction<Path, ComputationGraph> loader;

    WeightFormat(String extension, Downsampling downsampling, PixelNormalization normalization,
            ToIntBiFunction<Path, ComputationGraph> loader) {
        this.extension = extension;
        this.downsampling = downsampling;
        this.normalization = normalization;
        this.loader = loader;
    }

    /**
     * @param file a weights file
     * @return its format, by extension: {@code .npz} torchvision, {@code .h5} or {@code .hdf5} Keras
     * @throws DdsInputException for any other extension
     */
    public static WeightFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        WeightFormat f = dot < 0 ? null : EXTENSIONS.get(name.substring(dot + 1));
        if (f == null) {
            throw new DdsInputException(p -> p.apply("weights") + " " + file + " has neither the extension .npz (a"
                    + " torchvision state_dict) nor .h5 (Keras' ResNet50): give one of these (see README 'Training')");
        }
        return f;
    }

    /** @return the file extension, without the dot */
    public String extension() {
        return extension;
    }

    /**
     * @param spec a ResNet
     * @return the same ResNet in the variant these weights were trained as
     */
    public ResNetSpec layout(ResNetSpec spec) {
        return spec.withDownsampling(downsampling);
    }

    /** @return how pixels must be normalised for these weights */
    public PixelNormalization normalization() {
        return normalization;
    }

    /**
     * @param file  the weights
     * @param graph a network built with {@link #layout} of its spec
     * @return the number of tensors loaded
     * @throws DdsInputException naming every mismatch between the file and the network
     */
    public int load(Path file, ComputationGraph graph) {
        return loader.applyAsInt(file, graph);
    }

    /**
     * Refuses a graph whose downsampling blocks carry their stride elsewhere than the weights expect: the shapes
     * would match, and the features would silently be wrong.
     *
     * @param graph    the network
     * @param expected where the weights have the stride
     * @param what     the weights, for the message
     * @throws IllegalArgumentException naming the fix
     */
    static void requireDownsampling(ComputationGraph graph, Downsampling expected, String what) {
        for (Layer layer : graph.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (!name.matches("layer\\d+_0_downsample_0")) {
                continue;
            }
            int shortcut = stride(layer);
            String prefix = name.substring(0, name.length() - "downsample_0".length());
            Layer first = graph.getLayer(prefix + "conv1");
            if (shortcut == 1 || first == null || graph.getLayer(prefix + "conv3") == null) {
                continue;
            }
            Downsampling actual = stride(first) == shortcut ? Downsampling.ON_1X1 : Downsampling.ON_3X3;
            if (actual != expected) {
                throw new IllegalArgumentException(what + " need the stride of downsampling blocks " + expected
                        + " but the network has it " + actual + " (" + prefix + "conv1): build the encoder from"
                        + " WeightFormat.of(file).layout(spec)");
            }
        }
    }

    private static int stride(Layer layer) {
        return ((ConvolutionLayer) layer.conf().getLayer()).getStride()[0];
    }
}
