package org.dds.experiments.taskonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.dds.core.stats.Correlation;
import org.dds.experiments.ExperimentContext;
import org.dds.reports.Cell;
import org.dds.reports.ExperimentResult;
import org.dds.reports.PublishedValue;
import org.dds.reports.ResultTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paper Table 3 and the supplementary views (S9, S6, S7, S3) on the oracle's synthetic features against the public
 * ground truth. Reference values: the oracle's {@code expected/synth20_f64/table2_*.csv} where a view repeats a
 * Table-2 cell, otherwise the output of {@code src/test/resources/reference/taskonomy_views.py} (the numpy oracle
 * dds_ref.py on the same features), whose comments say which printed line each constant is.
 */
class Table3AndViewsTest {
    private static final double ALGEBRAIC = 1e-12;

    /** Oracle table2_winrate.csv / table2_affinity.csv, row znorm, columns cosine and lap. */
    private static final double COSINE_WINRATE = 0.32048290650385935;
    private static final double COSINE_AFFINITY = 0.2857554786620531;
    private static final double LAPLACIAN_WINRATE = 0.29120298823833685;
    private static final double LAPLACIAN_AFFINITY = 0.259083044982699;
    /** taskonomy_views.py, "Table 3, RSA": winrate, affinity. */
    private static final double RSA_WINRATE = 0.36135351024238804;
    private static final double RSA_AFFINITY = 0.3046424452133795;
    /** The agreement of the public matrices, pinned in TaskonomyAgreementTest (numpy oracle). */
    private static final double AGREEMENT = 0.9194340578036582;
    /** taskonomy_views.py, "S9": DDS (znorm, cosine) per target vs winrate. */
    private static final double[] COSINE_PER_TASK_WINRATE = {0.6153862474544148, 0.32843137254901966,
        0.4366662893613662, 0.5793512675674098, 0.4191176470588236, 0.5398448218686932, -0.012254901960784315,
        0.2058823529411765, 0.15686274509803924, 0.536764705882353, 0.21323529411764708, 0.3088235294117648,
        0.08578431372549021, 0.10539215686274511, 0.23039215686274514, 0.44362745098039225, 0.25490196078431376};
    /** taskonomy_views.py, g = cka_biased, winrate then affinity; f = linear, rbf, laplacian, pearson, euclidean, cosine. */
    private static final double[][] BIASED = {{0.19059845769444358, 0.22386535473080243, 0.15714398820246472,
        0.22111855968486008, 0.1637943349346912, 0.2389157761972588}, {0.17618223760092272, 0.166522491349481,
        0.10741061130334488, 0.19146482122260672, 0.140282583621684, 0.21006343713956172}};
    /** taskonomy_views.py, g = cka_none. */
    private static final double[][] NONE = {{0.19059845769444358, 0.19546135051732214, 0.14076866790427672,
        0.18716030607465547, 0.12108300788755803, 0.19853815285504814}, {0.17618223760092272, 0.14258938869665516,
        0.10942906574394466, 0.1655132641291811, 0.09155132641291812, 0.165080738177624}};
    /** taskonomy_views.py, g = spearman. */
    private static final double[][] SPEARMAN = {{0.30068212871815425, 0.20006242124869633, 0.20318532797492295,
        0.3035208535671881, 0.20006242124869633, 0.3109991408982437}, {0.2713379469434833, 0.18872549019607848,
        0.19420415224913495, 0.2696078431372549, 0.18872549019607848, 0.27840253748558247}};
    /** taskonomy_views.py, "S3": first 10 and 20 images, winrate then affinity. */
    private static final double[][] FIRST_K = {{0.328342776670572, 0.2944059976931949},
        {0.3499909066343469, 0.2884948096885814}};
    /** Oracle table2_*.csv, row znorm, f = rbf, linear, lap, pearson, euclidean, cosine in Table-2 column order. */
    private static final double[][] ZSCORE = {{0.270934134097721, 0.28499370198788265, 0.29120298823833685,
        0.30335828802025394, 0.294531788343286, 0.32048290650385935}, {0.25086505190311426, 0.23861014994232987,
        0.259083044982699, 0.2690311418685121, 0.2654267589388697, 0.2857554786620531}};

    private static ExperimentResult table3;
    private static ExperimentResult perTask;

    @BeforeAll
    static void run() {
        ExperimentContext c = Fixtures.context(Fixtures.oracle("synth20_f64"));
        table3 = new Table3().run(c, Fixtures.SMALL);
        perTask = new PerTaskCorrelations().run(c, Fixtures.SMALL);
    }

    /** A row of a table, read by column index. */
    private record Row(ResultTable table, int index) {
        double num(int column) {
            return table.number(index, column);
        }

        Cell cell(int column) {
            return table.cell(index, column);
        }

        List<String> texts() {
            return table.rows().get(index).stream().map(Cell::text).toList();
        }
    }

    /** The first row whose leading cells read as the key (an integer key matches an integer cell). */
    private static Row row(ResultTable t, Object... key) {
        List<String> wanted = Arrays.stream(key).map(String::valueOf).toList();
        return IntStream.range(0, t.rowCount()).filter(r -> t.rows().get(r).subList(0, key.length).stream()
                .map(Cell::text).toList().equals(wanted)).mapToObj(r -> new Row(t, r)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + List.of(key) + " in " + t.id()));
    }

    private static ResultTable table(ExperimentResult r, String id) {
        return r.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void table3HasThePapersRowsWithTheComputedOnesMatchingTheOracle() {
        ResultTable t = table(table3, "table3");
        assertThat(IntStream.range(0, t.rowCount()).mapToObj(r -> t.text(r, "method"))).containsExactly("Taskonomy winrate", "Taskonomy affinity",
                "saliency", "DeepLIFT", "epsilon-LRP", "RSA", "DDS (f = cosine)", "DDS (f = Laplacian)");
        assertThat(t.columnNames()).startsWith("method", "affinity", "affinity_ci_lower", "affinity_ci_upper",
                "affinity_p", "winrate");
        double[][] expected = {{RSA_AFFINITY, RSA_WINRATE}, {COSINE_AFFINITY, COSINE_WINRATE},
            {LAPLACIAN_AFFINITY, LAPLACIAN_WINRATE}};
        String[] methods = {"RSA", "DDS (f = cosine)", "DDS (f = Laplacian)"};
        for (int k = 0; k < 3; k++) {
            Row r = row(t, methods[k]);
            assertThat(r.num(1)).as(methods[k]).isCloseTo(expected[k][0], within(Fixtures.ORACLE));
            assertThat(r.num(5)).as(methods[k]).isCloseTo(expected[k][1], within(Fixtures.ORACLE));
            assertThat(r.num(2)).isLessThanOrEqualTo(r.num(3));
            assertThat(r.num(4)).isBetween(0.01, 1.0);
        }
        Row winrate = row(t, "Taskonomy winrate");
        assertThat(winrate.num(1)).as("affinity vs winrate").isCloseTo(AGREEMENT, within(ALGEBRAIC));
        assertThat(winrate.num(5)).as("winrate vs itself").isCloseTo(1.0, within(ALGEBRAIC));
        assertThat(row(t, "Taskonomy affinity").num(5)).isCloseTo(AGREEMENT, within(ALGEBRAIC));
        assertThat(row(t, "saliency").texts()).contains("not reproduced (published reference row)", "0.605", "0.6");
    }

    /**
     * The five ranking measures of the same rankings: their Spearman means are the headline numbers (the oracle's),
     * and every measure has a mean, an interval and a p-value for each method and matrix.
     */
    @Test
    void table3RankingScoresTheSameRankingsWithAllFiveMeasures() {
        ResultTable t = table(table3, "table3-ranking");
        assertThat(t.rowCount()).isEqualTo(3 * 2);
        Row cosine = row(t, "DDS (f = cosine)", "winrate");
        assertThat(t.real(cosine.index(), "spearman")).isCloseTo(COSINE_WINRATE, within(Fixtures.ORACLE));
        assertThat(t.real(row(t, "RSA", "affinity").index(), "spearman")).isCloseTo(RSA_AFFINITY,
                within(Fixtures.ORACLE));
        assertThat(t.integer(cosine.index(), "targets")).isEqualTo(17);
        for (String measure : List.of("pearson", "weighted tau", "top-1 hit", "relative regret")) {
            assertThat(t.real(cosine.index(), measure + " ci lower"))
                    .isLessThanOrEqualTo(t.real(cosine.index(), measure + " ci upper"));
            assertThat(t.real(cosine.index(), measure + " p")).isBetween(0.0, 1.0);
        }
        assertThat(table(table3, "table3-ranking-per-target").rowCount()).isEqualTo(3 * 2 * 17);
    }

    /** Published values from paper Table 3 (../shared/published/paper_tables.md). */
    @Test
    void everyReproducedCellStandsBesideThePapersNumber() {
        List<PublishedValue> published = table(table3, "table3").published();
        assertThat(published).hasSize(10);
        assertThat(published).filteredOn(p -> p.quantity().equals("Table 3, DDS (f = cosine) vs winrate"))
                .singleElement().satisfies(p -> {
                    assertThat(p.published()).isEqualTo(0.864);
                    assertThat(p.reproduced()).isCloseTo(COSINE_WINRATE, within(Fixtures.ORACLE));
                });
        assertThat(published).filteredOn(p -> p.quantity().equals("Table 3, Taskonomy winrate vs affinity"))
                .extracting(PublishedValue::published).containsExactly(0.988);
    }

    @Test
    void wallTimeIsMeasuredForTheComputedRowsAndPublishedForTheOthers() {
        ResultTable time = table(table3, "table3-time");
        assertThat(time.columnNames()).containsExactly("method", "features_load_s", "dds_s", "total_s",
                "published_total_s", "what");
        for (String m : List.of("RSA", "DDS (f = cosine)", "DDS (f = Laplacian)")) {
            Row r = row(time, m);
            double load = r.num(1);
            double dds = r.num(2);
            assertThat(load).as("%s: reading took time", m).isPositive();
            assertThat(dds).as("%s: DDS took time", m).isPositive();
            assertThat(r.num(3)).isCloseTo(load + dds, within(ALGEBRAIC));
        }
        assertThat(row(time, "DDS (f = Laplacian)").num(4)).as("paper Table 3").isEqualTo(103.36);
        assertThat(row(time, "DeepLIFT").texts()).contains("n/a", "3300.0");
    }

    @Test
    void perTaskVectorsMatchTheOracleAndAverageToTable3() {
        ResultTable long_ = table(perTask, "per-task");
        assertThat(long_.rows()).hasSize(3 * 2 * 17);
        ResultTable wideTable = table(perTask, "per-task-wide");
        List<String> targets = IntStream.range(0, wideTable.rowCount()).mapToObj(r -> wideTable.text(r, "target"))
                .toList();
        assertThat(targets).hasSize(17).startsWith("autoencoder");
        double[] rho = new double[17];
        for (int j = 0; j < 17; j++) {
            Row r = row(long_, "DDS (f = cosine)", "winrate", targets.get(j));
            rho[j] = r.num(3);
            assertThat(rho[j]).as(targets.get(j)).isCloseTo(COSINE_PER_TASK_WINRATE[j], within(Fixtures.ORACLE));
            assertThat(r.num(4)).isLessThanOrEqualTo(r.num(5));
            assertThat(r.num(6)).isBetween(0.01, 1.0);
        }
        assertThat(Correlation.mean(rho)).isCloseTo(COSINE_WINRATE, within(Fixtures.ORACLE));
        ResultTable wide = table(perTask, "per-task-wide");
        assertThat(wide.columnNames()).hasSize(7).contains("DDS (f = Laplacian) vs affinity");
    }

    @Test
    void centringAndSpearmanViewsMatchTheOracle() {
        ExperimentContext c = Fixtures.context(Fixtures.oracle("synth20_f64"));
        ResultTable centring = table(new CentringAblation().run(c, Fixtures.SMALL), "centring");
        ResultTable spearman = table(new SpearmanAsG().run(c, Fixtures.SMALL), "spearman-g");
        String[] against = {"winrate", "affinity"};
        for (int m = 0; m < 2; m++) {
            assertRow(row(centring, "cka unbiased", against[m]), ZSCORE[m], "unbiased " + against[m]);
            assertRow(row(centring, "cka biased", against[m]), BIASED[m], "biased " + against[m]);
            assertRow(row(centring, "cka none", against[m]), NONE[m], "none " + against[m]);
            assertRow(row(spearman, "cka unbiased", against[m]), ZSCORE[m], "cka " + against[m]);
            assertRow(row(spearman, "spearman", against[m]), SPEARMAN[m], "spearman " + against[m]);
        }
        assertThat(centring.published()).as("the unbiased rows beside the notebook's znorm row").hasSize(12)
                .allSatisfy(p -> assertThat(p.quantity()).contains("cka unbiased"));
    }

    private static void assertRow(Row row, double[] expected, String what) {
        for (int f = 0; f < 6; f++) {
            assertThat(row.num(2 + f)).as("%s, column %d", what, f)
                    .isCloseTo(expected[f], within(Fixtures.ORACLE));
        }
    }

    @Test
    void imageCountUsesTheSizesTheFeaturesAllow() {
        assertThat(ImageCount.sizes(48)).containsExactly(10, 20, 48);
        assertThat(ImageCount.sizes(150)).containsExactly(10, 20, 50, 100, 150);
        assertThat(ImageCount.sizes(5000)).containsExactly(10, 20, 50, 100, 150, 200);
        ExperimentResult r = new ImageCount().run(Fixtures.context(Fixtures.oracle("synth20_f64")), Fixtures.SMALL);
        ResultTable t = r.tables().get(0);
        assertThat(t.rows()).hasSize(6);
        assertThat(row(t, 10, "winrate").num(2)).isCloseTo(FIRST_K[0][0], within(Fixtures.ORACLE));
        assertThat(row(t, 10, "affinity").num(2)).isCloseTo(FIRST_K[0][1], within(Fixtures.ORACLE));
        assertThat(row(t, 20, "winrate").num(2)).isCloseTo(FIRST_K[1][0], within(Fixtures.ORACLE));
        assertThat(row(t, 20, "affinity").num(2)).isCloseTo(FIRST_K[1][1], within(Fixtures.ORACLE));
        assertThat(row(t, 48, "winrate").num(2)).as("all images = Table 3")
                .isCloseTo(COSINE_WINRATE, within(Fixtures.ORACLE));
        assertThat(row(t, 48, "winrate").texts()).contains("n/a (all images)");
        Row drawn = row(t, 10, "affinity");
        assertThat(drawn.cell(4)).isEqualTo(new Cell.Int(3));
        assertThat(drawn.num(6)).as("draws differ").isPositive();
        assertThat(drawn.num(7)).isLessThanOrEqualTo(drawn.num(8));
        assertThat(t.published()).as("no 200-image row with 48 images").isEmpty();
    }
}
