package io.slipway.platform.router;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the app router ({@code /apps/...} and {@code {app}.<domain>}) in front of the servlet
 * container, at Jetty's core handler level. A {@link ColdStarts} bean, if there is one, is asked
 * for instances of apps that have none; an {@link InvokeGuard} bean, if there is one, checks keys.
 */
@Configuration(proxyBeanMethods = false)
class RouterConfiguration {

    @Bean
    RoutingTable routingTable(RouterProperties properties) {
        return new RoutingTable(properties.defaultMaxConcurrency());
    }

    @Bean
    TrafficRecorder appTraffic(MeterRegistry registry) {
        return new TrafficRecorder(registry, System::nanoTime, Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    Admission routerAdmission(RoutingTable table, RouterProperties properties, ObjectProvider<ColdStarts> coldStarts) {
        // looked up at each wake-up: the autoscaler that implements it may depend on the router's beans
        return new Admission(table, properties, () -> coldStarts.getIfAvailable(() -> ColdStarts.NONE));
    }

    @Bean
    JettyServerCustomizer appRouting(RoutingTable table, Admission admission, TrafficRecorder traffic,
            RouterProperties properties, ObjectProvider<InvokeGuard> guard) {
        InvokeGuard[] resolved = new InvokeGuard[1]; // looked up once, at the first call: the guard needs the router's table
        AppProxy proxy = new AppProxy(table, admission, traffic, properties, () -> {
            InvokeGuard g = resolved[0];
            if (g == null) {
                g = guard.getIfAvailable(() -> InvokeGuard.OPEN);
                resolved[0] = g;
            }
            return g;
        });
        return server -> {
            AppRouting routing = new AppRouting(properties.domain(), proxy);
            routing.setHandler(server.getHandler());
            server.setHandler(routing);
        };
    }
}
