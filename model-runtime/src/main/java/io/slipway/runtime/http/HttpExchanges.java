package io.slipway.runtime.http;

import io.slipway.runtime.InferenceException;
import io.slipway.runtime.InferenceException.Kind;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Locale;

/** Reading bounded request bodies and writing answers on a blocking Undertow exchange. */
final class HttpExchanges {

    static final HttpString INFERENCE_HEADER_LENGTH = new HttpString("Inference-Header-Content-Length");
    static final String JSON = "application/json";
    static final String OCTET_STREAM = "application/octet-stream";

    private HttpExchanges() {
    }

    /** The whole body, refused with 413 as soon as it is known to exceed {@code limit} bytes. */
    static byte[] readBody(HttpServerExchange exchange, long limit) throws IOException {
        long declared = exchange.getRequestContentLength();
        if (declared > limit) {
            throw tooLarge(declared + " bytes", limit);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        byte[] chunk = new byte[16384];
        InputStream in = exchange.getInputStream();
        int read;
        while ((read = in.read(chunk)) != -1) {
            if (body.size() + read > limit) {
                throw tooLarge("more than " + limit + " bytes", limit);
            }
            body.write(chunk, 0, read);
        }
        return body.toByteArray();
    }

    private static InferenceException tooLarge(String size, long limit) {
        return new InferenceException(Kind.PAYLOAD_TOO_LARGE, "the request body (" + size
                + ") is larger than the limit of " + limit + " bytes (serving.maxRequestBytes)");
    }

    /** The media type of the request without parameters, lower case; null when absent. */
    static String mediaType(HttpServerExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (value == null || value.isBlank()) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static boolean isJson(String mediaType) {
        return mediaType == null || mediaType.equals(JSON) || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    static InferenceException unsupportedMediaType(String mediaType, String expected) {
        return new InferenceException(Kind.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + mediaType
                + " is not supported here; send " + expected);
    }

    static void send(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.setResponseContentLength(body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
