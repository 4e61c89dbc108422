package org.dds.experiments.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code dds} command line (SPEC section 8): {@code affinity}, {@code similarity}, {@code rank},
 * {@code fetch-groundtruth}, {@code reproduce} and {@code bench}. Results go to files or stdout, progress and logs
 * to stderr; exit 0 on success, 2 on bad usage or input with one line on stderr, 1 on an internal failure.
 *
 * <p>{@code new CommandLine(new DdsCommand())} is all it takes: the exit-code handling is installed as the
 * command line is built, so tests and {@link #main} behave the same.
 */
@Command(name = "dds", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        modelTransformer = DdsCommand.Configure.class,
        subcommands = {
            AffinityCommand.class, SimilarityCommand.class, RankCommand.class, FetchGroundTruthCommand.class,
            Table2Command.class, Table3Command.class, Table4Command.class, Figure4Command.class, LayersCommand.class,
            TrainCommand.class, ExtractCommand.class, Table5Command.class, MiniCommand.class,
            ReproduceCommand.class, ReportCommand.class, BenchCommand.class, CommandLine.HelpCommand.class
        },
        description = {
            "Duality Diagram Similarity (Dwivedi, Huang, Cichy, Roig, ECCV 2020) for transfer learning: ranks"
                    + " pretrained models for a new task by how similar their features are to the task's, and"
                    + " reproduces the paper's numbers.",
            ""
        },
        footer = {
            "%nExamples:",
            "  ./dds reproduce --quick        # the paper's numbers -> reports/<run>/",
            "  ./dds rank --features feats/ --target segmentsemantic",
            "  ./dds affinity --features feats/ --out affinity.csv",
            "  ./dds help rank                # every command has --help",
            "%n" + Help.FEATURES,
            "%n" + Help.GROUND_TRUTH,
            "%n" + Help.EXIT_CODES
        })
public final class DdsCommand {

    /** Creates the root command; subcommands are created by picocli. */
    public DdsCommand() {
        // The public no-argument constructor is the whole API: new CommandLine(new DdsCommand()).
    }

    /**
     * @param verbose true to log at INFO on stderr (default: WARN)
     */
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "log at INFO on stderr (default: WARN)")
    void setVerbose(boolean verbose) {
        Logging.setVerbose(verbose);
    }

    /**
     * Runs {@code dds} and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int exit;
        try {
            exit = new CommandLine(new DdsCommand()).execute(args);
        } catch (Throwable t) { // the last resort: Failures handles all that a command throws
            System.err.println(Failures.internal(t, "dds", Runtime.getRuntime().maxMemory(), 0) + "; "
                    + Logging.keep("failure outside any command", t));
            exit = Failures.INTERNAL;
        }
        System.exit(exit);
    }

    /**
     * Configures the command line being built (picocli calls this once it exists, subcommands included): the
     * exit-code handling of {@link Failures} and the help width (the terminal's, at least 80 columns).
     */
    public static final class Configure implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            CommandLine commandLine = spec.commandLine();
            if (commandLine != null) {
                Failures.install(commandLine);
                commandLine.setUsageHelpAutoWidth(true);
            }
            return spec;
        }
    }
}
