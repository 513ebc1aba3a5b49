package io.slipway.platform.audit;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Until accounts exist every change is made by "anonymous". */
    @Bean
    AuditLog auditLog(AuditEventRepository events, Clock clock) {
        return new AuditLog(events, () -> "anonymous", clock);
    }
}
