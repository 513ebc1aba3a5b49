package io.slipway.platform.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the model runtime (model-runtime.jar + lib/) that instances run. */
final class RuntimeDistributions {

    private RuntimeDistributions() {
    }

    static Path locate(Path configured) {
        if (configured != null) {
            return require(configured.toAbsolutePath().normalize());
        }
        Path image = Path.of("/opt/slipway/runtime-dist");
        if (Files.isRegularFile(image.resolve("model-runtime.jar"))) {
            return image;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("model-runtime/target");
            if (Files.isRegularFile(candidate.resolve("model-runtime.jar"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the model runtime: build it (mvn -B install -DskipTests) or set "
                + "slipway.runtime-distribution to a folder with model-runtime.jar and lib/");
    }

    private static Path require(Path dir) {
        if (!Files.isRegularFile(dir.resolve("model-runtime.jar")) || !Files.isDirectory(dir.resolve("lib"))) {
            throw new IllegalStateException("slipway.runtime-distribution " + dir
                    + " has no model-runtime.jar and lib/ (build it with mvn -B install -DskipTests)");
        }
        return dir;
    }
}
