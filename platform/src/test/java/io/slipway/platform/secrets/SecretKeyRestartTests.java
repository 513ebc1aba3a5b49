package io.slipway.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.platform.PlatformHarness;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A platform restarted with a key that does not open its stored secrets refuses to start, saying why. */
class SecretKeyRestartTests {

    @TempDir
    Path dataDir;

    @Test
    void restartWithAnotherKeyFailsClearlyAndTheRightKeyStillOpensTheSecrets() {
        try (PlatformHarness platform = start(SecretCipherTests.KEY_A)) {
            assertThat(platform.postJson("/api/v1/apps", "{\"name\": \"sec-key\"}").status()).isEqualTo(201);
            assertThat(platform.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/apps/sec-key/secrets/API_KEY")))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"value\": \"v\"}")))
                    .status()).isEqualTo(200);
        }
        assertThatThrownBy(() -> start(SecretCipherTests.KEY_B).close())
                .hasStackTraceContaining("secret API_KEY of app 'sec-key' cannot be decrypted with this platform's"
                        + " secrets key: it was stored with another key (slipway.secrets.key, or"
                        + " ${slipway.data-dir}/secrets.key) or altered");
        try (PlatformHarness platform = start(SecretCipherTests.KEY_A)) {
            assertThat(platform.bean(Secrets.class).values("sec-key", java.util.List.of("API_KEY")))
                    .containsEntry("API_KEY", "v");
            platform.delete("/api/v1/apps/sec-key");
        }
    }

    PlatformHarness start(String key) {
        return PlatformHarness.start(dataDir, "process", "--slipway.secrets.key=" + key);
    }
}
