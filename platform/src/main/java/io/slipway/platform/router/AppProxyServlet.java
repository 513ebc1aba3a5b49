package io.slipway.platform.router;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.ee11.proxy.ProxyServlet;

/**
 * {@code /apps/{app}/...}: forwards to the least loaded ready instance of the app with Jetty's
 * streaming proxy, counting requests in flight per instance so leaving instances can drain.
 */
public final class AppProxyServlet extends ProxyServlet {

    private static final String TARGET = AppProxyServlet.class.getName() + ".target";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AppProxyServlet.class);

    private final RoutingTable table;

    public AppProxyServlet(RoutingTable table) {
        this.table = table;
    }

    @Override
    protected String rewriteTarget(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // path = /apps/{app}/rest
        String rest = path.substring("/apps/".length());
        int slash = rest.indexOf('/');
        String app = slash < 0 ? rest : rest.substring(0, slash);
        String forwardPath = slash < 0 ? "/" : rest.substring(slash);
        Optional<RoutingTable.Target> target = table.choose(app);
        if (target.isEmpty()) {
            request.setAttribute(TARGET + ".app", app);
            return null;
        }
        request.setAttribute(TARGET, target.get());
        String query = request.getQueryString();
        return "http://127.0.0.1:" + target.get().port() + forwardPath + (query == null ? "" : "?" + query);
    }

    @Override
    protected void onProxyRewriteFailed(HttpServletRequest request, HttpServletResponse response) {
        String app = (String) request.getAttribute(TARGET + ".app");
        try {
            response.setStatus(503);
            response.setHeader("Retry-After", "1");
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"detail\":\"app '" + app + "' has no ready instance\"}").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the client went away
        }
    }

    @Override
    protected void sendProxyRequest(HttpServletRequest clientRequest, HttpServletResponse proxyResponse, Request proxyRequest) {
        RoutingTable.Target target = (RoutingTable.Target) clientRequest.getAttribute(TARGET);
        if (target != null) {
            table.started(target);
        }
        super.sendProxyRequest(clientRequest, proxyResponse, proxyRequest);
    }

    @Override
    protected void onProxyResponseSuccess(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
            Response serverResponse) {
        done(clientRequest);
        super.onProxyResponseSuccess(clientRequest, proxyResponse, serverResponse);
    }

    @Override
    protected void onProxyResponseFailure(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
            Response serverResponse, Throwable failure) {
        log.warn("proxying {} to {} failed: {}", clientRequest.getRequestURI(), clientRequest.getAttribute(TARGET),
                failure.toString());
        done(clientRequest);
        super.onProxyResponseFailure(clientRequest, proxyResponse, serverResponse, failure);
    }

    private void done(HttpServletRequest request) {
        Object target = request.getAttribute(TARGET);
        if (target != null && request.getAttribute(TARGET + ".done") == null) {
            request.setAttribute(TARGET + ".done", Boolean.TRUE);
            table.finished((RoutingTable.Target) target);
        }
    }
}
