package org.dds.training.weights;

import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dds.core.DdsInputException;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;

/**
 * Reads the tensors of a Keras 2 weights file ({@code model.save_weights(...h5)}, the files of
 * {@code keras.applications}) with jhdf: the root (or, in a whole-model file, the group {@code model_weights})
 * lists its layers in the attribute {@code layer_names}; each layer is a group listing its tensors in the attribute
 * {@code weight_names} (e.g. {@code conv1_conv/kernel:0}), each a dataset at that path inside the layer's group.
 * A tensor's role is the last path element without the {@code :0} suffix ({@code kernel}, {@code bias},
 * {@code gamma}, {@code beta}, {@code moving_mean}, {@code moving_variance}).
 */
final class KerasH5 {
    /**
     * One tensor of the file.
     *
     * @param layer  the Keras layer
     * @param role   its role, e.g. {@code kernel}
     * @param shape  its shape as stored (Keras: convolution kernels are kh x kw x in x out)
     * @param values its values in C order
     */
    record Tensor(String layer, String role, int[] shape, float[] values) {
        /** @return "layer/role", the name messages use */
        String key() {
            return layer + "/" + role;
        }
    }

    private KerasH5() {
    }

    /**
     * @param file the .h5 file
     * @return layer name -> role -> tensor, in the file's layer order (layers without weights included, empty)
     * @throws DdsInputException if the file is missing, not HDF5, or not a Keras 2 weights file
     */
    static Map<String, Map<String, Tensor>> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DdsInputException(p -> file + " does not exist: " + p.apply("weights") + " must name Keras'"
                    + " ResNet50 weights (.h5) or a torchvision state_dict exported to .npz (see README 'Training')");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            Group root = hdf;
            List<String> names = names(hdf, file);
            if (names == null && hdf.getChildren().get("model_weights") instanceof Group g) {
                root = g;
                names = names(g, file);
            }
            if (names == null) {
                throw new DdsInputException(file + " is an HDF5 file without the attribute layer_names, so not a"
                        + " Keras 2 weights file: give keras.applications' resnet50_weights_tf_dim_ordering_tf_kernels"
                        + "_notop.h5 (Keras 3 .weights.h5 files and other HDF5 files are not read)");
            }
            Map<String, Map<String, Tensor>> layers = new LinkedHashMap<>();
            for (String layer : names) {
                Node node = root.getChildren().get(layer);
                if (!(node instanceof Group group)) {
                    throw new DdsInputException(file + " lists layer '" + layer + "' in layer_names but has no group"
                            + " of that name: the file is damaged; download it again");
                }
                Map<String, Tensor> tensors = new LinkedHashMap<>();
                Attribute weightNames = group.getAttributes().get("weight_names");
                if (weightNames != null) {
                    for (String w : strings(weightNames, file + " layer " + layer + " attribute weight_names")) {
                        Tensor t = tensor(file, group, layer, w);
                        if (tensors.put(t.role(), t) != null) {
                            throw new DdsInputException(file + " layer " + layer + " has two tensors with role '"
                                    + t.role() + "': the file is not a Keras ResNet's; give Keras' ResNet50 weights");
                        }
                    }
                }
                layers.put(layer, tensors);
            }
            return layers;
        } catch (HdfException e) {
            throw new DdsInputException(file + " is not a readable HDF5 file (" + e.getMessage() + "): give Keras'"
                    + " ResNet50 weights .h5 as downloaded, or a torchvision .npz", e);
        }
    }

    /**
     * @return the attribute layer_names of a group, or null; Keras splits it into layer_names0, layer_names1, ...
     *         when it exceeds HDF5's 64 KiB object header
     */
    private static List<String> names(Group g, Path file) {
        Map<String, Attribute> attributes = g.getAttributes();
        List<String> out = new ArrayList<>();
        Attribute whole = attributes.get("layer_names");
        if (whole != null) {
            out.addAll(Arrays.asList(strings(whole, file + " attribute layer_names")));
            return out;
        }
        for (int k = 0; attributes.containsKey("layer_names" + k); k++) {
            out.addAll(Arrays.asList(strings(attributes.get("layer_names" + k), file + " attribute layer_names" + k)));
        }
        return out.isEmpty() ? null : out;
    }

    private static Tensor tensor(Path file, Group group, String layer, String weightName) {
        String where = file + " tensor " + layer + "/" + weightName;
        Node node;
        try {
            node = group.getByPath(weightName);
        } catch (HdfException e) {
            throw new DdsInputException(where + " is listed in weight_names but absent (" + e.getMessage() + "): the"
                    + " file is damaged; download it again", e);
        }
        if (!(node instanceof Dataset d)) {
            throw new DdsInputException(where + " is not a dataset: the file is damaged; download it again");
        }
        Object data = d.getDataFlat();
        float[] values;
        if (data instanceof float[] f) {
            values = f;
        } else if (data instanceof double[] v) {
            values = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                values[i] = (float) v[i];
            }
        } else {
            throw new DdsInputException(where + " holds " + d.getJavaType() + " values: weights must be float32 or"
                    + " float64");
        }
        String last = weightName.substring(weightName.lastIndexOf('/') + 1);
        String role = last.replaceFirst(":\\d+$", "");
        int[] shape = d.isScalar() ? new int[0] : d.getDimensions();
        if (Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b) != values.length) {
            throw new DdsInputException(where + " has shape " + Arrays.toString(shape) + " but " + values.length
                    + " values: the file is damaged; download it again");
        }
        return new Tensor(layer, role, shape, values);
    }

    private static String[] strings(Attribute a, String where) {
        Object data = a.getData();
        if (data instanceof String s) {
            return new String[] {s};
        }
        if (data instanceof String[] s) {
            return s;
        }
        // Keras stores an empty list for a layer without weights, which h5py writes as an empty float64 array.
        if (a.isEmpty() || data != null && data.getClass().isArray() && Array.getLength(data) == 0) {
            return new String[0];
        }
        throw new DdsInputException(where + " holds " + a.getJavaType() + " instead of strings: the file is not a"
                + " Keras weights file; give Keras' ResNet50 weights");
    }
}
