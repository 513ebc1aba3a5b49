package io.slipway.platform.quota;

import io.slipway.platform.app.AppRepository;
import io.slipway.platform.release.ReleaseRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuotaProperties.class)
class QuotaConfiguration {

    @Bean
    Quotas quotas(AppRepository apps, ReleaseRepository releases, QuotaProperties properties,
            QuotaOverrideRepository overrides) {
        return new Quotas(apps, releases, properties, overrides);
    }
}
