package org.dds.experiments.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.dds.groundtruth.runs.BlockTransfer;
import org.dds.groundtruth.runs.TrainingRun;
import org.dds.groundtruth.runs.TrainingRuns;
import org.dds.reports.ResultTable;
import org.dds.training.task.Task;
import org.dds.training.train.RunResult;
import org.dds.training.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The training module writes result.csv ({@link RunResult}) and the groundtruth module reads it
 * ({@link TrainingRuns}) without depending on each other: the header and every field must survive the trip.
 */
class TrainingResultsContractTest {
    @TempDir
    Path dir;

    @Test
    void bothModulesNameTheSameColumnsAndFile() {
        assertThat(String.join(",", TrainingRuns.COLUMNS)).isEqualTo(RunResult.CSV_HEADER);
        assertThat(TrainingRuns.RESULT_CSV).isEqualTo(Trainer.RESULT_CSV);
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void aResultRowReadsBackAsTransferGroundTruth(Task task) throws Exception {
        // A value with all 17 significant digits: RunResult writes Double.toString, which parses back exactly.
        RunResult written = new RunResult("pascal", task, 3, task.metric(), 0.12345678901234567, 60,
                "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5");
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve(Trainer.RESULT_CSV), RunResult.CSV_HEADER + "\n" + written.csvRow() + "\n");
        List<TrainingRun> read = TrainingRuns.read(dir);
        assertThat(read).hasSize(1);
        TrainingRun r = read.get(0);
        assertThat(List.of(r.dataset(), r.task(), r.block(), r.metric(), r.value(), r.higherIsBetter(), r.epochs(),
                r.weights())).isEqualTo(List.of(written.dataset(), task.label(), 3, task.metric(),
                        0.12345678901234567, task.higherIsBetter(), 60, written.weights()));
        // Oriented so that higher is better: only mIoU (semantic) keeps its sign.
        double score = BlockTransfer.of(read).get(0).score(3);
        assertThat(score).isEqualTo(task == Task.SEMANTIC ? 0.12345678901234567 : -0.12345678901234567);
    }

    @Test
    void table5ListsTasksInTheTrainingModulesOrder() throws Exception {
        // Sorted as before the groundtruth reader: dataset, then edge, normals, depth, semantic, then block.
        for (String[] r : new String[][] {{"s", "nyuv2,semantic,1,miou,0.2,true,2,w"},
            {"d", "nyuv2,depth,2,log_rmse,0.3,false,2,w"}, {"e", "nyuv2,edge,1,mae,0.1,false,2,w"},
            {"d1", "nyuv2,depth,1,log_rmse,0.4,false,2,w"}}) {
            Path d = Files.createDirectories(dir.resolve(r[0]));
            Files.writeString(d.resolve(TrainingRuns.RESULT_CSV), RunResult.CSV_HEADER + "\n" + r[1] + "\n");
        }
        ResultTable table = Table5.result(TrainingRuns.read(dir), dir).tables().get(0);
        assertThat(IntStream.range(0, table.rowCount()).mapToObj(r -> table.text(r, "task") + " "
                + table.integer(r, "block"))).containsExactly("edge 1", "depth 1", "depth 2", "semantic 1");
    }
}
