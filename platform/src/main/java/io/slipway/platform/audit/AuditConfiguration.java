package io.slipway.platform.audit;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Changes are made by the signed-in user of the request; "system" outside requests (e.g. at start). */
    @Bean
    AuditLog auditLog(AuditEventRepository events, Clock clock) {
        return new AuditLog(events, () -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
        }, clock);
    }
}
