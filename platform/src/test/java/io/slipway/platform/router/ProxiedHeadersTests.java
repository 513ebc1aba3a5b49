package io.slipway.platform.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.api.Test;

/** Which request headers reach an instance: never hop-by-hop ones, and never the platform's own API tokens. */
class ProxiedHeadersTests {

    @Test
    void platformTokensStayWithTheRouterOtherCredentialsGoOn() {
        assertThat(forwarded("Bearer swt_abc")).isFalse();
        assertThat(forwarded("bearer swt_abc")).isFalse();
        assertThat(forwarded("Basic " + basic("anyone:swt_abc"))).isFalse();
        assertThat(forwarded("Bearer model-own-token")).as("a public app's own scheme").isTrue();
        assertThat(forwarded("Basic " + basic("user:password"))).isTrue();
        assertThat(forwarded("Basic !!not-base64")).isTrue();
    }

    @Test
    void hopByHopAndConnectionListedHeadersAreDropped() {
        assertThat(ProxiedHeaders.forwarded(new HttpField(HttpHeader.CONNECTION, "close"), null, false)).isFalse();
        assertThat(ProxiedHeaders.forwarded(new HttpField("X-Secret-Hop", "1"), "close, x-secret-hop", false)).isFalse();
        assertThat(ProxiedHeaders.forwarded(new HttpField("X-Model-Option", "1"), "close", false)).isTrue();
    }

    private static boolean forwarded(String authorization) {
        return ProxiedHeaders.forwarded(new HttpField(HttpHeader.AUTHORIZATION, authorization), null, false);
    }

    private static String basic(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
