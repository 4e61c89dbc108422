package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dds mini} and {@code dds reproduce --skip/--only}: bad input is one line and exit 2. */
class MiniCommandTest {
    @TempDir
    Path dir;

    @Test
    void missingDataFolderIsBadInput() {
        Cli.Run run = Cli.run("mini", "--quick", "--data", dir.resolve("nowhere").toString(), "--out",
                dir.resolve("out").toString());
        assertThat(run.exit()).isEqualTo(Failures.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--data", "is not a directory");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void folderWithoutTheFilesNamesTheInstallCommand() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Cli.Run run = Cli.run("mini", "--quick", "--data", empty.toString(), "--cache", dir.resolve("c").toString(),
                "--out", dir.resolve("out").toString());
        assertThat(run.exit()).isEqualTo(Failures.BAD_INPUT);
        assertThat(run.err()).contains("apt-get install dataset-fashion-mnist").doesNotContain("\tat ");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void unknownExperimentNameIsBadInput() {
        Cli.Run run = Cli.run("reproduce", "--skip", "mini", "--out", dir.resolve("r").toString());
        assertThat(run.exit()).isEqualTo(Failures.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("unknown experiment 'mini'", "mini-taskonomy", "table2");
    }
}
