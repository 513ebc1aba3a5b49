package io.slipway.platform.scaling.api;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code slipway.scaling.*}.
 *
 * @param tracesDir where {@code POST /api/v1/simulations} finds traces by name; when empty,
 *     {@code ../shared/traces} beside the repository the platform runs from, if there is one
 */
@ConfigurationProperties("slipway.scaling")
public record ScalingProperties(Path tracesDir) {
}
