package io.slipway.platform.router;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;

/** Which of a client's request headers go on to the instance. */
final class ProxiedHeaders {

    /** Hop-by-hop headers (RFC 9110 section 7.6.1), and those the router sets itself. */
    private static final Set<HttpHeader> DROPPED = EnumSet.of(HttpHeader.CONNECTION, HttpHeader.KEEP_ALIVE,
            HttpHeader.PROXY_AUTHORIZATION, HttpHeader.PROXY_AUTHENTICATE, HttpHeader.PROXY_CONNECTION,
            HttpHeader.TRANSFER_ENCODING, HttpHeader.TE, HttpHeader.TRAILER, HttpHeader.UPGRADE, HttpHeader.HOST,
            HttpHeader.VIA, HttpHeader.X_FORWARDED_FOR, HttpHeader.X_FORWARDED_PROTO, HttpHeader.X_FORWARDED_HOST,
            HttpHeader.X_FORWARDED_PORT);

    private ProxiedHeaders() {
    }

    /**
     * Whether {@code field} is passed on.
     *
     * @param connection the request's {@code Connection} header (its tokens name more hop-by-hop headers), or null
     * @param dropKey whether the {@code Authorization} header stays with the router (an invoke key)
     */
    static boolean forwarded(HttpField field, String connection, boolean dropKey) {
        HttpHeader header = field.getHeader();
        if (header != null ? DROPPED.contains(header) || dropKey && header == HttpHeader.AUTHORIZATION
                : field.is(Exchange.REQUEST_ID)) {
            return false;
        }
        return connection == null || !listed(connection, field.getLowerCaseName());
    }

    private static boolean listed(String connection, String name) {
        for (String token : connection.split(",")) {
            if (token.trim().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
