package io.slipway.platform.config;

import io.slipway.platform.app.AppRepository;
import io.slipway.platform.quota.Quotas;
import io.slipway.platform.router.RoutingTable;
import io.slipway.platform.router.TrafficRecorder;
import io.slipway.platform.runtime.CpuSampler;
import io.slipway.platform.runtime.Reconciler;
import io.slipway.platform.runtime.Rollouts;
import io.slipway.platform.runtime.RuntimeBackend;
import io.slipway.platform.scaling.AutoscalerLoop;
import io.slipway.platform.scaling.store.DemandStore;
import io.slipway.platform.scaling.store.ScalingEvents;
import io.slipway.platform.scaling.store.ScalingPolicies;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The wiring of the autoscaler's control loop, which also answers the router's cold starts. */
@Configuration(proxyBeanMethods = false)
class ScalingConfiguration {

    @Bean
    CpuSampler cpuSampler(RuntimeBackend backend, Clock clock) {
        return new CpuSampler(backend, clock);
    }

    @Bean
    AutoscalerLoop autoscalerLoop(AppRepository apps, ScalingPolicies policies, ScalingEvents events, DemandStore demand,
            TrafficRecorder traffic, RoutingTable table, RuntimeBackend backend, CpuSampler cpu, Reconciler reconciler,
            Rollouts rollouts, Clock clock, @Value("${slipway.scaling.tick:2s}") Duration tick,
            @Value("${slipway.scaling.startup-time:3s}") Duration startupTime, Quotas quotas) {
        return new AutoscalerLoop(apps, policies, events, demand, traffic, table, backend, cpu, reconciler, rollouts,
                Executors.newCachedThreadPool(runnable -> {
                    Thread thread = new Thread(runnable, "cold-start");
                    thread.setDaemon(true);
                    return thread;
                }), clock, tick, startupTime, quotas);
    }

    /** Runs the control loop every tick (slipway.scaling.tick, 2 s). */
    @Component
    static class AutoscaleSchedule {

        private final AutoscalerLoop loop;

        AutoscaleSchedule(AutoscalerLoop loop) {
            this.loop = loop;
        }

        @Scheduled(fixedDelayString = "${slipway.scaling.tick:2s}", initialDelayString = "2s")
        void tick() {
            loop.tick();
        }
    }
}
