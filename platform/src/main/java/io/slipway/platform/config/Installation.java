package io.slipway.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This installation's id: made once, kept in the data directory, and written on everything it
 * leaves on a shared engine (container labels, image tags), so two Slipways on one Docker engine
 * never adopt, stop or overwrite each other's containers and images.
 */
public record Installation(String id) {

    static final String FILE = "installation-id";

    public Installation {
        if (id == null || !id.matches("[a-f0-9]{12}")) {
            throw new IllegalArgumentException("installation id must be 12 lower-case hex digits, got " + id);
        }
    }

    /** The id kept in {@code dataDir}, made and kept there on first use. */
    public static Installation of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new Installation(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            Installation made = new Installation(HexFormat.of().formatHex(random));
            Files.createDirectories(dataDir);
            Path partial = Files.createTempFile(dataDir, FILE, ".tmp");
            Files.writeString(partial, made.id() + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the installation id in " + file, e);
        }
    }
}
