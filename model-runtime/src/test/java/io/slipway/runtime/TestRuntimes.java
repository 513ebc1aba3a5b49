package io.slipway.runtime;

import io.slipway.buildpacks.manifest.Batching;
import io.slipway.buildpacks.manifest.ServingSpec;
import io.slipway.runtime.model.EchoModel;
import io.slipway.runtime.tensor.DataType;
import io.slipway.runtime.tensor.TensorInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Starts runtimes for tests: the echo model over HTTP, or a bundle from the repository. */
final class TestRuntimes {

    private TestRuntimes() {
    }

    static ServingSpec serving(Batching batching, int maxConcurrency, int queueSize, Duration timeout) {
        return new ServingSpec(batching, 1, maxConcurrency, queueSize, timeout, 1 << 20);
    }

    static ModelRuntime echo(List<TensorInfo> inputs, Duration delay, ServingSpec serving) {
        return ModelRuntime.start("127.0.0.1", 0, serving, List.of(),
                () -> EchoModel.echoing("echo", inputs, delay));
    }

    static TensorInfo input(String name, DataType type, long... shape) {
        return new TensorInfo(name, type, shape);
    }

    /** A bundle under {@code sample-apps/} of the repository. */
    static Path sample(String name) {
        return repository().resolve("sample-apps").resolve(name);
    }

    /** A fixture bundle under {@code src/test/resources/models/}. */
    static Path fixture(String name) {
        return Path.of("src/test/resources/models").resolve(name).toAbsolutePath();
    }

    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !dir.resolve("sample-apps").toFile().isDirectory()) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
