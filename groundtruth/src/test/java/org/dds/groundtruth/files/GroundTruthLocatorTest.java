package org.dds.groundtruth.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The lookup order: --groundtruth, then DDS_GROUNDTRUTH, then {@code <repo root>/../shared/groundtruth}. */
class GroundTruthLocatorTest {
    private static final Path CWD = Path.of("/work/repo");

    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> props = new HashMap<>();
    private final GroundTruthLocator locator = new GroundTruthLocator(env::get, props::get, CWD);

    @Test
    void explicitArgumentWinsOverEverything() {
        env.put("DDS_GROUNDTRUTH", "/from/env");
        props.put("dds.home", "/home/dds");
        GroundTruthLocation at = locator.locate(Path.of("/from/arg"));
        assertThat(at.directory()).isEqualTo(Path.of("/from/arg"));
        assertThat(at.origin()).isEqualTo(GroundTruthLocation.Origin.ARGUMENT);
    }

    @Test
    void environmentComesSecond() {
        env.put("DDS_GROUNDTRUTH", "/from/env");
        props.put("dds.home", "/home/dds");
        GroundTruthLocation at = locator.locate(null);
        assertThat(at.directory()).isEqualTo(Path.of("/from/env"));
        assertThat(at.origin()).isEqualTo(GroundTruthLocation.Origin.ENVIRONMENT);
    }

    @Test
    void defaultIsSharedBesideTheRepoRootFromDdsHome() {
        props.put("dds.home", "/home/dds");
        GroundTruthLocation at = locator.locate();
        assertThat(at.directory()).isEqualTo(Path.of("/home/shared/groundtruth"));
        assertThat(at.origin()).isEqualTo(GroundTruthLocation.Origin.REPOSITORY_DEFAULT);
    }

    @Test
    void defaultRepoRootIsTheCurrentDirectory() {
        env.put("DDS_GROUNDTRUTH", "  ");
        assertThat(locator.locate().directory()).as("a blank variable counts as unset")
                .isEqualTo(Path.of("/work/shared/groundtruth"));
        assertThat(locator.repoRoot()).isEqualTo(CWD);
    }

    @Test
    void relativePathsAreTakenFromTheCurrentDirectory() {
        assertThat(locator.locate(Path.of("gt/../data")).directory()).isEqualTo(Path.of("/work/repo/data"));
        env.put("DDS_GROUNDTRUTH", "env-gt");
        assertThat(locator.locate().directory()).isEqualTo(Path.of("/work/repo/env-gt"));
    }

    @Test
    void systemLocatorUsesTheProcessCurrentDirectory() {
        assertThat(GroundTruthLocator.system().repoRoot()).isAbsolute();
    }
}
