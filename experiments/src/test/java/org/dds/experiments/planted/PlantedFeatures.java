package org.dds.experiments.planted;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.dds.core.FeatureMatrix;
import org.dds.core.FeatureSet;

/**
 * Features whose similarity structure is known by construction: a latent-factor model. Every latent block B is an
 * n x r matrix of independent standard normals; a model that uses blocks B_1..B_m has features
 * X = phi([B_1 ... B_m] W / sqrt(m r)) + noise E, with W an (m r) x d standard-normal mixing matrix of its own,
 * E standard normal, and phi the identity or tanh. Two models are the more alike the more blocks they share, which
 * is what DDS should measure (a planted version of the linear-structure argument of Kornblith et al., ICML 2019).
 *
 * <p>{@link #ranking} builds the set used to check a source ranking: a target made of K blocks and one source per
 * ground-truth value, the source ranked k-th from the bottom sharing k of the target's K blocks (K = sources - 1),
 * so the true order of sources is the order of the ground truth. Everything derives from one seed: the root
 * {@link SplittableRandom} is split once per latent block (in order of first use) and once per model (and, for a
 * ranking, once for the choice of shared blocks before that).
 */
public final class PlantedFeatures {

    /**
     * The size and difficulty of a planted set.
     *
     * @param images    n, the number of images (rows)
     * @param blockSize r, the columns of each latent block
     * @param noise     standard deviation of the additive noise, relative to the unit-variance mixed signal
     * @param tanh      true to pass the mixed signal through tanh (a nonlinear encoder), false for linear features
     */
    public record Shape(int images, int blockSize, double noise, boolean tanh) {
        /** Validates the fields. */
        public Shape {
            if (images < 1 || blockSize < 1) {
                throw new IllegalArgumentException("images " + images + " and block size " + blockSize
                        + " must be >= 1");
            }
            if (!(noise >= 0) || !Double.isFinite(noise)) {
                throw new IllegalArgumentException("noise " + noise + " must be a finite number >= 0");
            }
        }
    }

    /**
     * A planted ranking problem: sources, a target, and each source's true overlap with the target.
     *
     * @param features the sources and the target, sources first in the given order
     * @param target   the target model's name
     * @param sources  the source names, in the given order
     * @param overlap  the fraction of the target's latent blocks each source shares, aligned with {@code sources}
     */
    public record Ranking(FeatureSet features, String target, List<String> sources, double[] overlap) {
        /** Copies the fields. */
        public Ranking {
            sources = List.copyOf(sources);
            overlap = overlap.clone();
        }

        /** @return a copy of the overlaps */
        @Override
        public double[] overlap() {
            return overlap.clone();
        }
    }

    private PlantedFeatures() {
    }

    /**
     * @param models the models, in the order wanted; distinct names
     * @param shape  size and noise
     * @param seed   the seed of every random draw
     * @return the features, models in the given order
     */
    public static FeatureSet generate(List<LatentModel> models, Shape shape, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        Map<String, double[]> blocks = new LinkedHashMap<>();
        for (LatentModel m : models) {
            for (String b : m.blocks()) {
                blocks.computeIfAbsent(b, k -> gaussian(shape.images() * shape.blockSize(), root.split()));
            }
        }
        List<FeatureMatrix> out = new ArrayList<>(models.size());
        for (LatentModel m : models) {
            out.add(model(m, blocks, shape, root.split()));
        }
        return new FeatureSet(out);
    }

    /**
     * A target and one source per ground-truth value, the sources' overlap with the target ranked like the values.
     *
     * @param sources  the source names
     * @param truth    one distinct value per source; the larger, the more latent blocks it shares with the target
     * @param target   the target's name
     * @param features d of every model
     * @param shape    size and noise
     * @param seed     the seed
     * @return the planted problem
     */
    public static Ranking ranking(List<String> sources, double[] truth, String target, int features, Shape shape,
            long seed) {
        int s = sources.size();
        if (truth.length != s || s < 2) {
            throw new IllegalArgumentException(truth.length + " values for " + s + " sources; need one each, >= 2");
        }
        if (Arrays.stream(truth).distinct().count() != s) {
            throw new IllegalArgumentException("the ground-truth values must be distinct to plant a strict order");
        }
        int k = s - 1;
        Integer[] byTruth = IntStream.range(0, s).boxed().sorted(Comparator.comparingDouble(i -> truth[i]))
                .toArray(Integer[]::new);
        int[] shared = new int[s];
        for (int rank = 0; rank < s; rank++) {
            shared[byTruth[rank]] = rank;
        }
        List<String> targetBlocks = IntStream.range(0, k).mapToObj(b -> "target#" + b).toList();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom choice = root.split();
        List<LatentModel> models = new ArrayList<>();
        double[] overlap = new double[s];
        for (int i = 0; i < s; i++) {
            List<String> blocks = new ArrayList<>(pick(targetBlocks, shared[i], choice.split()));
            for (int p = shared[i]; p < k; p++) {
                blocks.add(sources.get(i) + "#private" + p);
            }
            models.add(new LatentModel(sources.get(i), blocks, features));
            overlap[i] = shared[i] / (double) k;
        }
        models.add(new LatentModel(target, targetBlocks, features));
        return new Ranking(generate(models, shape, root.nextLong()), target, sources, overlap);
    }

    /** m of the names, uniformly, in their original order. */
    private static List<String> pick(List<String> names, int m, SplittableRandom random) {
        int[] idx = IntStream.range(0, names.size()).toArray();
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return Arrays.stream(idx, 0, m).sorted().mapToObj(names::get).toList();
    }

    private static FeatureMatrix model(LatentModel m, Map<String, double[]> blocks, Shape shape,
            SplittableRandom random) {
        int n = shape.images();
        int r = shape.blockSize();
        int latent = m.blocks().size() * r;
        int d = m.features();
        double[] w = gaussian(latent * d, random);
        double scale = 1 / Math.sqrt(latent);
        double[] x = new double[n * d];
        for (int b = 0; b < m.blocks().size(); b++) {
            double[] z = blocks.get(m.blocks().get(b));
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < r; c++) {
                    double zic = z[i * r + c] * scale;
                    int wRow = (b * r + c) * d;
                    for (int j = 0; j < d; j++) {
                        x[i * d + j] += zic * w[wRow + j];
                    }
                }
            }
        }
        for (int k = 0; k < x.length; k++) {
            double signal = shape.tanh() ? Math.tanh(x[k]) : x[k];
            x[k] = signal + shape.noise() * random.nextGaussian();
        }
        return FeatureMatrix.wrap(m.name(), n, d, x);
    }

    private static double[] gaussian(int length, SplittableRandom random) {
        double[] v = new double[length];
        for (int k = 0; k < length; k++) {
            v[k] = random.nextGaussian();
        }
        return v;
    }
}
