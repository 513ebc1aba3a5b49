package io.slipway.platform.router;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code slipway.router.*}.
 *
 * @param domain apps are also served at {@code {app}.<domain>} (any port); {@code localhost} makes
 *     {@code iris.localhost:8080} work without DNS
 * @param timeout how long an instance may take to answer one request before the client gets 504
 * @param queueSize requests per app that may wait for a free instance slot; more get 503
 * @param maxQueueWait how long a request may wait for a free slot before it gets 503
 * @param coldStartWait how long a request to an app without ready instances is held while one starts
 * @param defaultMaxConcurrency requests one instance takes at once when its app does not say
 * @param retryAfter the {@code Retry-After} sent with a 503
 * @param maxThreads threads of the proxy's HTTP client
 */
@ConfigurationProperties("slipway.router")
public record RouterProperties(
        @DefaultValue("localhost") String domain,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("100") int queueSize,
        @DefaultValue("30s") Duration maxQueueWait,
        @DefaultValue("20s") Duration coldStartWait,
        @DefaultValue("8") int defaultMaxConcurrency,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("64") int maxThreads) {

    public RouterProperties {
        if (queueSize < 0) {
            throw new IllegalArgumentException("slipway.router.queue-size: must be >= 0, was " + queueSize);
        }
        if (defaultMaxConcurrency < 1) {
            throw new IllegalArgumentException("slipway.router.default-max-concurrency: must be >= 1");
        }
        domain = domain.toLowerCase(java.util.Locale.ROOT);
    }

    /** The defaults, for tests and plain construction. */
    public static RouterProperties defaults() {
        return new RouterProperties("localhost", Duration.ofSeconds(60), 100, Duration.ofSeconds(30),
                Duration.ofSeconds(20), 8, Duration.ofSeconds(1), 64);
    }
}
