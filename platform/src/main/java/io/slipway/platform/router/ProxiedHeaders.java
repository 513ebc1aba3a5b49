package io.slipway.platform.router;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    /** How the platform's personal API tokens begin (security.ApiTokens.PREFIX; the router does not depend on it). */
    static final String PLATFORM_TOKEN = "swt_";

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
        if (header != null ? DROPPED.contains(header) || header == HttpHeader.AUTHORIZATION
                && (dropKey || platformToken(field.getValue())) : field.is(Exchange.REQUEST_ID)) {
            return false;
        }
        return connection == null || !listed(connection, field.getLowerCaseName());
    }

    /**
     * Whether an {@code Authorization} value carries one of the platform's own API tokens
     * ({@code swt_...}, as a bearer token or a basic-auth password): a model never gets to see them.
     */
    static boolean platformToken(String authorization) {
        if (authorization == null) {
            return false;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.startsWith(PLATFORM_TOKEN, 7);
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                return decoded.indexOf(':') >= 0 && decoded.startsWith(PLATFORM_TOKEN, decoded.indexOf(':') + 1);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
        return false;
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
