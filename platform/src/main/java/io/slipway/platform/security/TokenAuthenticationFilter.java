package io.slipway.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in by its personal API token: {@code Authorization: Bearer swt_...}, or HTTP basic
 * auth with the token as the password (what git and {@code curl -u} send). A token that is unknown or
 * revoked is refused at once with 401; requests without a token go on (to a session or to a 401).
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    static final String WWW_AUTHENTICATE = "Bearer realm=\"slipway\"";

    private final ApiTokens tokens;

    TokenAuthenticationFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = token(request.getHeader("Authorization"));
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        var account = tokens.authenticate(token);
        if (account.isEmpty()) {
            response.setHeader("WWW-Authenticate", request.getRequestURI().startsWith("/git/")
                    ? "Basic realm=\"Slipway\"" : WWW_AUTHENTICATE + ", error=\"invalid_token\"");
            Problems.write(response, 401, "Unauthorized", "the API token is unknown or has been revoked");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.get().getUsername(), null,
                List.of(new SimpleGrantedAuthority(account.get().getRole().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The token in an Authorization header: a Bearer token, or a basic-auth password that is a token; else null. */
    static String token(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                String password = decoded.substring(decoded.indexOf(':') + 1);
                return password.startsWith(ApiTokens.PREFIX) ? password : null;
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }
}
