package io.slipway.platform.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Pages sign in with a form (a session, CSRF tokens on every form); the API
 * takes personal API tokens ({@code Authorization: Bearer}) and answers 401/403 as problem details;
 * git checks its tokens itself ({@link TokenGitAccess}). App traffic ({@code /apps/...} and app
 * hosts) is routed before these filters run: an app's own {@code access} setting decides.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(AccountRepository accounts) {
        return username -> accounts.findById(username)
                .map(account -> User.withUsername(account.getUsername()).password(account.getPasswordHash())
                        .authorities(account.getRole().authority()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens, UserDetailsService users,
            PasswordEncoder encoder, Clock clock) throws Exception {
        RequestMatcher api = PATHS.matcher("/api/**");
        RequestMatcher actuator = PATHS.matcher("/actuator/**");
        RequestMatcher git = PATHS.matcher("/git/**");
        // CSRF rides on a browser's session cookie: API calls with a token, or without any session, have none to abuse
        RequestMatcher noAmbientCredentials = (HttpServletRequest request) -> request.getHeader("Authorization") != null
                || api.matches(request) && request.getRequestedSessionId() == null;
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        AuthenticationManager manager = new ProviderManager(new SignInThrottle(passwords, clock));
        http.authenticationManager(manager)
                .addFilterBefore(new TokenAuthenticationFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new PasswordSignInFilter(PATHS.matcher(HttpMethod.POST, "/api/v1/tokens"), manager),
                        TokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // the request was authorized when it came in; its async and error dispatches are the same request
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/git/**", "/apps/**").permitAll()
                        .requestMatchers("/api/v1/audit/**", "/dashboard/audit/**", "/api/v1/users/**",
                                "/api/v1/teams/**", "/api/v1/quotas/**", "/dashboard/users/**", "/actuator/**")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof SignInThrottle.TooManyFailures ? "/login?paused" : "/login?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(git, noAmbientCredentials))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", TokenAuthenticationFilter.WWW_AUTHENTICATE);
                            Problems.write(response, 401, "Unauthorized", "sign in: send a personal API token as"
                                    + " 'Authorization: Bearer swt_...' (make one at /dashboard/tokens or with"
                                    + " POST /api/v1/tokens and your password)");
                        }, request -> api.matches(request) || actuator.matches(request))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .defaultAccessDeniedHandlerFor((request, response, e) -> Problems.write(response, 403,
                                "Forbidden", e instanceof CsrfException
                                        ? "missing or stale CSRF token: reload the page (or send an API token)"
                                        : "refused: this needs an admin"),
                                request -> api.matches(request) || actuator.matches(request)));
        return http.build();
    }
}
