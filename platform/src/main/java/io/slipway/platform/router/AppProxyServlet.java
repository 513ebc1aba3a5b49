package io.slipway.platform.router;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.ee11.proxy.ProxyServlet;

/**
 * Forwards app traffic (handed in by {@link RoutingFilter}, or mapped at {@code /apps/*})
 * to the least loaded ready instance with Jetty's streaming proxy. Requests that find every slot
 * taken, or no instance, wait without a thread in {@link Admission}; requests that never reached an
 * instance are retried on another one.
 */
public final class AppProxyServlet extends ProxyServlet {

    static final String ROUTE = AppProxyServlet.class.getName() + ".route";
    private static final String ATTEMPT = AppProxyServlet.class.getName() + ".attempt";
    private static final String ADMITTED = AppProxyServlet.class.getName() + ".admitted";
    private static final String EXCLUDED = AppProxyServlet.class.getName() + ".excluded";
    private static final String STARTED = AppProxyServlet.class.getName() + ".started";
    private static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AppProxyServlet.class);

    private final RoutingTable table;
    private final Admission admission;
    private final TrafficRecorder traffic;
    private final RouterProperties properties;
    private final java.util.function.Supplier<InvokeGuard> guard;

    AppProxyServlet(RoutingTable table, Admission admission, TrafficRecorder traffic, RouterProperties properties) {
        this(table, admission, traffic, properties, () -> InvokeGuard.OPEN);
    }

    AppProxyServlet(RoutingTable table, Admission admission, TrafficRecorder traffic, RouterProperties properties,
            java.util.function.Supplier<InvokeGuard> guard) {
        this.guard = guard;
        this.table = table;
        this.admission = admission;
        this.traffic = traffic;
        this.properties = properties;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws jakarta.servlet.ServletException, IOException {
        Route route = (Route) request.getAttribute(ROUTE);
        if (route == null) {
            route = Route.ofPath(request.getRequestURI().substring(request.getContextPath().length()),
                    request.getQueryString());
            if (route == null) {
                Problems.write(response, 404, "Not Found", "no app named in " + request.getRequestURI(), null);
                return;
            }
            request.setAttribute(ROUTE, route);
        }
        if (request.getAttribute(STARTED) == null) {
            String id = request.getHeader(REQUEST_ID);
            request.setAttribute(REQUEST_ID, id != null && SANE_ID.matcher(id).matches() ? id : newRequestId());
            request.setAttribute(STARTED, traffic.started(route.app()));
            response.setHeader(REQUEST_ID, (String) request.getAttribute(REQUEST_ID));
            String refusal = guard.get().refuse(route.app(), request.getHeader("Authorization"));
            if (refusal != null) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"" + route.app() + "\"");
                reject(request, response, 401, "Unauthorized", refusal);
                return;
            }
        }
        response.setHeader(REQUEST_ID, (String) request.getAttribute(REQUEST_ID));
        RoutingTable.Target target = (RoutingTable.Target) request.getAttribute(ADMITTED);
        if (target == null) {
            target = admission.tryAcquire(route.app(), excluded(request)).orElse(null);
        }
        if (target != null) {
            request.removeAttribute(ADMITTED);
            request.setAttribute(ATTEMPT, new Attempt(target));
            super.service(request, response);
            return;
        }
        queue(request, response, route.app());
    }

    private void queue(HttpServletRequest request, HttpServletResponse response, String app) {
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        Admission.Waiter waiter = new Admission.Waiter() {
            @Override
            public void admit(RoutingTable.Target target) {
                request.setAttribute(ADMITTED, target);
                async.dispatch();
            }

            @Override
            public void expire(String detail) {
                reject(request, response, 503, "Service Unavailable", detail);
                async.complete();
            }
        };
        async.addListener(new AsyncListener() {
            @Override
            public void onError(AsyncEvent event) {
                if (admission.cancel(app, waiter)) {
                    finish(request, 499); // nginx's "client closed request"
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onTimeout(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        if (admission.enqueue(app, excluded(request), waiter) == Admission.Outcome.FULL) {
            reject(request, response, 503, "Service Unavailable",
                    "app '" + app + "' has " + properties.queueSize() + " requests waiting already");
            async.complete();
        }
    }

    @Override
    protected String rewriteTarget(HttpServletRequest request) {
        Route route = (Route) request.getAttribute(ROUTE);
        Attempt attempt = (Attempt) request.getAttribute(ATTEMPT);
        return "http://127.0.0.1:" + attempt.target.port() + route.pathAndQuery();
    }

    @Override
    protected Request.Content proxyRequestContent(HttpServletRequest request, HttpServletResponse response,
            Request proxyRequest) throws IOException {
        Attempt attempt = (Attempt) request.getAttribute(ATTEMPT);
        return attempt.track(super.proxyRequestContent(request, response, proxyRequest));
    }

    @Override
    protected void addProxyHeaders(HttpServletRequest request, Request proxyRequest) {
        super.addProxyHeaders(request, proxyRequest);
        String forwardedFor = request.getHeader("X-Forwarded-For");
        String client = request.getRemoteAddr();
        String host = request.getHeader("Host");
        Route route = (Route) request.getAttribute(ROUTE);
        if (route != null && Boolean.TRUE.equals(table.isProtected(route.app()))) {
            // the invoke key is the platform's business, not the model's: it goes no further
            proxyRequest.headers(headers -> headers.remove(org.eclipse.jetty.http.HttpHeader.AUTHORIZATION));
        }
        proxyRequest.headers(headers -> headers
                .put("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client)
                .put("X-Forwarded-Proto", request.getScheme())
                .put("X-Forwarded-Host", host == null ? request.getServerName() : host)
                .put("X-Forwarded-Port", Integer.toString(request.getServerPort()))
                .put(REQUEST_ID, (String) request.getAttribute(REQUEST_ID)));
    }

    @Override
    protected void sendProxyRequest(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
            Request proxyRequest) {
        Route timed = (Route) clientRequest.getAttribute(ROUTE);
        java.time.Duration timeout = timed == null ? properties.timeout() : table.timeout(timed.app(), properties.timeout());
        proxyRequest.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        ((Attempt) clientRequest.getAttribute(ATTEMPT)).watch(proxyRequest);
        super.sendProxyRequest(clientRequest, proxyResponse, proxyRequest);
    }

    @Override
    protected String filterServerResponseHeader(HttpServletRequest clientRequest, Response serverResponse,
            String headerName, String headerValue) {
        return REQUEST_ID.equalsIgnoreCase(headerName) ? null : headerValue;
    }

    @Override
    protected void onProxyResponseSuccess(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
            Response serverResponse) {
        release(clientRequest);
        finish(clientRequest, proxyResponse.getStatus());
        super.onProxyResponseSuccess(clientRequest, proxyResponse, serverResponse);
    }

    @Override
    protected void onProxyResponseFailure(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
            Response serverResponse, Throwable failure) {
        Attempt attempt = (Attempt) clientRequest.getAttribute(ATTEMPT);
        release(clientRequest);
        Route route = (Route) clientRequest.getAttribute(ROUTE);
        if (attempt != null && attempt.neverReached() && !proxyResponse.isCommitted()) {
            Set<String> excluded = excluded(clientRequest);
            excluded.add(attempt.target.instanceId());
            if (table.hasTargets(route.app(), excluded)) {
                log.info("request {} never reached instance {} of {} ({}); trying another", clientRequest.getAttribute(
                        REQUEST_ID), attempt.target.instanceId(), route.app(), failure.toString());
                clientRequest.removeAttribute(ATTEMPT);
                clientRequest.getAsyncContext().dispatch();
                return;
            }
        }
        log.warn("proxying {} {} to {} failed: {}", clientRequest.getMethod(), clientRequest.getRequestURI(),
                attempt == null ? null : attempt.target, failure.toString());
        if (attempt != null && route != null && !(failure instanceof java.util.concurrent.TimeoutException)
                && (serverResponse == null || serverResponse.getStatus() <= 0)) {
            // The connection failed, not the model: keep new requests away from the instance now.
            table.eject(route.app(), attempt.target.instanceId());
        }
        if (proxyResponse.isCommitted()) {
            finish(clientRequest, 502);
        }
        super.onProxyResponseFailure(clientRequest, proxyResponse, serverResponse, failure);
    }

    @Override
    protected void sendProxyResponseError(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
            int status) {
        Route route = (Route) clientRequest.getAttribute(ROUTE);
        String detail = switch (status) {
            case 504 -> "instance of app '" + route.app() + "' did not answer within "
                    + table.timeout(route.app(), properties.timeout()).toMillis() + " ms";
            case 502 -> "instance of app '" + route.app() + "' failed to answer";
            default -> "proxying to app '" + route.app() + "' failed";
        };
        reject(clientRequest, proxyResponse, status, status == 504 ? "Gateway Timeout" : "Bad Gateway", detail);
        if (clientRequest.isAsyncStarted()) {
            clientRequest.getAsyncContext().complete();
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail) {
        response.setHeader(REQUEST_ID, (String) request.getAttribute(REQUEST_ID));
        Problems.write(response, status, title, detail, status == 503 ? properties.retryAfter() : null);
        finish(request, status);
    }

    private void release(HttpServletRequest request) {
        Attempt attempt = (Attempt) request.getAttribute(ATTEMPT);
        if (attempt != null && attempt.release()) {
            table.finished(attempt.target);
        }
    }

    private void finish(HttpServletRequest request, int status) {
        Object started = request.getAttribute(STARTED);
        Route route = (Route) request.getAttribute(ROUTE);
        if (started != null && route != null && request.getAttribute(STARTED + ".done") == null) {
            request.setAttribute(STARTED + ".done", Boolean.TRUE);
            traffic.finished(route.app(), (Long) started, status);
        }
    }

    /** Random enough to tell requests apart, without SecureRandom's cost on every request. */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & ~(3L << 62) | (1L << 63); // IETF variant
        return new UUID(high, low).toString();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> excluded(HttpServletRequest request) {
        Set<String> excluded = (Set<String>) request.getAttribute(EXCLUDED);
        if (excluded == null) {
            excluded = new HashSet<>();
            request.setAttribute(EXCLUDED, excluded);
        }
        return excluded;
    }
}
