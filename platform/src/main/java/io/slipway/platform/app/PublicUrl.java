package io.slipway.platform.app;

import io.slipway.platform.config.SlipwayProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** How users reach the platform: the configured public URL, or the one the request came to. */
@Component
public class PublicUrl {

    private final String configured;

    public PublicUrl(SlipwayProperties properties) {
        this.configured = properties.publicUrl();
    }

    public String of(HttpServletRequest request) {
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }
}
