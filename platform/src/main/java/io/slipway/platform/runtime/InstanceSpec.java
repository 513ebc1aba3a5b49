package io.slipway.platform.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What to start: one instance of one release of one app.
 *
 * @param instanceId unique id, also the label that finds the instance again
 * @param app the app name
 * @param release the release number
 * @param image the release's image (docker backends); null for the process backend
 * @param releaseDir the release's bundle directory (process backend); null for image backends
 * @param env environment variables: the manifest's plain ones, and the secrets it names (added, decrypted,
 *     only as the instance starts)
 * @param cpus CPU limit in cores
 * @param memoryBytes memory limit
 */
public record InstanceSpec(String instanceId, String app, int release, String image, Path releaseDir,
        Map<String, String> env, double cpus, long memoryBytes) {

    public InstanceSpec {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(app, "app");
        if (release < 1) {
            throw new IllegalArgumentException("release must be >= 1, got " + release);
        }
        if (image == null && releaseDir == null) {
            throw new IllegalArgumentException("an instance needs an image or a release directory");
        }
        env = Map.copyOf(env);
    }
}
