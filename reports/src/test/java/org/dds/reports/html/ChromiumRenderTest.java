package org.dds.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.dds.reports.Report;
import org.dds.reports.SyntheticReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the synthetic report's index.html in headless Chromium (Debian's {@code chromium}, installed by
 * .ci/run): the page loads from disk without a console error or a failed load, the DOM Chromium built has the
 * title, and a screenshot is written. The report and the screenshot stay in {@code target/synthetic-report/} to be
 * looked at. Skipped, with the reason printed, where there is no chromium.
 */
class ChromiumRenderTest {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;
    /** Width and height of the browser window, in CSS pixels. */
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 2000;

    @Test
    void thePageLoadsWithoutErrorsAndAScreenshotIsWritten(@TempDir Path profile) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = "skipped: " + CHROMIUM + " is not installed (apt-get install -y chromium; .ci/run does)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        Report report = SyntheticReport.report();
        Path index = SyntheticReport.writtenRun().resolve("index.html");
        Path screenshot = index.getParent().resolveSibling("screenshot.png");
        Files.deleteIfExists(screenshot);

        // One start does both: the screenshot to a file, the DOM Chromium built (after loading) to stdout.
        Run run = chromium(profile.resolve("profile"), "--screenshot=" + screenshot, "--dump-dom",
                "--window-size=" + WIDTH + "," + HEIGHT, index.toUri().toString());
        assertThat(run.exit()).as(run.log()).isZero();
        assertThat(consoleProblems(run.log())).as("console errors and failed loads").isEmpty();
        assertThat(run.out()).contains("<title>" + HtmlReport.title(report) + "</title>")
                .contains("id=\"skipped\"").contains("<img src=\"data:image/png;base64,");
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("the screenshot is a PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(distinctColours(image)).as("the screenshot shows a page, not a blank").isGreaterThan(200);
    }

    /** Lines of Chromium's log that report a page error: console errors, uncaught exceptions, failed loads. */
    static List<String> consoleProblems(String log) {
        List<String> problems = new ArrayList<>();
        for (String line : log.split("\\R")) {
            if (line.contains("CONSOLE") || line.contains("Uncaught") || line.contains("net::ERR_")
                    || line.contains("Not allowed to load local resource")) {
                problems.add(line);
            }
        }
        return problems;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private record Run(int exit, String out, String log) {
    }

    private static Run chromium(Path profile, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--enable-logging=stderr",
                "--v=0", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path stderr = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
