package io.slipway.platform.router;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Mounts the app router at {@code /apps/*} and on {@code {app}.<domain>}. A {@link ColdStarts}
 * bean, if there is one, is asked for instances of apps that have none.
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
    AppProxyServlet appProxyServlet(RoutingTable table, Admission admission, TrafficRecorder traffic,
            RouterProperties properties, ObjectProvider<InvokeGuard> guard) {
        InvokeGuard[] resolved = new InvokeGuard[1]; // looked up once, at the first call: the guard needs the router's table
        return new AppProxyServlet(table, admission, traffic, properties, () -> {
            InvokeGuard g = resolved[0];
            if (g == null) {
                g = guard.getIfAvailable(() -> InvokeGuard.OPEN);
                resolved[0] = g;
            }
            return g;
        });
    }

    @Bean
    ServletRegistrationBean<AppProxyServlet> appProxy(AppProxyServlet servlet, RouterProperties properties) {
        ServletRegistrationBean<AppProxyServlet> registration = new ServletRegistrationBean<>(servlet, "/apps/*");
        initParameters(properties).forEach(registration::addInitParameter);
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RoutingFilter> appRouting(AppProxyServlet servlet, RouterProperties properties) {
        FilterRegistrationBean<RoutingFilter> registration =
                new FilterRegistrationBean<>(new RoutingFilter(properties.domain(), servlet));
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        registration.setAsyncSupported(true);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The proxy servlet's init parameters (Jetty's names). */
    static java.util.Map<String, String> initParameters(RouterProperties properties) {
        return java.util.Map.of(
                "timeout", Long.toString(properties.timeout().toMillis()),
                "idleTimeout", Long.toString(properties.timeout().toMillis()),
                "maxThreads", Integer.toString(properties.maxThreads()),
                "maxConnections", "1024");
    }
}
