package io.slipway.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP basic auth with a user's password, accepted on one request only: making an API token
 * ({@code curl -u admin:PASSWORD -X POST /api/v1/tokens}). Everything else in the API takes tokens.
 */
class PasswordSignInFilter extends OncePerRequestFilter {

    private final RequestMatcher where;
    private final AuthenticationManager authentication;
    private final BasicAuthenticationConverter converter = new BasicAuthenticationConverter();

    PasswordSignInFilter(RequestMatcher where, AuthenticationManager authentication) {
        this.where = where;
        this.authentication = authentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!where.matches(request) || TokenAuthenticationFilter.token(request.getHeader("Authorization")) != null) {
            chain.doFilter(request, response);
            return;
        }
        UsernamePasswordAuthenticationToken credentials;
        try {
            credentials = converter.convert(request);
        } catch (AuthenticationException malformed) {
            credentials = null;
        }
        if (credentials == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication.authenticate(credentials));
            SecurityContextHolder.setContext(context);
        } catch (SignInThrottle.TooManyFailures paused) {
            response.setHeader("Retry-After", String.valueOf(paused.retryAfter.toSeconds()));
            Problems.write(response, 429, "Too Many Requests", paused.getMessage());
            return;
        } catch (AuthenticationException wrong) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"slipway\"");
            Problems.write(response, 401, "Unauthorized", "wrong user name or password");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
