package io.slipway.platform.router;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One client request on its way through the router: where it goes, its id, when it arrived, the
 * instances it must not be tried on again, and the current {@link Attempt}. It is the request the
 * proxy sees, so every proxy hook finds this state without attribute look-ups.
 */
final class Exchange extends Request.Wrapper implements Admission.Waiter, Consumer<Throwable> {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    final Route route;
    final Response response;
    final Callback callback;
    final String requestId;
    final long startedAt;
    private final AppProxy proxy;
    private Set<String> excluded;
    private volatile Attempt attempt;
    private boolean finished;
    private volatile java.nio.ByteBuffer body;

    Exchange(Request request, Response response, Callback callback, Route route, AppProxy proxy, long startedAt) {
        super(request);
        this.response = response;
        this.callback = callback;
        this.route = route;
        this.proxy = proxy;
        this.startedAt = startedAt;
        String id = request.getHeaders().get(REQUEST_ID);
        this.requestId = id != null && SANE_ID.matcher(id).matches() ? id : newRequestId();
    }

    String app() {
        return route.app();
    }

    Attempt attempt() {
        return attempt;
    }

    /** The whole body, when it was small enough to read before forwarding; else null (it streams). */
    java.nio.ByteBuffer buffered() {
        return body;
    }

    void buffered(java.nio.ByteBuffer whole) {
        this.body = whole;
    }

    /** Starts a try on {@code target}, whose slot this request holds now. */
    Attempt begin(RoutingTable.Target target) {
        Attempt next = new Attempt(target);
        attempt = next;
        return next;
    }

    /** The instances this request failed to reach, not to be chosen again; created on first need. */
    Set<String> excluded() {
        if (excluded == null) {
            excluded = new HashSet<>(2);
        }
        return excluded;
    }

    /** Instances excluded so far, without creating the set. */
    Set<String> excludedSoFar() {
        return excluded == null ? Set.of() : excluded;
    }

    /** True the first time only: the request's answer is recorded once. */
    synchronized boolean markFinished() {
        if (finished) {
            return false;
        }
        finished = true;
        return true;
    }

    String authorization() {
        return getHeaders().get(HttpHeader.AUTHORIZATION);
    }

    @Override
    public void admit(RoutingTable.Target target) {
        proxy.forward(this, target);
    }

    @Override
    public void expire(String detail) {
        proxy.reject(this, 503, "Service Unavailable", detail);
    }

    /** The connection failed while the request waited or was at an instance. */
    @Override
    public void accept(Throwable failure) {
        proxy.clientFailed(this, failure);
    }

    /** Random enough to tell requests apart, without SecureRandom's cost on every request. */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & ~(3L << 62) | (1L << 63); // IETF variant
        return new UUID(high, low).toString();
    }
}
