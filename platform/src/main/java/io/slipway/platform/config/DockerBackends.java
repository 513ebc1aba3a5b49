package io.slipway.platform.config;

import java.nio.file.Path;

/** The Docker backend and image builder, when an engine answers. */
final class DockerBackends {

    private DockerBackends() {
    }

    /** The Docker pair, or null when no engine answers (an error when {@code required}). */
    static Backends tryConnect(SlipwayProperties properties, Path runtimeDistribution, boolean required) {
        if (required) {
            throw new IllegalStateException("slipway.backend=docker but the Docker backend is not wired yet");
        }
        return null;
    }
}
