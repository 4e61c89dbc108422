package org.dds.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of bytes, text and files (streamed, so a file of any size is hashed in constant memory). */
public final class Sha256 {
    private Sha256() {
    }

    /** @return a fresh SHA-256 digest, for hashing data as it is produced or read */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest Javadoc), so this cannot happen.
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /**
     * @param digest a digest that has been fed
     * @return its value as 64 lower-case hex digits (the digest is reset)
     */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * @param bytes some bytes
     * @return their SHA-256 as 64 lower-case hex digits
     */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * @param text some text
     * @return the SHA-256 of its UTF-8 bytes, 64 lower-case hex digits
     */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param in a stream, read to its end (not closed)
     * @return the SHA-256 of what was read, 64 lower-case hex digits
     * @throws IOException if reading fails
     */
    public static String of(InputStream in) throws IOException {
        DigestInputStream d = new DigestInputStream(in, digest());
        d.transferTo(OutputStream.nullOutputStream());
        return hex(d.getMessageDigest());
    }

    /**
     * @param file a file
     * @return the SHA-256 of its bytes, 64 lower-case hex digits
     * @throws UncheckedIOException if the file cannot be read
     */
    public static String of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
