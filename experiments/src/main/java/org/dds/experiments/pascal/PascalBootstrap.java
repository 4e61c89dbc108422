package org.dds.experiments.pascal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.dds.core.DdsInputException;
import org.dds.core.FeatureSet;
import org.dds.core.affinity.Ablation;
import org.dds.core.affinity.AffinityMatrix;
import org.dds.core.comparison.Centering;
import org.dds.core.comparison.Cka;
import org.dds.core.kernel.FunctionType;
import org.dds.core.kernel.PairwiseFunction;
import org.dds.core.normalization.Normalization;
import org.dds.core.normalization.ZScore;
import org.dds.core.stats.Correlation;
import org.dds.core.stats.Resampling;

/**
 * The bootstrap of paper Table 4 (Dwivedi, Huang, Cichy, Roig, ECCV 2020, section 5.1): draw k images without
 * replacement from the n of an image set, compute DDS(source, target) for every source of a transfer ground truth
 * (z-score normalisation within the draw, f, unbiased-centred CKA), and take Spearman's rho between those DDS
 * values and the ground truth over the sources; repeat for every draw and summarise each f by the mean, the
 * population sd and a percentile interval of rho (Efron and Tibshirani 1993, ch. 13).
 *
 * <p>The same draws serve every f, as in the authors' code (which reseeds before each f). Draw r uses the r-th
 * {@link SplittableRandom#split() split} of {@code new SplittableRandom(seed)}. Each draw prepares each of the
 * sources + 1 models once for all f ({@link Ablation}), not once per pair.
 */
public final class PascalBootstrap {
    /** The target model of Table 4: the Pascal VOC semantic segmentation encoder. */
    public static final String TARGET = "pascal_voc_segmentation";

    /** The six f of the authors' Pascal VOC notebook, in its order. */
    public static final List<FunctionType> FUNCTIONS = List.of(FunctionType.RBF, FunctionType.LAPLACIAN,
            FunctionType.LINEAR, FunctionType.PEARSON, FunctionType.EUCLIDEAN, FunctionType.COSINE);

    /**
     * How to bootstrap.
     *
     * @param draws     how many draws (the paper: 100)
     * @param images    images per draw, drawn without replacement (the paper: 200); at least 4 (unbiased CKA)
     * @param seed      the seed of the draws (the paper: 1993, with numpy)
     * @param level     level of the percentile interval, e.g. 0.95
     * @param functions the f to evaluate, distinct
     */
    public record Settings(int draws, int images, long seed, double level, List<FunctionType> functions) {
        /** Validates the fields. */
        public Settings {
            if (draws < 1) {
                throw new DdsInputException(p -> p.apply("draws") + " " + draws + " is not possible: choose at"
                        + " least 1 draw (the paper uses 100)");
            }
            if (images < 4) {
                throw new DdsInputException(p -> p.apply("images") + " " + images + " is too few: unbiased CKA"
                        + " needs at least 4 images per draw (the paper uses 200)");
            }
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("interval level " + level + " must lie strictly between 0 and 1");
            }
            functions = List.copyOf(functions);
            if (functions.isEmpty() || functions.stream().distinct().count() != functions.size()) {
                throw new IllegalArgumentException("functions must be distinct and at least one: " + functions);
            }
        }

        /**
         * The paper's protocol with a given number of draws.
         *
         * @param draws how many draws
         * @param seed  the seed
         * @return 200 images per draw, a 95% interval, the six f
         */
        public static Settings paper(int draws, long seed) {
            return new Settings(draws, 200, seed, 0.95, FUNCTIONS);
        }
    }

    /**
     * What the bootstrap gave.
     *
     * @param sources    the sources, in the ground truth's order
     * @param truth      the ground truth, aligned with {@code sources}
     * @param population how many images the draws were taken from
     * @param settings   how it was run
     * @param rho        rho[f][r]: Spearman of draw r under f (f in the order of {@code settings.functions()})
     * @param dds        dds[f][r][s]: DDS(source s, target) in draw r under f
     */
    public record Result(List<String> sources, double[] truth, int population, Settings settings, double[][] rho,
            double[][][] dds) {
        /** Copies the fields. */
        public Result {
            sources = List.copyOf(sources);
            truth = truth.clone();
            rho = Arrays.stream(rho).map(double[]::clone).toArray(double[][]::new);
            dds = Arrays.stream(dds).map(a -> Arrays.stream(a).map(double[]::clone).toArray(double[][]::new))
                    .toArray(double[][][]::new);
        }

        /**
         * @param f one of the settings' functions
         * @return rho of every draw under f
         */
        public double[] rho(FunctionType f) {
            return rho[index(f)].clone();
        }

        /**
         * @param f one of the settings' functions
         * @return the bootstrap mean of rho
         */
        public double mean(FunctionType f) {
            return Correlation.mean(rho[index(f)]);
        }

        /**
         * @param f one of the settings' functions
         * @return the population standard deviation of rho over the draws (as the paper reports)
         */
        public double sd(FunctionType f) {
            return Resampling.populationSd(rho[index(f)]);
        }

        /**
         * @param f one of the settings' functions
         * @return the percentile interval {lower, upper} of rho at the settings' level
         */
        public double[] interval(FunctionType f) {
            return Resampling.percentileInterval(rho[index(f)], settings.level());
        }

        /**
         * @param f one of the settings' functions
         * @return the mean over draws of DDS(source, target), aligned with {@link #sources()}
         */
        public double[] meanDds(FunctionType f) {
            double[][] perDraw = dds[index(f)];
            double[] mean = new double[sources.size()];
            for (double[] draw : perDraw) {
                for (int s = 0; s < mean.length; s++) {
                    mean[s] += draw[s] / perDraw.length;
                }
            }
            return mean;
        }

        private int index(FunctionType f) {
            int i = settings.functions().indexOf(f);
            if (i < 0) {
                throw new IllegalArgumentException(f + " was not evaluated; the functions were "
                        + settings.functions());
            }
            return i;
        }
    }

    private PascalBootstrap() {
    }

    /**
     * @param features the models, among them every source and the target, on the same images
     * @param where    where the features came from, for messages
     * @param sources  the sources, in the order of {@code truth}
     * @param truth    the transfer ground truth of each source (e.g. Pascal VOC mIoU)
     * @param target   the target model's name
     * @param settings draws, images per draw, seed, functions
     * @param progress takes a line of progress now and then
     * @return rho per f and draw
     * @throws DdsInputException if a model is missing, or there are fewer images than a draw takes
     */
    public static Result run(FeatureSet features, String where, List<String> sources, double[] truth, String target,
            Settings settings, Consumer<String> progress) {
        Objects.requireNonNull(progress, "progress");
        if (sources.size() != truth.length || sources.size() < 2) {
            throw new IllegalArgumentException(sources.size() + " sources for " + truth.length
                    + " ground-truth values; need one each, at least 2");
        }
        List<String> needed = new ArrayList<>(sources);
        needed.add(target);
        List<String> missing = needed.stream().filter(m -> !features.names().contains(m)).toList();
        if (!missing.isEmpty()) {
            throw new DdsInputException(where + " has no features of " + describe(missing) + ": the Pascal VOC"
                    + " bootstrap compares each of the " + sources.size() + " ground-truth sources with '" + target
                    + "', so give the features of all " + needed.size() + " models (it holds "
                    + String.join(", ", features.names()) + ")");
        }
        int n = features.images();
        if (n < settings.images()) {
            throw new DdsInputException(p -> where + " describes " + n + " images but each draw takes "
                    + settings.images() + " without replacement: pass " + p.apply("images") + " " + n
                    + " or fewer (the paper draws 200)");
        }
        FeatureSet models = features.select(needed);
        int t = sources.size();
        List<Normalization> norm = List.of(new ZScore());
        List<PairwiseFunction> fs = settings.functions().stream().map(FunctionType::create).toList();
        Cka g = new Cka(Centering.UNBIASED);
        int nf = fs.size();
        double[][] rho = new double[nf][settings.draws()];
        double[][][] dds = new double[nf][settings.draws()][t];
        progress.accept(settings.draws() + " draws of " + settings.images() + " of " + n + " images, "
                + t + " sources, " + nf + " f");
        SplittableRandom root = new SplittableRandom(settings.seed());
        for (int r = 0; r < settings.draws(); r++) {
            int[] images = Resampling.withoutReplacement(n, settings.images(), root.split());
            Map<String, AffinityMatrix> byF = Ablation.compute(models.selectImages(images), norm, fs, g)
                    .values().iterator().next();
            for (int f = 0; f < nf; f++) {
                AffinityMatrix a = byF.get(fs.get(f).name());
                for (int s = 0; s < t; s++) {
                    dds[f][r][s] = a.get(s, t);
                }
                rho[f][r] = spearman(truth, dds[f][r], settings.functions().get(f), r);
            }
            if ((r + 1) % 10 == 0 || r + 1 == settings.draws()) {
                progress.accept("draw " + (r + 1) + "/" + settings.draws());
            }
        }
        return new Result(sources, truth, n, settings, rho, dds);
    }

    private static double spearman(double[] truth, double[] dds, FunctionType f, int draw) {
        try {
            return Correlation.spearman(truth, dds);
        } catch (DdsInputException e) {
            if (Arrays.stream(dds).distinct().count() > 1) {
                throw e;
            }
            throw new DdsInputException("draw " + (draw + 1) + ", f = " + f.cliName() + ": DDS is the same for every"
                    + " source, so its Spearman correlation with the ground truth is undefined; the sources'"
                    + " features do not differ", e);
        }
    }

    private static String describe(List<String> models) {
        return models.size() == 1 ? "model '" + models.get(0) + "'"
                : "models " + String.join(", ", models.stream().map(m -> "'" + m + "'").toList());
    }
}
