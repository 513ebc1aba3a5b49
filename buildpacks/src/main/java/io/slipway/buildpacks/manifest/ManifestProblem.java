package io.slipway.buildpacks.manifest;

import java.io.Serializable;
import java.util.Objects;

/**
 * One thing wrong with a manifest or with the bundle files it names.
 *
 * <p>{@link #toString()} renders it as {@code file[:line]: [path: ]message}, for example
 * {@code slipway.yaml:14: scaling.maxInstances: must be >= minInstances (3)}. The line is left out
 * when it is unknown (0), the path when the problem concerns the whole document.
 *
 * @param file the manifest file name, e.g. {@code slipway.yaml}
 * @param line the 1-based line of the YAML node the problem is about, or 0 when not known
 * @param path the field path, e.g. {@code scaling.schedule[0].cron}, or empty for the whole document
 * @param message what was expected, e.g. {@code must be between 1 and 64, got 0}
 */
public record ManifestProblem(String file, int line, String path, String message) implements Serializable {

    /** Checks the components. */
    public ManifestProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, got " + line);
        }
    }

    /**
     * A problem whose line is not known.
     * @param file the manifest file name
     * @param path the field path, or empty
     * @param message what was expected
     */
    public ManifestProblem(String file, String path, String message) {
        this(file, 0, path, message);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }

}
