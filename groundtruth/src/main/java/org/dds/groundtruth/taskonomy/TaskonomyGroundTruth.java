package org.dds.groundtruth.taskonomy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dds.io.Sha256;
import org.dds.core.DdsInputException;
import org.dds.io.pickle.RestrictedUnpickler;
import org.dds.groundtruth.GroundTruthSource;
import org.dds.groundtruth.TransferMatrix;
import org.dds.groundtruth.files.FetchListener;
import org.dds.groundtruth.files.GroundTruthFetcher;
import org.dds.groundtruth.files.GroundTruthLocator;
import org.dds.groundtruth.files.RemoteFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Taskonomy transfer ground truth (Zamir et al., "Taskonomy: disentangling task transfer learning", CVPR
 * 2018), as used by Dwivedi et al. (ECCV 2020): the affinity matrix ({@code results/affinities/all_affinities.pkl})
 * and the winrate matrix ({@code results/winrates/wins_vs_pixels_16k.pkl}) of the public Taskonomy repository.
 * Each pickle is a dict of {@code "<source>__<target>"} to a numpy float64; the matrix over the 17
 * {@link TaskonomyTasks#GROUND_TRUTH_TASKS} is {@code GT[i][j] = pickle["<task_i>__<task_j>"]}, diagonal included.
 * The files are read with the restricted unpickler, which refuses any global but numpy scalars and dtypes.
 */
public final class TaskonomyGroundTruth {
    private static final Logger LOG = LoggerFactory.getLogger(TaskonomyGroundTruth.class);

    /** Where the public files live: the Taskonomy repository on GitHub. */
    public static final URI BASE_URL = URI.create("https://github.com/StanfordVL/taskonomy/raw/master/");

    /** The affinity pickle and its SHA-256. */
    public static final RemoteFile AFFINITY_FILE = new RemoteFile("results/affinities/all_affinities.pkl",
            "taskonomy/all_affinities.pkl", "6b2d42a7281fe4eac2f5f32499f12c3da63292d4a5d8f04bf1b8b97d9687260c");

    /** The winrate pickle (wins against a network trained from pixels on 16k images) and its SHA-256. */
    public static final RemoteFile WINRATE_FILE = new RemoteFile("results/winrates/wins_vs_pixels_16k.pkl",
            "taskonomy/wins_vs_pixels_16k.pkl", "34a3c471d8547ddd509cedb8d2d60f90e9b881c70f23cc91c4fc85e4e3852d75");

    /** Both files, for {@code dds fetch-groundtruth}. */
    public static final List<RemoteFile> FILES = List.of(AFFINITY_FILE, WINRATE_FILE);

    private TaskonomyGroundTruth() {
    }

    /**
     * @param groundTruthDirectory the ground-truth directory (see {@link GroundTruthLocator})
     * @return the 17 x 17 affinity matrix from {@code <dir>/taskonomy/all_affinities.pkl}
     * @throws DdsInputException if the file is missing or unusable, naming the file, the key and the fix
     */
    public static TransferMatrix affinity(Path groundTruthDirectory) {
        return read(groundTruthDirectory, AFFINITY_FILE, "Taskonomy affinity");
    }

    /**
     * @param groundTruthDirectory the ground-truth directory (see {@link GroundTruthLocator})
     * @return the 17 x 17 winrate matrix from {@code <dir>/taskonomy/wins_vs_pixels_16k.pkl}
     * @throws DdsInputException if the file is missing or unusable, naming the file, the key and the fix
     */
    public static TransferMatrix winrate(Path groundTruthDirectory) {
        return read(groundTruthDirectory, WINRATE_FILE, "Taskonomy winrate");
    }

    /**
     * Downloads both files from the Taskonomy repository into a ground-truth directory, unless they are there.
     *
     * @param groundTruthDirectory the ground-truth directory (created if missing)
     * @param listener             hears about progress
     * @return the paths of the two files
     */
    public static List<Path> fetch(Path groundTruthDirectory, FetchListener listener) {
        return new GroundTruthFetcher(BASE_URL, listener).fetchAll(groundTruthDirectory, FILES);
    }

    private static TransferMatrix read(Path directory, RemoteFile remote, String what) {
        Path file = remote.in(directory).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new DdsInputException(p -> what + " ground truth not found: " + file + " does not exist (the"
                    + " ground-truth directory is " + GroundTruthLocator.lookupOrder(p) + "); run ./dds"
                    + " fetch-groundtruth to download it, or pass " + p.apply("groundtruth") + " DIR naming a"
                    + " directory that holds " + remote.localPath());
        }
        String sha256;
        try {
            sha256 = Sha256.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!sha256.equals(remote.sha256())) {
            LOG.warn("{} has SHA-256 {}, not the published {}; reading it anyway", file, sha256, remote.sha256());
        }
        GroundTruthSource source = new GroundTruthSource(what + " (" + file.getFileName() + ")", file.toString(),
                sha256);
        return fromPickle(RestrictedUnpickler.load(file), source);
    }

    /**
     * Builds the 17 x 17 matrix from an unpickled dict; package-private so tests can feed it maps directly.
     *
     * @param unpickled what the unpickler returned
     * @param source    where it came from (its location appears in every error)
     * @return the matrix over {@link TaskonomyTasks#GROUND_TRUTH_TASKS}
     */
    static TransferMatrix fromPickle(Object unpickled, GroundTruthSource source) {
        if (!(unpickled instanceof Map<?, ?> dict)) {
            throw new DdsInputException(source.location() + " holds a "
                    + (unpickled == null ? "None" : unpickled.getClass().getSimpleName())
                    + ", not a dict of '<source>__<target>' to float: is it a Taskonomy affinity or winrate file?");
        }
        List<String> tasks = TaskonomyTasks.GROUND_TRUTH_TASKS;
        double[][] values = new double[tasks.size()][tasks.size()];
        for (int i = 0; i < tasks.size(); i++) {
            for (int j = 0; j < tasks.size(); j++) {
                String key = tasks.get(i) + "__" + tasks.get(j);
                Object v = dict.get(key);
                if (v == null) {
                    throw new DdsInputException("key '" + key + "' is " + (dict.containsKey(key) ? "None" : "missing")
                            + " in " + source.location() + ": it is not a complete Taskonomy ground-truth file;"
                            + " run ./dds fetch-groundtruth to get the published one");
                }
                if (!(v instanceof Number n)) {
                    throw new DdsInputException("key '" + key + "' in " + source.location() + " holds a "
                            + v.getClass().getSimpleName() + ", not a number: it is not a Taskonomy ground-truth"
                            + " file; run ./dds fetch-groundtruth to get the published one");
                }
                double d = n.doubleValue();
                if (!Double.isFinite(d)) {
                    throw new DdsInputException("key '" + key + "' in " + source.location() + " holds " + d
                            + ": ground truth must be finite; run ./dds fetch-groundtruth to get the published file");
                }
                values[i][j] = d;
            }
        }
        return new TransferMatrix(tasks, values, source);
    }
}
