package org.dds.experiments.cli;

/** Help text shared by several commands. */
final class Help {
    /** Where features come from. */
    static final String FEATURES = "Features: one matrix per model, n images x d features, the same images in the"
            + " same order for every model. PATH is a directory of <model>.npy files (order from models.txt, else"
            + " sorted names), an .npz with one array per model, the authors' pickled-dict .npy"
            + " (taskonomy_pascal_feats_<dataset>.npy), a folder of per-image <task>_encoder_output.npy files, or a"
            + " CSV with one row per image.";

    /** Where ground truth comes from. */
    static final String GROUND_TRUTH = "Ground truth: --groundtruth DIR, else the environment variable"
            + " DDS_GROUNDTRUTH, else ../shared/groundtruth beside the repository; ./dds fetch-groundtruth downloads"
            + " the two public Taskonomy files into it.";

    /** The exit codes. */
    static final String EXIT_CODES = "Exit codes: 0 success; 2 bad usage or bad input (one line on stderr says what"
            + " to fix); 1 internal failure (one line on stderr; the stack trace goes to the log file it names).";

    private Help() {
    }
}
