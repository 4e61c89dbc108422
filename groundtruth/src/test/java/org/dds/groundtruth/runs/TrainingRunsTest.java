package org.dds.groundtruth.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dds.io.Sha256;
import org.dds.core.DdsInputException;
import org.dds.groundtruth.GroundTruthSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the result.csv files of dds train (the test writes them, with the header dds train writes) into
 * transfer ground truth per target, oriented so that higher is better.
 */
class TrainingRunsTest {
    private static final String HEADER = "dataset,task,block,metric,value,higher_is_better,epochs,weights";

    @TempDir
    Path dir;

    @Test
    void readsEveryRunBelowTheDirectorySorted() throws Exception {
        Path a = write("voc-sem-b3", HEADER + "\npascal,semantic,3,miou,0.6,true,60,resnet50_imagenet.npz\n")
                .resolve(TrainingRuns.RESULT_CSV);
        write("voc-sem-b1", HEADER + "\npascal,semantic,1,miou,0.25,true,60,resnet50_imagenet.npz\n");
        write("nested/nyu-depth-b2", HEADER + "\nnyuv2,depth,2,log_rmse,0.31,false,200,random init\n");
        write("too/deep/for/it", HEADER + "\nnyuv2,depth,4,log_rmse,0.2,false,200,random init\n");
        List<TrainingRun> runs = TrainingRuns.read(dir);
        // Sorted by dataset, task, block; runs/x/y/result.csv is two levels down, runs/a/b/c/d/result.csv too deep.
        assertThat(runs).extracting(TrainingRun::target, TrainingRun::block).containsExactly(
                tuple("nyuv2/depth", 2), tuple("pascal/semantic", 1), tuple("pascal/semantic", 3));
        TrainingRun sem3 = runs.get(2);
        assertThat(sem3.metric()).isEqualTo("miou");
        assertThat(sem3.value()).isEqualTo(0.6);
        assertThat(sem3.higherIsBetter()).isTrue();
        assertThat(sem3.epochs()).isEqualTo(60);
        assertThat(sem3.weights()).isEqualTo("resnet50_imagenet.npz");
        assertThat(sem3.source().location()).isEqualTo(a.toAbsolutePath().toString());
        // The SHA-256 of the bytes the test wrote.
        assertThat(sem3.source().sha256()).isEqualTo(Sha256.of(Files.readAllBytes(a)));
        assertThat(TrainingRuns.read(Files.createDirectories(dir.resolve("empty")))).isEmpty();
    }

    @Test
    void columnsAreFoundByNameInAnyOrder() throws Exception {
        Path f = write("r", "weights,epochs,higher_is_better,value,metric,block,task,dataset\n"
                + "w.h5,7,false,12.5,mean_angle_deg,4,normals,pascal\n");
        TrainingRun r = TrainingRuns.readFile(f.resolve(TrainingRuns.RESULT_CSV)).get(0);
        assertThat(r.target()).isEqualTo("pascal/normals");
        assertThat(r.block()).isEqualTo(4);
        assertThat(r.value()).isEqualTo(12.5);
        assertThat(r.score()).as("an error, negated").isEqualTo(-12.5);
        assertThat(r.weights()).isEqualTo("w.h5");
    }

    @Test
    void refusesMissingAndUnknownColumnsNamingThem() throws Exception {
        Path f = write("r", "dataset,task,block,metric,value,epochs,weights,lr\npascal,edge,1,mae,0.1,3,w,0.1\n")
                .resolve(TrainingRuns.RESULT_CSV);
        assertThatThrownBy(() -> TrainingRuns.readFile(f)).isInstanceOf(DdsInputException.class)
                .hasMessage(f + " has the header dataset,task,block,metric,value,epochs,weights,lr, missing"
                        + " higher_is_better and with unknown lr: a result file of dds train has the columns " + HEADER);
        Path g = write("g", "dataset,task\n").resolve(TrainingRuns.RESULT_CSV);
        assertThatThrownBy(() -> TrainingRuns.readFile(g)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("missing block, metric, value, higher_is_better, epochs, weights:");
        Path empty = write("e", "").resolve(TrainingRuns.RESULT_CSV);
        assertThatThrownBy(() -> TrainingRuns.readFile(empty)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void refusesBadValuesNamingLineAndColumn() throws Exception {
        Path f = write("r", HEADER + "\npascal,edge,1,mae,0.1,false,3,w\npascal,edge,two,mae,0.1,false,3,w\n")
                .resolve(TrainingRuns.RESULT_CSV);
        assertThatThrownBy(() -> TrainingRuns.readFile(f)).isInstanceOf(DdsInputException.class)
                .hasMessage(f + " line 3: block 'two' is not a whole number");
        Path nan = write("n", HEADER + "\npascal,edge,1,mae,NaN,false,3,w\n").resolve(TrainingRuns.RESULT_CSV);
        assertThatThrownBy(() -> TrainingRuns.readFile(nan)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("has mae NaN for pascal/edge block 1: a result must be finite");
        Path yes = write("y", HEADER + "\npascal,edge,1,mae,0.1,yes,3,w\n").resolve(TrainingRuns.RESULT_CSV);
        assertThatThrownBy(() -> TrainingRuns.readFile(yes)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("line 2: higher_is_better 'yes' is neither true nor false");
        Path shortRow = write("s", HEADER + "\npascal,edge,1\n").resolve(TrainingRuns.RESULT_CSV);
        assertThatThrownBy(() -> TrainingRuns.readFile(shortRow)).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("line 2 has 3 fields but the header 8");
        assertThatThrownBy(() -> TrainingRuns.read(dir.resolve("none"))).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void groupsRunsPerTargetWithScoresWhereHigherIsBetter() throws Exception {
        write("a", HEADER + "\npascal,semantic,3,miou,0.6,true,60,w\n");
        write("b", HEADER + "\npascal,semantic,1,miou,0.25,true,60,w\n");
        write("c", HEADER + "\nnyuv2,depth,2,log_rmse,0.31,false,200,w\n");
        write("d", HEADER + "\nnyuv2,depth,4,log_rmse,0.2,false,200,w\n");
        List<BlockTransfer> gt = BlockTransfer.of(TrainingRuns.read(dir));
        assertThat(gt).extracting(BlockTransfer::target).containsExactly("nyuv2/depth", "pascal/semantic");
        BlockTransfer depth = gt.get(0);
        assertThat(depth.blocks()).containsExactly(2, 4);
        assertThat(depth.value(4)).isEqualTo(0.2);
        // log RMSE is an error: scores are negated, so block 4 (0.2) ranks above block 2 (0.31).
        assertThat(depth.scores(List.of(2, 4))).containsExactly(-0.31, -0.2);
        assertThat(depth.sources()).hasSize(2);
        BlockTransfer sem = gt.get(1);
        assertThat(sem.scores(List.of(3, 1))).as("mIoU kept as it is").containsExactly(0.6, 0.25);
        assertThatThrownBy(() -> sem.score(2)).isInstanceOf(DdsInputException.class)
                .satisfies(e -> assertThat(((DdsInputException) e).messageFor(n -> "--" + n)).as("as the CLI words it")
                        .isEqualTo("no finished run of pascal/semantic block 2 (runs: blocks [1, 3]): train it with"
                                + " ./dds train --dataset pascal --task semantic --block 2, or leave the block out"));
    }

    @Test
    void refusesTwoRunsOfOneBlockAndMixedMetrics() throws Exception {
        Path a = write("a", HEADER + "\npascal,semantic,3,miou,0.6,true,60,w\n");
        Path b = write("b", HEADER + "\npascal,semantic,3,miou,0.5,true,30,w\n");
        assertThatThrownBy(() -> BlockTransfer.of(TrainingRuns.read(dir))).isInstanceOf(DdsInputException.class)
                .hasMessage("two runs give pascal/semantic block 3: " + a.resolve("result.csv").toAbsolutePath()
                        + " and " + b.resolve("result.csv").toAbsolutePath() + "; keep one of them in the runs"
                        + " directory");
        Files.delete(b.resolve("result.csv"));
        write("c", HEADER + "\npascal,semantic,2,accuracy,0.9,true,60,w\n");
        assertThatThrownBy(() -> BlockTransfer.of(TrainingRuns.read(dir))).isInstanceOf(DdsInputException.class)
                .hasMessageContaining("measures pascal/semantic by miou (higher is better: true) but")
                .hasMessageContaining("c/result.csv by accuracy (true): the runs of one task must use one metric");
    }

    /** Writes dir/name/result.csv and returns dir/name. */
    private Path write(String name, String content) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve(TrainingRuns.RESULT_CSV), content);
        return d;
    }
}
