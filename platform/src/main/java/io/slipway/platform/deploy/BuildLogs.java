package io.slipway.platform.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/** Where build logs live (one file per deployment), and how they are followed while written. */
public final class BuildLogs {

    private final Path directory;
    private final Clock clock;

    public BuildLogs(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public BuildLog open(String deploymentId) {
        return new BuildLog(file(deploymentId), clock);
    }

    public Path file(String deploymentId) {
        return directory.resolve(deploymentId + ".log");
    }

    /**
     * Copies the log to {@code out} as it grows, until {@code finished} says the deployment is
     * over and everything written has been sent.
     */
    public void follow(String deploymentId, OutputStream out, BooleanSupplier finished) throws IOException {
        Path file = file(deploymentId);
        long position = 0;
        byte[] buffer = new byte[8192];
        while (true) {
            boolean over = finished.getAsBoolean();
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    in.skipNBytes(position);
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        out.write(buffer, 0, read);
                        position += read;
                    }
                }
                out.flush();
            }
            if (over) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void delete(String deploymentId) {
        try {
            Files.deleteIfExists(file(deploymentId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
