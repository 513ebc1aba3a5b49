package io.slipway.buildpacks.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an image builder needs to build the image of one release, decided without Docker:
 * the base image, the layers from bottom to top (so work is shared: runtime, then engine, then
 * the model alone on top), and the settings of the container.
 *
 * @param buildpack id of the buildpack that made the plan
 * @param engine the inference engine the image carries ({@code onnxruntime}, {@code pytorch}, {@code none})
 * @param baseImage the image to build {@code FROM}
 * @param layers the layers in order, bottom first
 * @param workingDir the working directory in the container
 * @param entrypoint the command that starts the runtime
 * @param env environment of the container
 * @param labels image labels
 * @param port the port the runtime listens on inside the container
 * @param user the non-root user (uid[:gid]) the container runs as
 * @param healthCheck the command that tells Docker whether the instance is ready
 */
public record BuildPlan(String buildpack, String engine, String baseImage, List<Layer> layers, String workingDir,
        List<String> entrypoint, Map<String, String> env, Map<String, String> labels, int port, String user,
        List<String> healthCheck) {

    public BuildPlan {
        Objects.requireNonNull(buildpack, "buildpack");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(baseImage, "baseImage");
        layers = List.copyOf(layers);
        Objects.requireNonNull(workingDir, "workingDir");
        entrypoint = List.copyOf(entrypoint);
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        Objects.requireNonNull(user, "user");
        healthCheck = List.copyOf(healthCheck);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers must not be empty");
        }
    }
}
