package org.dds.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.dds.core.testing.SharedData;
import org.dds.groundtruth.files.RemoteFile;
import org.dds.groundtruth.taskonomy.TaskonomyGroundTruth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** {@code dds fetch-groundtruth} against a local HTTP server that plays the part of GitHub. */
class FetchGroundTruthCommandTest {
    private HttpServer server;
    private String base;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath().substring(1));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void downloadsBothFilesAndSaysWhereTheyWent(@TempDir Path dir) throws IOException {
        for (RemoteFile f : TaskonomyGroundTruth.FILES) {
            served.put(f.remotePath(), Files.readAllBytes(SharedData.require("groundtruth/" + f.localPath())));
        }
        Path target = dir.resolve("gt");
        Cli.Run run = Cli.run("fetch-groundtruth", "--groundtruth", target.toString(), "--base-url", base);
        assertThat(run.exit()).as(run.err()).isZero();
        for (RemoteFile f : TaskonomyGroundTruth.FILES) {
            Path local = target.resolve(f.localPath());
            assertThat(Files.mismatch(local, SharedData.require("groundtruth/" + f.localPath()))).isEqualTo(-1L);
            assertThat(run.out()).contains(local.toString());
            assertThat(run.err()).contains("downloading " + base + f.remotePath()).contains("saved " + local);
        }
        assertThat(run.out()).startsWith("Taskonomy ground truth is in " + target);

        Cli.Run again = Cli.run("fetch-groundtruth", "--groundtruth", target.toString(), "--base-url", base);
        assertThat(again.exit()).isZero();
        assertThat(again.err()).contains("not downloaded again").doesNotContain("downloading");

        Cli.Run reproduce = Cli.run("reproduce", "--skip", "mini-taskonomy", "--out", dir.resolve("run").toString(), "--groundtruth",
                target.toString());
        assertThat(Files.readString(dir.resolve("run/report.md"))).as("the fetched files feed reproduce")
                .contains("| 0.919434 | 0.988 |");
        assertThat(reproduce.exit()).isZero();
    }

    @Test
    void aFailedDownloadIsOneLineAndLeavesNothing(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("gt");
        Cli.Run run = Cli.run("fetch-groundtruth", "--groundtruth", target.toString(), "--base-url", base);
        assertThat(run.exit()).isEqualTo(Failures.BAD_INPUT);
        List<String> err = run.errLines();
        assertThat(err).as("the directory, the download started, one line of error").hasSize(3);
        assertThat(err.get(2)).contains(TaskonomyGroundTruth.AFFINITY_FILE.remotePath(), "HTTP status 404",
                "download the file by hand");
        assertThat(run.out()).isEmpty();
        try (Stream<Path> files = Files.walk(target)) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("no partial file").isEmpty();
        }
    }
}
