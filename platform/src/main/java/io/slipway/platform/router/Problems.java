package io.slipway.platform.router;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The router's own answers: RFC 9457 problem details, with {@code Retry-After} on 503. */
final class Problems {

    private Problems() {
    }

    /** Writes the problem if the response is not committed yet; false if the client is gone. */
    static boolean write(HttpServletResponse response, int status, String title, String detail, Duration retryAfter) {
        if (response.isCommitted()) {
            return false;
        }
        try {
            response.resetBuffer();
            response.setStatus(status);
            if (status == 503 && retryAfter != null) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
            }
            byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                    + ",\"detail\":\"" + escape(detail) + "\"}").getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/problem+json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
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
