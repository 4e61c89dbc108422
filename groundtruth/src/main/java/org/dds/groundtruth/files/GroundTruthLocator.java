package org.dds.groundtruth.files;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Finds the ground-truth directory. Lookup order: the explicit {@code --groundtruth DIR} argument, then the
 * environment variable {@code DDS_GROUNDTRUTH}, then {@code <repo root>/../shared/groundtruth}, where the repo
 * root is the system property {@code dds.home} if set, else the current directory. The first step that gives a
 * directory wins, whether or not it exists (so {@code fetch-groundtruth} can create it); relative paths are taken
 * from the current directory. The environment and the system properties are injected, so tests need not change
 * the process's.
 */
public final class GroundTruthLocator {

    /** The environment variable naming the ground-truth directory. */
    public static final String ENV_VAR = "DDS_GROUNDTRUTH";

    /** The system property naming the repository root. */
    public static final String HOME_PROPERTY = "dds.home";

    /**
     * @param name spells a parameter's name as the reader knows it (see
     *             {@link org.dds.core.Wording})
     * @return the lookup order, as a phrase for messages
     */
    public static String lookupOrder(UnaryOperator<String> name) {
        return name.apply("groundtruth") + " DIR if given, else the environment variable " + ENV_VAR
                + ", else <repo root>/../shared/groundtruth (repo root = -D" + HOME_PROPERTY
                + " or the current directory)";
    }

    private final Function<String, String> env;
    private final Function<String, String> properties;
    private final Path currentDirectory;

    /**
     * @param env              environment lookup, e.g. {@code System::getenv}; returns null when unset
     * @param properties       system-property lookup, e.g. {@code System::getProperty}; returns null when unset
     * @param currentDirectory the directory relative paths are taken from
     */
    public GroundTruthLocator(Function<String, String> env, Function<String, String> properties,
            Path currentDirectory) {
        this.env = Objects.requireNonNull(env, "env");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.currentDirectory = currentDirectory.toAbsolutePath().normalize();
    }

    /** @return a locator reading this process's environment, system properties and working directory */
    public static GroundTruthLocator system() {
        return new GroundTruthLocator(System::getenv, System::getProperty, Path.of(""));
    }

    /**
     * @param explicitDirectory the {@code --groundtruth} argument, or null when not given
     * @return the ground-truth directory and which lookup step chose it
     */
    public GroundTruthLocation locate(Path explicitDirectory) {
        if (explicitDirectory != null) {
            return new GroundTruthLocation(absolute(explicitDirectory), GroundTruthLocation.Origin.ARGUMENT);
        }
        String fromEnv = env.apply(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new GroundTruthLocation(absolute(Path.of(fromEnv.strip())),
                    GroundTruthLocation.Origin.ENVIRONMENT);
        }
        return new GroundTruthLocation(repoRoot().resolve("..").resolve("shared").resolve("groundtruth").normalize(),
                GroundTruthLocation.Origin.REPOSITORY_DEFAULT);
    }

    /** @return the ground-truth directory when no {@code --groundtruth} argument is given */
    public GroundTruthLocation locate() {
        return locate(null);
    }

    /** @return the repository root: {@code dds.home} if set, else the current directory */
    public Path repoRoot() {
        String home = properties.apply(HOME_PROPERTY);
        return home != null && !home.isBlank() ? absolute(Path.of(home.strip())) : currentDirectory;
    }

    private Path absolute(Path p) {
        return currentDirectory.resolve(p).normalize();
    }

    @Override
    public String toString() {
        return "GroundTruthLocator(" + lookupOrder(UnaryOperator.identity()) + ")";
    }
}
