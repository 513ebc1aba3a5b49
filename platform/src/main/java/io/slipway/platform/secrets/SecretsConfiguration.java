package io.slipway.platform.secrets;

import io.slipway.platform.app.AppDeletion;
import io.slipway.platform.app.AppRepository;
import io.slipway.platform.audit.AuditLog;
import io.slipway.platform.config.SlipwayProperties;
import io.slipway.platform.release.ReleaseRepository;
import java.time.Clock;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The secret store with its key; a platform whose key does not open the stored secrets does not start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
class SecretsConfiguration {

    @Bean
    Secrets secrets(AppSecretRepository secrets, SecretsProperties properties, SlipwayProperties slipway,
            AppRepository apps, ReleaseRepository releases, AuditLog audit, Clock clock) {
        Secrets store = new Secrets(secrets, new SecretCipher(SecretKeys.load(properties.key(), slipway.dataDir())), apps,
                releases, audit, clock);
        store.checkKey();
        return store;
    }

    /** Secrets go with their app; registered once all beans exist, as the deletion needs the backend that needs the secrets. */
    @Bean
    SmartInitializingSingleton secretsGoWithTheirApp(AppDeletion deletion, Secrets secrets) {
        return () -> deletion.alsoRemove(secrets::deleteApp);
    }
}
