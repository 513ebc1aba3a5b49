package io.slipway.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Where the secrets key comes from: {@code slipway.secrets.key}, or a key file made once in the data directory. */
final class SecretKeys {

    static final String FILE_NAME = "secrets.key";

    private static final int KEY_BYTES = 32;

    private SecretKeys() {
    }

    /** The configured key when there is one, else the key file's, generated with mode 0600 when missing. */
    static SecretKey load(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.strip(), "slipway.secrets.key");
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                generate(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets key " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temp = file.resolveSibling(FILE_NAME + ".new");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // another platform on the same data directory made it first: use theirs
        } finally {
            Files.delete(temp);
        }
    }

    private static SecretKey decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the secrets key in " + source + " is not base64: " + e.getMessage());
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("the secrets key in " + source + " must be 256 bits (32 bytes, base64),"
                    + " got " + key.length + " bytes; make one with: head -c 32 /dev/urandom | base64");
        }
        return new SecretKeySpec(key, "AES");
    }
}
