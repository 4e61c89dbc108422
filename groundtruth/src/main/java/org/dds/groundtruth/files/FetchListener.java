package org.dds.groundtruth.files;

import java.net.URI;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears what {@link GroundTruthFetcher} does, e.g. to show progress on stderr. Every method does nothing by
 * default; {@link #LOGGING} reports through SLF4J.
 */
public interface FetchListener {

    /** Reports through the SLF4J logger {@code org.dds.groundtruth.files.FetchListener}. */
    FetchListener LOGGING = new FetchListener() {
        private final Logger log = LoggerFactory.getLogger(FetchListener.class);

        @Override
        public void alreadyPresent(Path file) {
            log.info("{} is present with the expected SHA-256; not downloaded again", file);
        }

        @Override
        public void started(URI url, Path target) {
            log.info("downloading {} to {}", url, target);
        }

        @Override
        public void progress(URI url, long bytesRead, long contentLength) {
            log.debug("{}: {} of {} bytes", url, bytesRead, contentLength < 0 ? "?" : contentLength);
        }

        @Override
        public void finished(URI url, Path target, String sha256) {
            log.info("saved {} (sha256 {})", target, sha256);
        }
    };

    /**
     * A file is already there with the expected hash, so it is not downloaded.
     *
     * @param file the file
     */
    default void alreadyPresent(Path file) {
    }

    /**
     * A download begins.
     *
     * @param url    where from
     * @param target where to
     */
    default void started(URI url, Path target) {
    }

    /**
     * Some bytes arrived.
     *
     * @param url           where from
     * @param bytesRead     bytes received so far
     * @param contentLength the announced size, or -1 if unknown
     */
    default void progress(URI url, long bytesRead, long contentLength) {
    }

    /**
     * A download was checked and moved into place.
     *
     * @param url    where from
     * @param target the file now in place
     * @param sha256 its SHA-256
     */
    default void finished(URI url, Path target, String sha256) {
    }
}
