package org.dds.experiments.cli;

import org.dds.experiments.ProjectInfo;
import org.dds.groundtruth.files.GroundTruthLocator;

import picocli.CommandLine.IVersionProvider;

/** {@code dds --version}: the project version, the git commit, Java and the OS. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "dds " + ProjectInfo.version() + " (commit " + ProjectInfo.gitCommit(GroundTruthLocator.system().repoRoot())
                    + ")",
            "Java " + ProjectInfo.javaVersion() + " on " + ProjectInfo.os()
        };
    }
}
