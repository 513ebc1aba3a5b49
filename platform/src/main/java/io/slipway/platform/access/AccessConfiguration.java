package io.slipway.platform.access;

import io.slipway.platform.app.AppRepository;
import io.slipway.platform.audit.AuditLog;
import io.slipway.platform.release.ReleaseRepository;
import io.slipway.platform.router.InvokeGuard;
import io.slipway.platform.router.RoutingTable;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    InvokeKeys invokeKeys(InvokeKeyRepository keys, AuditLog audit, Clock clock) {
        return new InvokeKeys(keys, audit, clock);
    }

    @Bean
    InvokeGuard appAccessGuard(RoutingTable table, AppRepository apps, ReleaseRepository releases, InvokeKeys keys) {
        return new AppAccessGuard(table, apps, releases, keys);
    }
}
