package io.slipway.platform.metrics;

import io.slipway.platform.app.AppRepository;
import io.slipway.platform.router.RoutingTable;
import io.slipway.platform.router.TrafficRecorder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The instance history (one hour, like the router's) and its sampler ({@code slipway.dashboard.sample-interval}, 2 s). */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    InstanceHistory instanceHistory() {
        return new InstanceHistory(TrafficRecorder.BUCKET.multipliedBy(TrafficRecorder.BUCKETS));
    }

    @Bean
    InstanceSampler instanceSampler(AppRepository apps, RoutingTable table, InstanceHistory history, Clock clock,
            @Value("${slipway.dashboard.sample-interval:2s}") Duration interval) {
        return new InstanceSampler(apps, table, history, clock, interval);
    }
}
