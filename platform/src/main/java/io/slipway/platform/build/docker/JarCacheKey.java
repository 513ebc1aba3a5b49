package io.slipway.platform.build.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The name of what is made from a jar and kept in a cache folder: its name, size and time, and the maker's version. */
final class JarCacheKey {

    private JarCacheKey() {
    }

    /** 16 hex digits naming {@code jar} as it is now, for the maker at {@code version}. */
    static String of(String version, Path jar) throws IOException {
        String identity = version + "|" + jar.getFileName() + "|" + Files.size(jar) + "|"
                + Files.getLastModifiedTime(jar).toMillis();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
