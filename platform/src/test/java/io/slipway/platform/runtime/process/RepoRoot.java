package io.slipway.platform.runtime.process;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, found by walking up from the working directory to {@code sample-apps/}. */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("sample-apps"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no sample-apps/ above " + Path.of("").toAbsolutePath());
    }
}
