package io.slipway.platform.config;

import io.slipway.platform.build.DirectoryReleaseBuilder;
import io.slipway.platform.build.ReleaseBuilder;
import io.slipway.platform.runtime.RuntimeBackend;
import io.slipway.platform.runtime.process.ProcessBackend;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime backend and its matching release builder, chosen at start: Docker when an engine
 * answers (or is asked for), else child processes; the choice is logged.
 */
record Backends(RuntimeBackend backend, ReleaseBuilder builder) {

    private static final Logger log = LoggerFactory.getLogger(Backends.class);

    static Backends select(SlipwayProperties properties, Path runtimeDistribution, Clock clock) {
        String wanted = properties.backend();
        if (!wanted.equals("auto") && !wanted.equals("docker") && !wanted.equals("process")) {
            throw new IllegalStateException("slipway.backend must be auto, docker or process, got " + wanted);
        }
        if (!wanted.equals("process")) {
            Backends docker = DockerBackends.tryConnect(properties, runtimeDistribution, wanted.equals("docker"));
            if (docker != null) {
                log.info("runtime backend: docker ({}), base image {}", properties.dockerHost(), properties.baseImage());
                return docker;
            }
            log.warn("no Docker engine reachable at {}: running instances as child processes (process backend)",
                    properties.dockerHost());
        }
        log.info("runtime backend: process (child JVMs running {})", runtimeDistribution.resolve("model-runtime.jar"));
        return new Backends(new ProcessBackend(runtimeDistribution, properties.dataDir().resolve("instances"), clock),
                new DirectoryReleaseBuilder());
    }
}
