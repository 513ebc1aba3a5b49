package io.slipway.platform.runtime.process;

import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.InstanceState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;

/** What the state file of one instance says: enough to find its process again and describe it. */
record InstanceRecord(String id, String app, int release, long pid, int port, Instant startedAt, Path releaseDir) {

    InstanceRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(releaseDir, "releaseDir");
    }

    Instance toInstance(InstanceState state) {
        return new Instance(id, app, release, port, state, startedAt, Long.toString(pid));
    }

    Properties toProperties() {
        Properties properties = new Properties();
        properties.setProperty("id", id);
        properties.setProperty("app", app);
        properties.setProperty("release", Integer.toString(release));
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("startedAt", startedAt.toString());
        properties.setProperty("releaseDir", releaseDir.toString());
        return properties;
    }

    /** @throws IllegalArgumentException naming the key that is missing or malformed */
    static InstanceRecord fromProperties(Properties properties) {
        return new InstanceRecord(required(properties, "id"), required(properties, "app"),
                Integer.parseInt(required(properties, "release")), Long.parseLong(required(properties, "pid")),
                Integer.parseInt(required(properties, "port")), Instant.parse(required(properties, "startedAt")),
                Path.of(required(properties, "releaseDir")));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing key '" + key + "'");
        }
        return value;
    }
}
