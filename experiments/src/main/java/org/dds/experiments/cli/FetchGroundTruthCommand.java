package org.dds.experiments.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.dds.groundtruth.files.FetchListener;
import org.dds.groundtruth.files.GroundTruthFetcher;
import org.dds.groundtruth.files.GroundTruthLocation;
import org.dds.groundtruth.files.GroundTruthLocator;
import org.dds.groundtruth.taskonomy.TaskonomyGroundTruth;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dds fetch-groundtruth}: downloads the public Taskonomy transfer matrices. */
@Command(name = "fetch-groundtruth", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Downloads the public Taskonomy ground-truth matrices.",
        description = {
            "Downloads the Taskonomy transfer ground truth (Zamir et al., CVPR 2018) from the public Taskonomy"
                    + " repository: results/affinities/all_affinities.pkl and results/winrates/wins_vs_pixels_16k.pkl,"
                    + " each checked against its published SHA-256 and moved into place only when it matches."
                    + " Files already there with the right hash are not downloaded again.",
            "Prints where the files are."
        },
        footer = {
            "%nExamples:",
            "  ./dds fetch-groundtruth",
            "  ./dds fetch-groundtruth --groundtruth ~/data/groundtruth",
            "%n" + Help.GROUND_TRUTH,
            "%n" + Help.EXIT_CODES
        })
final class FetchGroundTruthCommand extends DdsSubcommand {
    @Option(names = "--groundtruth", paramLabel = "DIR",
            description = "the ground-truth directory to fill (created if missing); the files go to DIR/taskonomy/")
    Path groundTruth;

    /** For tests and mirrors: where the files' remote paths are relative to. */
    @Option(names = "--base-url", hidden = true, paramLabel = "URL")
    URI baseUrl;

    @Override
    void execute() {
        GroundTruthLocation location = GroundTruthLocator.system().locate(groundTruth);
        err().println("ground-truth directory: " + location);
        GroundTruthFetcher fetcher = new GroundTruthFetcher(baseUrl != null ? baseUrl : TaskonomyGroundTruth.BASE_URL,
                new Progress(err()));
        List<Path> files = fetcher.fetchAll(location.directory(), TaskonomyGroundTruth.FILES);
        out().println("Taskonomy ground truth is in " + location.directory() + ":");
        for (Path f : files) {
            out().println("  " + f);
        }
    }

    /** Shows each download on stderr. */
    private static final class Progress implements FetchListener {
        private final PrintWriter err;
        private long bytes;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void alreadyPresent(Path file) {
            err.println("present with the right SHA-256, not downloaded again: " + file);
            err.flush();
        }

        @Override
        public void started(URI url, Path target) {
            bytes = 0;
            err.println("downloading " + url);
            err.flush();
        }

        @Override
        public void progress(URI url, long bytesRead, long contentLength) {
            bytes = bytesRead;
        }

        @Override
        public void finished(URI url, Path target, String sha256) {
            err.println("saved " + target + " (" + bytes + " bytes, SHA-256 checked)");
            err.flush();
        }
    }
}
