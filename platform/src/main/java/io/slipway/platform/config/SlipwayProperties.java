package io.slipway.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code slipway.*}.
 *
 * @param dataDir where everything Slipway keeps lives: database, bundles, build cache, logs
 * @param backend {@code auto} (Docker when an engine answers, else processes), {@code docker} or {@code process}
 * @param dockerHost the Docker engine to use
 * @param baseImage the runtime base image; bootstrapped locally when it cannot be found or pulled
 * @param runtimeDistribution the model runtime (model-runtime.jar + lib/); found next to the
 *     project or in /opt/slipway/runtime-dist when not given
 * @param publicUrl how users reach this platform, for endpoint URLs; derived from requests when empty
 * @param maxBundleSize the largest bundle upload accepted
 * @param readyTimeout how long new instances of a release may take to become ready
 * @param drainTimeout how long instances leaving service get to finish requests in flight
 * @param reconcileInterval how often desired and actual instances are compared
 */
@ConfigurationProperties("slipway")
public record SlipwayProperties(
        @DefaultValue("slipway-data") Path dataDir,
        @DefaultValue("auto") String backend,
        @DefaultValue("unix:///var/run/docker.sock") String dockerHost,
        @DefaultValue("slipway/runtime-base:jre17") String baseImage,
        Path runtimeDistribution,
        String publicUrl,
        @DefaultValue("1GB") DataSize maxBundleSize,
        @DefaultValue("120s") Duration readyTimeout,
        @DefaultValue("30s") Duration drainTimeout,
        @DefaultValue("2s") Duration reconcileInterval) {

    public Path dataDir() {
        return dataDir.toAbsolutePath().normalize();
    }
}
