package org.dds.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Assumptions;

/**
 * The one way tests reach {@code ../shared} (oracle, ground truth, published tables): resolved relative to the
 * repository root, which Surefire passes as the system property {@code dds.repo.root}.
 */
public final class SharedData {
    private SharedData() {
    }

    /** @return the repository root */
    public static Path repoRoot() {
        String p = System.getProperty("dds.repo.root");
        if (p != null && !p.isBlank()) {
            return Paths.get(p).toAbsolutePath().normalize();
        }
        // Fallback when run from an IDE in a module directory: walk up to the root pom.
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("dds-core"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root; set -Ddds.repo.root");
        }
        return dir;
    }

    /** @return {@code <root>/../shared} */
    public static Path shared() {
        return repoRoot().resolve("..").resolve("shared").normalize();
    }

    /**
     * @param relative a path inside ../shared
     * @return that path; the test is aborted (skipped, with the reason printed) if it does not exist
     */
    public static Path require(String relative) {
        Path p = shared().resolve(relative);
        if (!Files.exists(p)) {
            String reason = "skipped: " + p + " is missing (the tests expect ../shared beside the repository)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return p;
    }
}
