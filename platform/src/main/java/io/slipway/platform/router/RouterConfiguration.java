package io.slipway.platform.router;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the app router at {@code /apps/*}. */
@Configuration(proxyBeanMethods = false)
class RouterConfiguration {

    @Bean
    RoutingTable routingTable() {
        return new RoutingTable();
    }

    @Bean
    ServletRegistrationBean<AppProxyServlet> appProxy(RoutingTable table) {
        ServletRegistrationBean<AppProxyServlet> registration =
                new ServletRegistrationBean<>(new AppProxyServlet(table), "/apps/*");
        registration.addInitParameter("timeout", "120000");
        registration.addInitParameter("idleTimeout", "120000");
        registration.addInitParameter("maxThreads", "64");
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        return registration;
    }
}
