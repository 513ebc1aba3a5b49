package io.slipway.platform.build.docker;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An image a build made.
 *
 * @param id the image id ({@code sha256:...})
 * @param tag the tag it was given
 * @param sizeBytes its size with all layers, base included, as {@code docker images} shows it
 * @param buildTime how long the build took, base image included
 * @param cachedLayers the plan's layers the engine took from its build cache
 * @param builtLayers the plan's layers it had to build
 */
public record BuiltImage(String id, String tag, long sizeBytes, Duration buildTime, List<String> cachedLayers,
        List<String> builtLayers) {

    public BuiltImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(buildTime, "buildTime");
        cachedLayers = List.copyOf(cachedLayers);
        builtLayers = List.copyOf(builtLayers);
    }
}
