package io.slipway.platform.security;

import io.slipway.platform.app.AppRepository;
import io.slipway.platform.audit.AuditLog;
import io.slipway.platform.config.SlipwayProperties;
import java.time.Clock;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class AccountConfiguration {

    @Bean
    Owners owners(AccountRepository accounts, TeamRepository teams) {
        return new Owners(accounts, teams);
    }

    @Bean
    Accounts accounts(AccountRepository accounts, TeamRepository teams, ApiTokenRepository tokens,
            PasswordEncoder encoder, AuditLog audit, Clock clock) {
        return new Accounts(accounts, teams, tokens, encoder, audit, clock);
    }

    @Bean
    ApiTokens apiTokens(ApiTokenRepository tokens, AccountRepository accounts, AuditLog audit, Clock clock) {
        return new ApiTokens(tokens, accounts, audit, clock);
    }

    @Bean
    TokenGitAccess gitAccess(Owners owners, AppRepository apps) {
        return new TokenGitAccess(owners, apps);
    }

    /** The first admin is made before the web server takes requests. */
    @Bean
    SmartInitializingSingleton firstAdmin(AccountRepository accounts, AppRepository apps, PasswordEncoder encoder,
            SecurityProperties properties, SlipwayProperties slipway, Clock clock, TransactionTemplate transactions) {
        FirstAdmin first = new FirstAdmin(accounts, apps, encoder, properties, slipway.dataDir(), clock, transactions);
        return first::ensure;
    }
}
