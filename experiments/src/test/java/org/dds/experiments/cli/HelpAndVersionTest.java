package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help for a newcomer on every command: what it computes, an example, where inputs come from. */
class HelpAndVersionTest {

    @ParameterizedTest(name = "dds {0} --help")
    @ValueSource(strings = {"", "affinity", "similarity", "rank", "fetch-groundtruth", "reproduce", "bench",
        "bench ablation", "bench affinity", "report"})
    void everyCommandHasHelpWithAnExample(String command) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: dds" + (command.isEmpty() ? "" : " " + command))
                .contains("Example").contains("./dds");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpSaysWhereInputsComeFrom() {
        assertThat(Cli.run("affinity", "--help").out()).contains("models.txt", "--norm=NAME",
                "identity, centering, zscore", "Exit codes");
        assertThat(Cli.run("reproduce", "--help").out()).contains("DDS_GROUNDTRUTH", "fetch-groundtruth",
                "report.md");
        assertThat(Cli.run("fetch-groundtruth", "--help").out()).doesNotContain("--base-url");
    }

    @Test
    void versionNamesTheProjectVersionAndJava() {
        Cli.Run run = Cli.run("--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("dds 0.").contains("(commit ").contains("Java 17");
    }
}
