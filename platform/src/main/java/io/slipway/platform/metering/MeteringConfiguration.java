package io.slipway.platform.metering;

import io.slipway.platform.app.App;
import io.slipway.platform.app.AppRepository;
import io.slipway.platform.release.ReleaseRepository;
import io.slipway.platform.runtime.InstanceSpecs;
import io.slipway.platform.runtime.RuntimeBackend;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The meter, its periodic sync with the backend, and the usage report at the configured prices. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
class MeteringConfiguration {

    @Bean
    UsageMeter usageMeter(InstanceUsageRepository usages, TransactionTemplate tx, Clock clock,
            ReleaseRepository releases, AppRepository apps) {
        return new UsageMeter(usages, tx, clock, app -> apps.findById(app).map(App::getOwner).orElse(null),
                (app, release) -> releases
                .findByAppAndNumber(app, release)
                .map(r -> {
                    var resources = InstanceSpecs.manifest(r).resources();
                    return new double[] {resources.cpu(), resources.memoryBytes()};
                })
                .orElse(new double[] {0, 0}));
    }

    @Bean
    UsageReport usageReport(BillingProperties billing) {
        return new UsageReport(billing);
    }

    @Bean
    Usage usage(InstanceUsageRepository usages, UsageReport reports, BillingProperties billing, Clock clock) {
        return new Usage(usages, reports, billing, clock);
    }

    /** Checks the meter against the backend every {@code slipway.billing.sync-interval}. */
    @Component
    static class MeteringSync {

        private final UsageMeter meter;
        private final RuntimeBackend backend;
        private final Clock clock;

        MeteringSync(UsageMeter meter, RuntimeBackend backend, Clock clock) {
            this.meter = meter;
            this.backend = backend;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "${slipway.billing.sync-interval:5s}", initialDelayString = "1s")
        void sync() {
            Instant listedAt = clock.instant();
            meter.sync(backend.list(), listedAt);
        }
    }
}
