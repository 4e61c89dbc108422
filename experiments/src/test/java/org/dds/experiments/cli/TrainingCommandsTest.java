package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dds train}, {@code extract} and {@code table5} on bad input (exit 2, one line) and table5 on runs. */
class TrainingCommandsTest {
    @TempDir
    Path dir;

    @Test
    void table5PutsEachRunBesideThePublishedValue() throws Exception {
        Path a = Files.createDirectories(dir.resolve("voc-sem-b3"));
        Files.writeString(a.resolve("result.csv"), "dataset,task,block,metric,value,higher_is_better,epochs,weights\n"
                + "pascal,semantic,3,miou,0.6,true,60,resnet50_imagenet.npz\n");
        Path b = Files.createDirectories(dir.resolve("nyu-depth-b1"));
        Files.writeString(b.resolve("result.csv"), "dataset,task,block,metric,value,higher_is_better,epochs,weights\n"
                + "nyuv2,depth,1,log_rmse,0.3,false,200,random init\n");
        Cli.Run run = Cli.run("table5", "--runs", dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        // Published: paper Table 5, NYUv2 depth block 1 = 0.322, VOC semantic block 3 = 0.627; sorted by dataset.
        assertThat(run.out().lines().toList()).hasSize(3);
        assertThat(run.out()).contains("nyuv2,depth,1,log_rmse,0.3,0.322,")
                .contains("pascal,semantic,3,miou,0.6,0.627,");
    }

    @Test
    void table5WithoutRunsSaysWhatToDo() {
        Cli.Run run = Cli.run("table5", "--runs", dir.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("holds no finished run").contains("./dds train");
    }

    @Test
    void trainRefusesBadChoicesWithOneLine() {
        Cli.Run dataset = Cli.run("train", "--dataset", "coco", "--data", dir.toString(), "--task", "edge",
                "--block", "1");
        assertThat(dataset.exit()).isEqualTo(2);
        assertThat(dataset.err().strip()).isEqualTo("Invalid value 'coco' for option '--dataset': expected nyuv2 or"
                + " pascal");
        Cli.Run normals = Cli.run("train", "--dataset", "nyuv2", "--data", dir.toString(), "--task", "normals",
                "--block", "1");
        assertThat(normals.exit()).isEqualTo(2);
        assertThat(normals.err()).contains("needs --dataset pascal");
        Cli.Run missing = Cli.run("train", "--dataset", "nyuv2", "--data", dir.toString(), "--task", "depth",
                "--block", "2");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errLines()).hasSize(1);
        assertThat(missing.err()).contains("nyu_depth_v2_labeled.mat does not exist");
        Cli.Run block = Cli.run("train", "--dataset", "pascal", "--data", dir.toString(), "--task", "edge",
                "--block", "5");
        assertThat(block.exit()).isEqualTo(2);
        assertThat(block.err()).contains("--block");
    }

    @Test
    void weightsMustBeNpzOrH5() {
        Cli.Run train = Cli.run("train", "--dataset", "pascal", "--data", dir.toString(), "--task", "edge",
                "--block", "1", "--weights", "resnet50.pth");
        assertThat(train.exit()).isEqualTo(2);
        assertThat(train.errLines()).hasSize(1);
        assertThat(train.err().strip()).isEqualTo("--weights resnet50.pth has neither the extension .npz (a"
                + " torchvision state_dict) nor .h5 (Keras' ResNet50): give one of these (see README 'Training')");
        // The output beside the image folder, not inside it: an output inside an input directory is refused.
        Cli.Run extract = Cli.run("extract", "--weights", "resnet50.pth", "--images", dir.resolve("images").toString(),
                "--out", dir.resolve("o").toString());
        assertThat(extract.exit()).isEqualTo(2);
        assertThat(extract.err()).contains("neither the extension .npz");
    }

    @Test
    void extractRefusesAMissingImageFolder() {
        Cli.Run run = Cli.run("extract", "--weights", dir.resolve("w.npz").toString(), "--images",
                dir.resolve("none").toString(), "--out", dir.resolve("o").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is not a directory");
    }
}
