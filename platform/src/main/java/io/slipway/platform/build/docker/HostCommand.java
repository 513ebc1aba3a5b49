package io.slipway.platform.build.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a host tool (jdeps, jlink, ldd, java) with a time limit and returns what it printed. */
final class HostCommand {

    private HostCommand() {
    }

    static String run(List<String> command, Duration timeout) {
        return run(command, Map.of(), timeout);
    }

    /**
     * Runs {@code command} with {@code env} added to (or, for null values, removed from) this
     * process's environment; stdout and stderr together.
     *
     * @throws HostCommandException when it cannot start, times out or exits non-zero
     */
    static String run(List<String> command, Map<String, String> env, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("slipway-cmd", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            env.forEach((key, value) -> {
                if (value == null) {
                    builder.environment().remove(key);
                } else {
                    builder.environment().put(key, value);
                }
            });
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new HostCommandException(command.get(0) + " did not finish within " + timeout.toSeconds()
                        + " s", tail(output));
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new HostCommandException(command.get(0) + " exited with " + process.exitValue(), tail(output));
            }
            return printed;
        } catch (IOException e) {
            throw new HostCommandException("cannot run " + command.get(0) + ": " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostCommandException("interrupted while running " + command.get(0), "");
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static String tail(Path output) {
        try {
            String text = Files.readString(output, StandardCharsets.UTF_8).strip();
            return text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "";
        }
    }

    /** A host tool failed; carries the end of what it printed. */
    static final class HostCommandException extends RuntimeException {

        private final String output;

        HostCommandException(String message, String output) {
            super(output.isEmpty() ? message : message + ":\n" + output);
            this.output = output;
        }

        String output() {
            return output;
        }
    }
}
