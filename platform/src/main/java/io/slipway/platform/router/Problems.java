package io.slipway.platform.router;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The router's own answers: RFC 9457 problem details, with {@code Retry-After} on 503. */
final class Problems {

    private Problems() {
    }

    /**
     * Writes the problem and completes {@code callback}; if the response is committed already, it
     * fails the callback instead (the client gets a cut-off answer, not a second one).
     */
    static void write(Response response, Callback callback, int status, String title, String detail,
            Duration retryAfter) {
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException("response committed before a " + status + " could be sent"));
            return;
        }
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        if (status == 503 && retryAfter != null) {
            headers.put(HttpHeader.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}").getBytes(StandardCharsets.UTF_8);
        headers.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
