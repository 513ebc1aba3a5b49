package io.slipway.platform.scaling.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * A request-rate series: mean requests per second for each step of {@code step}, from {@code start}.
 *
 * @param name where it came from, for reports
 */
public record Trace(String name, Instant start, Duration step, double[] rps) {

    /** The start of the NASA-HTTP trace: 1995-07-01 00:00:00 -0400. */
    public static final Instant NASA_START = Instant.parse("1995-07-01T04:00:00Z");
    /** The file name of the NASA trace in the shared traces folder. */
    public static final String NASA = "nasa-1995-rps.txt.gz";

    public Trace {
        if (rps.length == 0) {
            throw new IllegalArgumentException("a trace needs at least one step");
        }
        for (double r : rps) {
            if (!Double.isFinite(r) || r < 0) {
                throw new IllegalArgumentException("trace rates must be finite and >= 0, got " + r);
            }
        }
    }

    /**
     * Reads a per-second trace file (one integer a line, gzip when the name ends in .gz), a part of it,
     * averaged over {@code aggregate}-second steps (a last partial step is dropped).
     */
    public static Trace read(Path file, Instant start, long skipSeconds, long seconds, int aggregate) {
        if (aggregate < 1) {
            throw new IllegalArgumentException("aggregate must be >= 1, got " + aggregate);
        }
        double[] out = new double[(int) Math.min(Integer.MAX_VALUE - 8, (seconds + aggregate - 1) / aggregate)];
        int n = 0;
        try (var in = Files.newInputStream(file);
                var reader = new BufferedReader(new InputStreamReader(
                        file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in,
                        StandardCharsets.US_ASCII), 1 << 16)) {
            long line = 0;
            long sum = 0;
            int inStep = 0;
            String text;
            while ((text = reader.readLine()) != null && line < skipSeconds + seconds) {
                if (line++ < skipSeconds) {
                    continue;
                }
                sum += Long.parseLong(text.trim());
                if (++inStep == aggregate) {
                    out[n++] = (double) sum / aggregate;
                    sum = 0;
                    inStep = 0;
                }
            }
            if (inStep > 0 && n == 0) {
                out[n++] = (double) sum / inStep; // shorter than one step: keep what there is
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file, e);
        }
        return new Trace(file.getFileName().toString(), start.plusSeconds(skipSeconds), Duration.ofSeconds(aggregate),
                Arrays.copyOf(out, n));
    }

    /** This trace with every rate multiplied by {@code factor}. */
    public Trace scaled(double factor) {
        return new Trace(name, start, step, Arrays.stream(rps).map(r -> r * factor).toArray());
    }

    /** The highest rate. */
    public double peak() {
        return Arrays.stream(rps).max().orElse(0);
    }

    /** How long the trace lasts. */
    public Duration length() {
        return step.multipliedBy(rps.length);
    }

    /**
     * The shared traces folder, {@code <repo>/../shared/traces}, where {@code <repo>} is the first folder
     * holding {@code sample-apps/} at or above {@code from}.
     */
    public static Path sharedTraces(Path from) {
        for (Path dir = from.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("sample-apps"))) {
                return dir.resolveSibling("shared").resolve("traces");
            }
        }
        throw new IllegalStateException("no sample-apps/ folder at or above " + from.toAbsolutePath());
    }
}
