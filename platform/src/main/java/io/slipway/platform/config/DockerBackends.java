package io.slipway.platform.config;

import com.github.dockerjava.api.DockerClient;
import io.slipway.buildpacks.Buildpacks;
import io.slipway.buildpacks.RuntimeDistribution;
import io.slipway.platform.build.DockerReleaseBuilder;
import io.slipway.platform.build.docker.BaseImageBootstrap;
import io.slipway.platform.build.docker.DockerImageBuilder;
import io.slipway.platform.runtime.docker.ContainerSettings;
import io.slipway.platform.runtime.docker.DockerBackend;
import io.slipway.platform.runtime.docker.DockerClients;
import java.nio.file.Path;

/** The Docker backend and image builder, when an engine answers. */
final class DockerBackends {

    private DockerBackends() {
    }

    /** The Docker pair, or null when no engine answers (an error when {@code required}). */
    static Backends tryConnect(SlipwayProperties properties, Path runtimeDistribution, boolean required) {
        if (!DockerClients.reachable(properties.dockerHost(), java.time.Duration.ofSeconds(10))) {
            if (required) {
                throw new IllegalStateException("slipway.backend=docker but no Docker engine answers at "
                        + properties.dockerHost());
            }
            return null;
        }
        DockerClient docker = DockerClients.connect(properties.dockerHost());
        Path cache = properties.dataDir().resolve("build-cache");
        BaseImageBootstrap baseImages = new BaseImageBootstrap(docker, runtimeDistribution, cache.resolve("base"));
        DockerImageBuilder images = new DockerImageBuilder(docker, baseImages, cache);
        Installation installation = Installation.of(properties.dataDir());
        return new Backends(
                new DockerBackend(docker, ContainerSettings.DEFAULTS.withInstallation(installation.id())),
                new DockerReleaseBuilder(docker, images, Buildpacks.standard(), RuntimeDistribution.scan(runtimeDistribution),
                        properties.baseImage(), installation.id()));
    }
}
