package org.dds.experiments.pascal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.dds.core.FeatureSet;
import org.dds.core.kernel.FunctionType;
import org.dds.experiments.Experiment;
import org.dds.experiments.ExperimentContext;
import org.dds.experiments.RequiredInput;
import org.dds.experiments.evaluation.RankingMetrics;
import org.dds.experiments.evaluation.Scoring;
import org.dds.groundtruth.pascal.PascalVocGroundTruth;
import org.dds.io.FeatureReader;
import org.dds.reports.Cell;
import org.dds.reports.ExperimentResult;
import org.dds.reports.PublishedValue;
import org.dds.reports.ResultTable;

/**
 * Paper Table 4 for one image set (Dwivedi, Huang, Cichy, Roig, ECCV 2020, section 5.1): the {@link PascalBootstrap}
 * of DDS(source, {@value PascalBootstrap#TARGET}) for the 17 Taskonomy sources of the Pascal VOC ground truth
 * ({@link PascalVocGroundTruth}), against the published mean and sd (and, on Pascal VOC images, the authors'
 * notebook means for all six f).
 *
 * <p>The features are the authors' {@code taskonomy_pascal_feats_<image set>.npy} or, beside it, a directory
 * {@code <image set>/} in any layout {@link FeatureReader} reads (e.g. one {@code <model>.npy} per model). The
 * draws are seeded with the context's seed (1993 by default, as in the paper), but they are Java's
 * {@link java.util.SplittableRandom} draws, not numpy's: the paper's exact draws cannot be reproduced, so the means
 * are expected to differ from the published ones by bootstrap noise (about sd / sqrt(draws) each).
 */
public final class Table4 implements Experiment {
    /** Draws of the paper's protocol. */
    public static final int DRAWS = 100;
    /** Draws in the quick mode. */
    public static final int QUICK_DRAWS = 10;
    /** Images per draw in the paper's protocol. */
    public static final int IMAGES = 200;

    private final ImageSet imageSet;
    private final OptionalInt draws;
    private final int images;

    /**
     * Table 4 for one image set with the paper's protocol ({@value #DRAWS} draws, {@value #QUICK_DRAWS} in the
     * quick mode, of {@value #IMAGES} images).
     *
     * @param imageSet the image set
     */
    public Table4(ImageSet imageSet) {
        this(imageSet, OptionalInt.empty(), IMAGES);
    }

    /**
     * @param imageSet the image set
     * @param draws    how many draws; empty for the protocol's ({@value #DRAWS}, {@value #QUICK_DRAWS} quick)
     * @param images   images per draw
     */
    public Table4(ImageSet imageSet, OptionalInt draws, int images) {
        this.imageSet = Objects.requireNonNull(imageSet, "imageSet");
        this.draws = Objects.requireNonNull(draws, "draws");
        this.images = images;
    }

    /** @return the image set */
    public ImageSet imageSet() {
        return imageSet;
    }

    @Override
    public String name() {
        return "table4-" + imageSet.id();
    }

    @Override
    public String paperReference() {
        return "paper Table 4, column '" + imageSet.label() + "'"
                + (imageSet == ImageSet.PASCAL ? ", and the authors' Pascal VOC notebook (six f)" : "");
    }

    @Override
    public List<RequiredInput> requiredInputs() {
        return List.of(imageSet.input());
    }

    @Override
    public ExperimentResult run(ExperimentContext context) {
        RequiredInput in = imageSet.input();
        Path path = in.require(context);
        FeatureSet features = FeatureReader.read(path);
        int n = draws.orElse(context.quick() ? QUICK_DRAWS : DRAWS);
        PascalBootstrap.Settings settings = new PascalBootstrap.Settings(n, images, context.seed(), 0.95,
                PascalBootstrap.FUNCTIONS);
        PascalVocGroundTruth truth = PascalVocGroundTruth.load();
        PascalBootstrap.Result result = PascalBootstrap.run(features, path.toString(), truth.sources(),
                truth.miou(), PascalBootstrap.TARGET, settings,
                line -> context.progress().accept("  " + imageSet.id() + ": " + line));
        return result(result);
    }

    /**
     * @param r a bootstrap on this image set
     * @return its tables beside the published numbers
     */
    ExperimentResult result(PascalBootstrap.Result r) {
        Table4Published published = Table4Published.load();
        List<FunctionType> fs = r.settings().functions();
        String level = String.format(Locale.ROOT, "%d", Math.round(r.settings().level() * 100));
        ResultTable.Builder summary = ResultTable.builder(name(), "Table 4, " + imageSet.label() + ": Spearman with"
                + " the Pascal VOC ground truth, mean and population sd over " + r.settings().draws() + " draws of "
                + r.settings().images() + " images")
                .text("f").real("mean", "sd", "ci" + level + "_low", "ci" + level + "_high", "paper_mean",
                        "paper_sd", "paper_difference", "notebook_mean", "notebook_difference")
                .real(Scoring.OTHER_MEASURE_COLUMNS.toArray(String[]::new));
        Cell none = Cell.missing("");
        for (FunctionType f : fs) {
            double mean = r.mean(f);
            double sd = r.sd(f);
            double[] ci = r.interval(f);
            List<Object> row = new ArrayList<>(List.of(f.cliName(), mean, sd, ci[0], ci[1]));
            Optional<Table4Published.Entry> paper = published.paper(imageSet, f);
            if (paper.isPresent()) {
                double sdPaper = paper.get().sd().orElseThrow();
                row.addAll(List.of(paper.get().mean(), sdPaper, mean - paper.get().mean()));
                summary.published(new PublishedValue(quantity(f), mean, paper.get().mean(), sdPaper,
                        Table4Published.PAPER + " (tolerance: its sd)"));
            } else {
                row.addAll(List.of(none, none, none));
            }
            Optional<Table4Published.Entry> notebook = published.notebook(imageSet, f);
            if (notebook.isPresent()) {
                row.addAll(List.of(notebook.get().mean(), mean - notebook.get().mean()));
                summary.published(new PublishedValue(quantity(f), mean, notebook.get().mean(), sd,
                        Table4Published.NOTEBOOK + " (tolerance: the sd measured here)"));
            } else {
                row.addAll(List.of(none, none));
            }
            row.addAll(otherMeasures(r, f));
            summary.row(row);
        }

        ResultTable.Builder perDraw = ResultTable.builder(name() + "-draws", "Table 4, " + imageSet.label()
                + ": Spearman of every draw").integer("draw");
        fs.forEach(f -> perDraw.real(f.cliName()));
        double[][] rho = fs.stream().map(r::rho).toArray(double[][]::new);
        for (int d = 0; d < r.settings().draws(); d++) {
            List<Object> row = new ArrayList<>(List.of(d + 1));
            for (double[] perF : rho) {
                row.add(perF[d]);
            }
            perDraw.row(row);
        }

        ResultTable.Builder perSource = ResultTable.builder(name() + "-sources", "Table 4, " + imageSet.label()
                + ": DDS(source, " + PascalBootstrap.TARGET + ") averaged over the draws")
                .text("source").real("pascal_voc_miou");
        fs.forEach(f -> perSource.real("mean_dds_" + f.cliName()));
        double[][] meanDds = fs.stream().map(r::meanDds).toArray(double[][]::new);
        for (int s = 0; s < r.sources().size(); s++) {
            List<Object> row = new ArrayList<>(List.of(r.sources().get(s), r.truth()[s]));
            for (double[] perF : meanDds) {
                row.add(perF[s]);
            }
            perSource.row(row);
        }

        return new ExperimentResult(name(), paperReference(), summary(r, published),
                List.of(summary.build(), perDraw.build(), perSource.build()));
    }

    /**
     * The other four ranking measures of each draw's ranking of the sources (DDS against the Pascal VOC mIoU), as
     * means over the draws, in the columns of {@link Scoring#OTHER_MEASURE_COLUMNS}.
     */
    private static List<Object> otherMeasures(PascalBootstrap.Result r, FunctionType f) {
        int index = r.settings().functions().indexOf(f);
        List<RankingMetrics> perDraw = new ArrayList<>();
        for (double[] dds : r.dds()[index]) {
            perDraw.add(RankingMetrics.of(r.truth(), dds));
        }
        return Scoring.otherMeasures(perDraw);
    }

    private String quantity(FunctionType f) {
        return imageSet.label() + ", DDS (f = " + f.cliName() + "): bootstrap mean of rho";
    }

    private String summary(PascalBootstrap.Result r, Table4Published published) {
        PascalBootstrap.Settings s = r.settings();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d draws of %d of the %d %s without"
                + " replacement (seed %d); in each draw every model is z-scored over the drawn images and DDS("
                + "source, %s) is computed with unbiased-centred CKA for each f, then Spearman's rho with the Pascal"
                + " VOC transfer mIoU over the %d sources.", s.draws(), s.images(), r.population(),
                imageSet.label(), s.seed(), PascalBootstrap.TARGET, r.sources().size()));
        for (FunctionType f : List.of(FunctionType.COSINE, FunctionType.LAPLACIAN)) {
            if (s.functions().contains(f)) {
                text.append(String.format(Locale.ROOT, " f = %s: %.4f +- %.4f", f.cliName(), r.mean(f), r.sd(f)));
                published.paper(imageSet, f).ifPresent(p -> text.append(String.format(Locale.ROOT,
                        " (paper %s +- %s)", p.mean(), p.sd().orElseThrow())));
                text.append('.');
            }
        }
        text.append(" The paper drew its images with numpy (np.random.seed(1993), np.random.choice); those draws"
                + " cannot be reproduced here, where the draws come from java.util.SplittableRandom with the same"
                + " seed, so each mean differs from the published one by bootstrap noise (standard error about"
                + " sd/sqrt(draws)); the tolerance shown is the published sd for the paper's numbers and the sd"
                + " measured here for the notebook's, which prints no sd.");
        return text.toString();
    }
}
