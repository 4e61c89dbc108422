package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.dds.io.NpyPrecision;
import org.dds.io.NpyWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, defect 8: a 4-D input's own H x W x C was ignored in favour of {@code --shape} (given or default): a
 * 4 x 4 x 4 map read as 8 x 2 x 4 gave a different value with exit 0. The file's own shape now wins, and a
 * {@code --shape} that contradicts it is refused.
 */
class MapShapeOptionTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeMaps() throws IOException {
        Files.createDirectories(dir.resolve("maps"));
        for (String m : new String[] {"a", "b", "c"}) {
            SplittableRandom r = new SplittableRandom(m.hashCode());
            double[] v = new double[6 * 64];
            for (int k = 0; k < v.length; k++) {
                v[k] = r.nextDouble() + (k % 4) * 0.3;
            }
            NpyWriter.write(dir.resolve("maps/" + m + ".npy"), new int[] {6, 4, 4, 4}, v, NpyPrecision.FLOAT64);
        }
    }

    @Test
    void contradictingShapeIsRefused() {
        Cli.Run run = Cli.run("affinity", "--features", dir.resolve("maps").toString(), "--norm", "batch_norm",
                "--shape", "8,2,4");
        assertThat(run.exit()).as(run.err()).isEqualTo(Failures.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("model 'a'", "4 x 4 x 4", "--shape 8,2,4", "--shape 4,4,4")
                .doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theFilesOwnShapeIsUsedWithoutShape() {
        Cli.Run own = Cli.run("affinity", "--features", dir.resolve("maps").toString(), "--norm", "batch_norm");
        Cli.Run explicit = Cli.run("affinity", "--features", dir.resolve("maps").toString(), "--norm", "batch_norm",
                "--shape", "4,4,4");
        Cli.Run plain = Cli.run("affinity", "--features", dir.resolve("maps").toString(), "--norm", "identity",
                "--f", "linear");
        assertThat(own.exit()).as(own.err()).isZero();
        assertThat(explicit.exit()).as(explicit.err()).isZero();
        assertThat(plain.exit()).as("no map normalisation: " + plain.err()).isZero();
        assertThat(own.out()).as("the default is the file's 4 x 4 x 4, not 16 x 16 x 8").isEqualTo(explicit.out());
    }
}
