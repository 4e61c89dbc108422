package org.dds.groundtruth.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.dds.io.AtomicFiles;
import org.dds.io.Sha256;
import org.dds.core.DdsInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads public ground-truth files into a ground-truth directory. Each file is streamed into a temporary
 * file in its target directory while its SHA-256 is computed; only a file with the expected hash is renamed
 * (atomically) into place, so a failed or corrupted download never leaves a partial or wrong file behind. A file
 * already present with the expected hash is not downloaded again. Redirects are followed (GitHub's raw URLs
 * redirect), except from https to http.
 */
public final class GroundTruthFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(GroundTruthFetcher.class);

    /** Largest download accepted; the Taskonomy files are under 200 KB, so anything this big is not them. */
    public static final long MAX_BYTES = 64L << 20;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final int BUFFER = 64 * 1024;

    private final URI baseUrl;
    private final HttpClient client;
    private final FetchListener listener;

    /**
     * @param baseUrl  the URL the files' remote paths are relative to (a trailing '/' is added if missing)
     * @param client   the HTTP client; see {@link #defaultClient()}
     * @param listener hears about progress, e.g. {@link FetchListener#LOGGING}
     */
    public GroundTruthFetcher(URI baseUrl, HttpClient client, FetchListener listener) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String s = baseUrl.toString();
        this.baseUrl = s.endsWith("/") ? baseUrl : URI.create(s + "/");
        this.client = Objects.requireNonNull(client, "client");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * @param baseUrl  the URL the files' remote paths are relative to
     * @param listener hears about progress
     */
    public GroundTruthFetcher(URI baseUrl, FetchListener listener) {
        this(baseUrl, defaultClient(), listener);
    }

    /** @return an HTTP client that follows redirects (not https to http) and gives up connecting after 20 s */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /** @return the base URL, ending in '/' */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Makes sure every file is in {@code directory} with its expected hash, downloading those that are not.
     *
     * @param directory the ground-truth directory (created if missing)
     * @param files     the files
     * @return the local paths, in the order of {@code files}
     * @throws DdsInputException if a download fails or has the wrong hash (one sentence with the URL and the fix)
     * @throws UncheckedIOException if the local disk cannot be written
     */
    public List<Path> fetchAll(Path directory, List<RemoteFile> files) {
        List<Path> out = new ArrayList<>(files.size());
        for (RemoteFile f : files) {
            out.add(fetch(directory, f));
        }
        return out;
    }

    /**
     * Makes sure one file is in {@code directory} with its expected hash, downloading it if it is not.
     *
     * @param directory the ground-truth directory (created if missing)
     * @param file      the file
     * @return its local path
     * @throws DdsInputException if the download fails or has the wrong hash
     * @throws UncheckedIOException if the local disk cannot be written
     */
    public Path fetch(Path directory, RemoteFile file) {
        Path target = file.in(directory).toAbsolutePath().normalize();
        URI url = file.url(baseUrl);
        try {
            if (Files.isRegularFile(target)) {
                String present = Sha256.of(Files.readAllBytes(target));
                if (present.equals(file.sha256())) {
                    listener.alreadyPresent(target);
                    return target;
                }
                LOG.warn("{} has SHA-256 {} but {} was expected; downloading it again", target, present,
                        file.sha256());
            }
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + target + ": " + e.getMessage(), e);
        }
        listener.started(url, target);
        String[] actual = new String[1];
        // Written beside the target and renamed only once its hash is right: a broken or wrong download leaves
        // the target as it was.
        AtomicFiles.writeFile(target, temp -> {
            actual[0] = download(url, temp, file, target);
            if (!actual[0].equals(file.sha256())) {
                throw new DdsInputException("the file downloaded from " + url + " has SHA-256 " + actual[0]
                        + " but " + file.sha256() + " was expected, so it was not saved: retry later, or download"
                        + " it by hand, check its hash and put it at " + target);
            }
        });
        listener.finished(url, target, actual[0]);
        return target;
    }

    /** Streams the body of {@code url} into {@code temp}; returns the SHA-256 of what was written. */
    private String download(URI url, Path temp, RemoteFile file, Path target) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(RESPONSE_TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new DdsInputException("cannot download " + url + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): check the network connection,"
                    + " or download the file by hand and put it at " + target + " (SHA-256 " + file.sha256() + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("download of " + url + " was interrupted"));
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new DdsInputException("downloading " + url + " failed with HTTP status "
                        + response.statusCode() + ": check the URL, or download the file by hand and put it at "
                        + target + " (SHA-256 " + file.sha256() + ")");
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
            return copyHashing(url, body, temp, length);
        } catch (IOException e) {
            throw new DdsInputException("download of " + url + " broke off (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): retry, or download the file by"
                    + " hand and put it at " + target + " (SHA-256 " + file.sha256() + ")", e);
        }
    }

    private String copyHashing(URI url, InputStream body, Path temp, long length) throws IOException {
        MessageDigest digest = Sha256.digest();
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(temp)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > MAX_BYTES) {
                    throw new DdsInputException(url + " sent more than " + MAX_BYTES
                            + " bytes, far more than a ground-truth file: check the URL");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                listener.progress(url, total, length);
            }
        }
        return Sha256.hex(digest);
    }

    @Override
    public String toString() {
        return "GroundTruthFetcher(" + baseUrl + ")";
    }
}
