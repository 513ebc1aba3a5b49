package io.slipway.platform.quota;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The quota every owner gets, under {@code slipway.quotas.*}.
 *
 * @param maxApps apps one owner may have
 * @param maxInstances instances of all of one owner's apps together
 * @param maxCpus CPU cores (the sum of the instances' CPU limits) of one owner
 * @param maxMemory memory (the sum of the instances' memory limits) of one owner
 * @param maxBundleSize the largest bundle one owner may upload (at most {@code slipway.max-bundle-size})
 */
@ConfigurationProperties("slipway.quotas")
public record QuotaProperties(
        @DefaultValue("50") int maxApps,
        @DefaultValue("50") int maxInstances,
        @DefaultValue("32") double maxCpus,
        @DefaultValue("64GB") DataSize maxMemory,
        @DefaultValue("1GB") DataSize maxBundleSize) {

    public QuotaProperties {
        if (maxApps < 0 || maxInstances < 0 || maxCpus < 0) {
            throw new IllegalArgumentException("slipway.quotas.max-apps, max-instances and max-cpus must be >= 0");
        }
    }

    Quota quota() {
        return new Quota(maxApps, maxInstances, maxCpus, maxMemory.toBytes(), maxBundleSize.toBytes());
    }
}
