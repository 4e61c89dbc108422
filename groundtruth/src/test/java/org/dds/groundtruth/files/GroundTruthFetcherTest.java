package org.dds.groundtruth.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.dds.io.Sha256;
import org.dds.core.DdsInputException;
import org.dds.core.testing.SharedData;
import org.dds.groundtruth.GroundTruthSource;
import org.dds.groundtruth.taskonomy.TaskonomyGroundTruth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** Downloads from a local HTTP server on 127.0.0.1 that plays the part of GitHub. */
class GroundTruthFetcherTest {
    private HttpServer server;
    private URI base;
    /** Remote path (without the leading '/') to the bytes served there. */
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> events = new ArrayList<>();
    private final FetchListener recorder = new FetchListener() {
        @Override
        public void alreadyPresent(Path file) {
            events.add("present " + file.getFileName());
        }

        @Override
        public void started(URI url, Path target) {
            events.add("started " + target.getFileName());
        }

        @Override
        public void finished(URI url, Path target, String sha256) {
            events.add("finished " + target.getFileName());
        }
    };

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath().substring(1);
            // Like GitHub's /raw/ URLs, which answer with a redirect to raw.githubusercontent.com.
            if (path.startsWith("redirect/")) {
                exchange.getResponseHeaders().add("Location", "/" + path.substring("redirect/".length()));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            byte[] body = served.get(path);
            if (body == null) {
                byte[] msg = "Not Found".getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(404, msg.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(msg);
                }
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serveRealFiles() throws IOException {
        for (RemoteFile f : TaskonomyGroundTruth.FILES) {
            served.put(f.remotePath(), Files.readAllBytes(SharedData.require("groundtruth/" + f.localPath())));
        }
    }

    @Test
    void downloadsTheRealFilesIntact(@TempDir Path dir) throws IOException {
        serveRealFiles();
        List<Path> got = new GroundTruthFetcher(base, recorder).fetchAll(dir, TaskonomyGroundTruth.FILES);
        for (int k = 0; k < got.size(); k++) {
            RemoteFile f = TaskonomyGroundTruth.FILES.get(k);
            assertThat(got.get(k)).isEqualTo(dir.resolve(f.localPath()));
            assertThat(Files.mismatch(got.get(k), SharedData.require("groundtruth/" + f.localPath())))
                    .as("downloaded %s is byte-identical to the shared copy", f.localPath()).isEqualTo(-1L);
        }
        assertThat(leftovers(dir)).as("the two files and no temporary file").containsExactlyInAnyOrderElementsOf(got);
        assertThat(TaskonomyGroundTruth.affinity(dir).size()).as("the download reads as ground truth").isEqualTo(17);
        assertThat(events).containsExactly("started all_affinities.pkl", "finished all_affinities.pkl",
                "started wins_vs_pixels_16k.pkl", "finished wins_vs_pixels_16k.pkl");
    }

    @Test
    void filesWithTheRightHashAreNotDownloadedAgain(@TempDir Path dir) throws IOException {
        serveRealFiles();
        GroundTruthFetcher fetcher = new GroundTruthFetcher(base, recorder);
        fetcher.fetchAll(dir, TaskonomyGroundTruth.FILES);
        int afterFirst = requests.get();
        events.clear();
        fetcher.fetchAll(dir, TaskonomyGroundTruth.FILES);
        assertThat(requests.get()).as("second fetch makes no request").isEqualTo(afterFirst);
        assertThat(events).containsExactly("present all_affinities.pkl", "present wins_vs_pixels_16k.pkl");
    }

    @Test
    void followsRedirects(@TempDir Path dir) throws IOException {
        serveRealFiles();
        RemoteFile viaRedirect = new RemoteFile("redirect/" + TaskonomyGroundTruth.AFFINITY_FILE.remotePath(),
                TaskonomyGroundTruth.AFFINITY_FILE.localPath(), TaskonomyGroundTruth.AFFINITY_FILE.sha256());
        Path got = new GroundTruthFetcher(base, recorder).fetch(dir, viaRedirect);
        assertThat(got).hasSameBinaryContentAs(SharedData.require("groundtruth/taskonomy/all_affinities.pkl"));
    }

    @Test
    void wrongBytesAreRefusedAndNothingIsLeftBehind(@TempDir Path dir) throws IOException {
        byte[] wrong = "not a pickle".getBytes(StandardCharsets.US_ASCII);
        RemoteFile f = TaskonomyGroundTruth.AFFINITY_FILE;
        served.put(f.remotePath(), wrong);
        assertThatThrownBy(() -> new GroundTruthFetcher(base, recorder).fetch(dir, f))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining(base.resolve(f.remotePath()).toString())
                .hasMessageContaining("has SHA-256 " + Sha256.of(wrong))
                .hasMessageContaining(f.sha256() + " was expected");
        assertThat(leftovers(dir)).as("neither the target nor a temporary file remains").isEmpty();
    }

    @Test
    void httpErrorIsOneSentenceWithTheUrlAndTheManualFix(@TempDir Path dir) throws IOException {
        RemoteFile f = TaskonomyGroundTruth.WINRATE_FILE;
        assertThatThrownBy(() -> new GroundTruthFetcher(base, recorder).fetch(dir, f))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("downloading " + base.resolve(f.remotePath()) + " failed with HTTP status 404")
                .hasMessageContaining("download the file by hand and put it at "
                        + dir.toAbsolutePath().resolve(f.localPath()))
                .hasMessageNotContaining("\n");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void noServerIsOneSentenceWithTheUrlAndTheManualFix(@TempDir Path dir) {
        server.stop(0);
        // The port was just released; nothing listens on it now.
        RemoteFile f = TaskonomyGroundTruth.AFFINITY_FILE;
        assertThatThrownBy(() -> new GroundTruthFetcher(base, recorder).fetch(dir, f))
                .isInstanceOf(DdsInputException.class)
                .hasMessageContaining("cannot download " + base.resolve(f.remotePath()))
                .hasMessageContaining("check the network connection, or download the file by hand");
    }

    @Test
    void aWrongLocalFileIsReplaced(@TempDir Path dir) throws IOException {
        serveRealFiles();
        RemoteFile f = TaskonomyGroundTruth.AFFINITY_FILE;
        Files.createDirectories(f.in(dir).getParent());
        Files.writeString(f.in(dir), "stale");
        new GroundTruthFetcher(base, recorder).fetch(dir, f);
        assertThat(f.in(dir)).hasSameBinaryContentAs(SharedData.require("groundtruth/" + f.localPath()));
    }

    @Test
    void remoteFilePathsMustBeRelative() {
        assertThatThrownBy(() -> new RemoteFile("a.pkl", "../a.pkl", TaskonomyGroundTruth.AFFINITY_FILE.sha256()))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("must be relative");
        assertThatThrownBy(() -> new RemoteFile("/a.pkl", "a.pkl", TaskonomyGroundTruth.AFFINITY_FILE.sha256()))
                .isInstanceOf(DdsInputException.class).hasMessageContaining("must be relative");
    }

    /** Every regular file under dir (the target and any temporary file). */
    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
