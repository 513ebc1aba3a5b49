package io.slipway.platform.router;

import java.util.Locale;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * Wraps the server's handler (the servlet container) and takes app traffic
 * ({@code {app}.<domain>} hosts, {@code /apps/...} paths) off it first, for {@link AppProxy}: routed
 * requests never enter the servlet container, so no servlet filter (security, observation) runs
 * for them. Everything else goes on to the platform.
 */
final class AppRouting extends Handler.Wrapper {

    private final String suffix;
    private final AppProxy proxy;

    AppRouting(String domain, AppProxy proxy) {
        this.suffix = "." + domain.toLowerCase(Locale.ROOT);
        this.proxy = proxy;
        addBean(proxy, true);
    }

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        proxy.setServer(server);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = Request.getServerName(request);
        int appEnd = host.length() - suffix.length();
        if (appEnd > 0 && host.regionMatches(true, appEnd, suffix, 0, suffix.length())) {
            Route route = Route.of(host.substring(0, appEnd).toLowerCase(Locale.ROOT), request.getHttpURI().getPath(),
                    request.getHttpURI().getQuery());
            if (route != null) {
                proxy.route(request, response, callback, route);
                return true;
            }
        }
        String path = request.getHttpURI().getPath();
        if (path.startsWith("/apps/") || path.equals("/apps")) {
            Route route = Route.ofPath(path, request.getHttpURI().getQuery());
            if (route == null) {
                proxy.notFound(request, response, callback);
            } else {
                proxy.route(request, response, callback, route);
            }
            return true;
        }
        return super.handle(request, response, callback);
    }
}
