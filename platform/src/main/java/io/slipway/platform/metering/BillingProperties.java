package io.slipway.platform.metering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Prices and metering settings under {@code slipway.billing.*}.
 *
 * @param currency the currency prices are in, shown next to every cost
 * @param instanceHour price of one instance running one hour, whatever its size
 * @param vcpuHour price of one CPU core of limit for one hour
 * @param gibHour price of one GiB of memory limit for one hour
 * @param zone the time zone months are counted in
 * @param syncInterval how often running instances are checked against the meter
 */
@ConfigurationProperties("slipway.billing")
public record BillingProperties(
        @DefaultValue("USD") String currency,
        @DefaultValue("0.01") BigDecimal instanceHour,
        @DefaultValue("0.04") BigDecimal vcpuHour,
        @DefaultValue("0.005") BigDecimal gibHour,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("5s") Duration syncInterval) {

    public BillingProperties {
        requireNotNegative("instanceHour", instanceHour);
        requireNotNegative("vcpuHour", vcpuHour);
        requireNotNegative("gibHour", gibHour);
    }

    private static void requireNotNegative(String field, BigDecimal price) {
        if (price == null || price.signum() < 0) {
            throw new IllegalArgumentException("slipway.billing." + field + " must be a price >= 0, got " + price);
        }
    }
}
