package org.dds.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The software a result was made with: the project version, the git commit, Java and the OS. */
public final class ProjectInfo {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectInfo.class);
    private static final String VERSION_RESOURCE = "version.properties";
    private static final long GIT_TIMEOUT_SECONDS = 5;

    private ProjectInfo() {
    }

    /** @return the project version from the build, e.g. {@code 0.1.0-SNAPSHOT} */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = ProjectInfo.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + VERSION_RESOURCE, e);
        }
        return p.getProperty("version", "unknown");
    }

    /**
     * @param repositoryRoot the directory to ask git in
     * @return {@code git rev-parse HEAD} there, or "unknown" when git or the repository is not there
     */
    public static String gitCommit(Path repositoryRoot) {
        try {
            Process git = new ProcessBuilder("git", "-C", repositoryRoot.toString(), "rev-parse", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!git.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return "unknown";
            }
            return git.exitValue() == 0 && out.matches("[0-9a-f]{40,64}") ? out : "unknown";
        } catch (IOException e) {
            LOG.info("git is not available ({}); the commit is recorded as unknown", e.getMessage());
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** @return {@code java.version} */
    public static String javaVersion() {
        return System.getProperty("java.version");
    }

    /** @return {@code os.name/os.arch} */
    public static String os() {
        return System.getProperty("os.name") + "/" + System.getProperty("os.arch");
    }
}
