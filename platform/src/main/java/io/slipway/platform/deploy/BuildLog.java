package io.slipway.platform.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The build log of one deployment: appended line by line to a file, so it can be followed while
 * the build runs and read again afterwards.
 */
public final class BuildLog implements Consumer<String>, AutoCloseable {

    private final Writer writer;
    private final Clock clock;
    private final Instant start;

    BuildLog(Path file, Clock clock) {
        try {
            Files.createDirectories(file.getParent());
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open build log " + file, e);
        }
        this.clock = clock;
        this.start = clock.instant();
    }

    /** Appends one line, prefixed with the seconds since the deployment began. */
    @Override
    public synchronized void accept(String line) {
        try {
            double seconds = Duration.between(start, clock.instant()).toMillis() / 1000.0;
            for (String part : line.split("\n", -1)) {
                if (!part.isBlank()) {
                    writer.write(String.format("[%6.1fs] %s%n", seconds, part.stripTrailing()));
                }
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a named step, logging its start, its duration and how it ended. */
    public <T> T step(String name, java.util.concurrent.Callable<T> work) throws Exception {
        accept("-----> " + name);
        Instant begun = clock.instant();
        try {
            T result = work.call();
            accept("       done in " + Duration.between(begun, clock.instant()).toMillis() + " ms");
            return result;
        } catch (Exception e) {
            accept("       failed after " + Duration.between(begun, clock.instant()).toMillis() + " ms: " + e.getMessage());
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
