package io.slipway.platform.router;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Hands app traffic ({@code {app}.<domain>} hosts, and {@code /apps/{app}/...} paths) straight to
 * the proxy, ahead of the control plane's filters; everything else goes on to the platform.
 */
public final class RoutingFilter extends HttpFilter {

    private final String suffix;
    private final AppProxyServlet proxy;

    public RoutingFilter(String domain, AppProxyServlet proxy) {
        this.suffix = "." + domain.toLowerCase(Locale.ROOT);
        this.proxy = proxy;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // set already on the async re-dispatch of a queued or retried request
        Route route = (Route) request.getAttribute(AppProxyServlet.ROUTE);
        if (route == null) {
            route = route(request);
        }
        if (route != null) {
            request.setAttribute(AppProxyServlet.ROUTE, route);
            proxy.service(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private Route route(HttpServletRequest request) {
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        if (host.endsWith(suffix)) {
            Route route = Route.of(host.substring(0, host.length() - suffix.length()), request.getRequestURI(),
                    request.getQueryString());
            if (route != null) {
                return route;
            }
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/apps/") ? Route.ofPath(path, request.getQueryString()) : null;
    }
}
