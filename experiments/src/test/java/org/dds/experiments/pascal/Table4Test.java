package org.dds.experiments.pascal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import org.dds.core.kernel.FunctionType;
import org.dds.experiments.ExperimentContext;
import org.dds.groundtruth.files.GroundTruthLocator;
import org.dds.reports.Cell;
import org.dds.reports.ExperimentResult;
import org.dds.reports.PublishedValue;
import org.dds.reports.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table 4 as an experiment: where its features are found, its tables, and the published numbers beside them. */
class Table4Test {
    private static ExperimentContext context(Path features, boolean quick) {
        return new ExperimentContext(GroundTruthLocator.system().locate(), Optional.of(features), quick, 1993,
                line -> { });
    }

    /** Every literal below is copied from ../shared/published/paper_tables.md (paper Table 4 and the notebook). */
    @Test
    void thePublishedNumbersAreThoseOfThePaperAndTheNotebook() {
        Table4Published p = Table4Published.load();
        double[][] paper = {{0.525, 0.057, 0.5779, 0.050}, {0.722, 0.049, 0.765, 0.038}, {0.518, 0.034, 0.521, 0.029}};
        for (ImageSet set : ImageSet.values()) {
            double[] row = paper[set.ordinal()];
            Table4Published.Entry cosine = p.paper(set, FunctionType.COSINE).orElseThrow();
            Table4Published.Entry laplacian = p.paper(set, FunctionType.LAPLACIAN).orElseThrow();
            assertThat(new double[] {cosine.mean(), cosine.sd().orElseThrow(), laplacian.mean(),
                laplacian.sd().orElseThrow()}).as(set.id()).containsExactly(row);
            assertThat(p.paper(set, FunctionType.RBF)).as("the paper prints cosine and Laplacian only").isEmpty();
        }
        double[] notebook = {0.754, 0.765, 0.718, 0.727, 0.747, 0.723};
        for (int k = 0; k < notebook.length; k++) {
            FunctionType f = PascalBootstrap.FUNCTIONS.get(k);
            Table4Published.Entry e = p.notebook(ImageSet.PASCAL, f).orElseThrow();
            assertThat(e.mean()).as(f.cliName()).isEqualTo(notebook[k]);
            assertThat(e.sd()).as("the notebook prints means only").isEmpty();
            assertThat(p.notebook(ImageSet.NYUV2, f)).as("the notebook is on Pascal VOC images only").isEmpty();
        }
    }

    @Test
    void runsOnTheAuthorsFileWithThePublishedNumbersBeside() {
        Table4 t = new Table4(ImageSet.PASCAL, OptionalInt.of(3), 12);
        ExperimentResult r = t.run(context(Fixtures.authorsFile().getParent(), false));
        assertThat(r.name()).isEqualTo("table4-pascal_5000");
        assertThat(r.tables()).extracting(ResultTable::id)
                .containsExactly("table4-pascal_5000", "table4-pascal_5000-draws", "table4-pascal_5000-sources");

        ResultTable summary = r.tables().get(0);
        assertThat(summary.columnNames()).containsExactly("f", "mean", "sd", "ci95_low", "ci95_high", "paper_mean",
                "paper_sd", "paper_difference", "notebook_mean", "notebook_difference", "pearson", "weighted_tau",
                "top1_hit", "relative_regret");
        assertThat(summary.real(5, "top1_hit")).as("a share of the draws").isBetween(0.0, 1.0);
        assertThat(summary.real(5, "relative_regret")).isGreaterThanOrEqualTo(0.0);
        assertThat(IntStream.range(0, summary.rowCount()).mapToObj(row -> summary.text(row, "f")))
                .containsExactly("rbf", "laplacian", "linear", "pearson", "euclidean", "cosine");
        int cosine = 5;
        assertThat(summary.real(cosine, "paper_mean")).as("paper mean").isEqualTo(0.722);
        assertThat(summary.real(cosine, "paper_sd")).as("paper sd").isEqualTo(0.049);
        assertThat(summary.real(cosine, "paper_difference")).isCloseTo(summary.real(cosine, "mean") - 0.722,
                within(1e-15));
        assertThat(summary.cell(0, "paper_mean")).as("no paper value for rbf").isEqualTo(Cell.missing(""));
        assertThat(summary.real(0, "notebook_mean")).as("notebook rbf").isEqualTo(0.754);

        ResultTable draws = r.tables().get(1);
        assertThat(draws.rows()).hasSize(3);
        double meanOfDraws = IntStream.range(0, draws.rowCount()).mapToDouble(row -> draws.real(row, "cosine"))
                .average().orElseThrow();
        assertThat(summary.real(cosine, "mean")).as("mean = mean of the draws' cosine column")
                .isCloseTo(meanOfDraws, within(1e-15));

        ResultTable sources = r.tables().get(2);
        assertThat(sources.rows()).hasSize(17);
        assertThat(sources.text(0, "source")).as("first Pascal VOC source, paper_tables.md").isEqualTo("autoencoder");
        assertThat(sources.real(0, "pascal_voc_miou")).isEqualTo(0.590164306133055);

        List<PublishedValue> published = summary.published();
        assertThat(published).hasSize(8);
        PublishedValue paperCosine = published.stream().filter(v -> v.reference().startsWith("paper")
                && v.quantity().contains("cosine")).findFirst().orElseThrow();
        assertThat(paperCosine.published()).isEqualTo(0.722);
        assertThat(paperCosine.tolerance()).as("the reported sd").isEqualTo(0.049);
        assertThat(r.summary()).contains("3 draws of 12 of the 30 Pascal VOC images", "seed 1993",
                "cannot be reproduced", "SplittableRandom");
    }

    @Test
    void theQuickModeDrawsTen() {
        ExperimentResult r = new Table4(ImageSet.PASCAL, OptionalInt.empty(), 12)
                .run(context(Fixtures.authorsFile().getParent(), true));
        assertThat(r.tables().get(1).rows()).hasSize(Table4.QUICK_DRAWS);
    }

    @Test
    void aDirectoryNamedAfterTheImageSetServesAsWell(@TempDir Path dir) throws IOException {
        Fixtures.writeDirectory(Fixtures.plantedPascal(40, 16, 3), dir.resolve("nyuv2"));
        ExperimentContext c = context(dir, false);
        assertThat(ImageSet.NYUV2.input().locate(c)).contains(dir.resolve("nyuv2"));
        ExperimentResult r = new Table4(ImageSet.NYUV2, OptionalInt.of(2), 20).run(c);
        assertThat(r.tables().get(0).published()).extracting(PublishedValue::published)
                .as("paper Table 4, NYUv2 column").containsExactly(0.521, 0.518);
    }

    @Test
    void aMissingFileSaysWhichAndHowToGetIt(@TempDir Path dir) throws IOException {
        Optional<String> missing = ImageSet.TASKONOMY.input().missing(context(dir, false)).map(w -> w.apply(n -> "--" + n));
        assertThat(missing).get().asString().contains(dir.resolve("taskonomy_pascal_feats_taskonomy_5000.npy")
                + " does not exist", "--features DIR", "taskonomy_5000/");
    }
}
