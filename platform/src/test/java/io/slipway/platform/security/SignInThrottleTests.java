package io.slipway.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.PlatformHarness;
import io.slipway.platform.ShiftedClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password guessing is slowed: after five wrong passwords in a row a user name's sign-ins pause
 * (429 with Retry-After, even with the right password), other users are not held up, and once the
 * pause has passed the right password works and clears the count.
 */
class SignInThrottleTests {

    @TempDir
    Path dataDir;

    @Test
    void fiveWrongPasswordsPauseThatUserOnly() {
        ShiftedClock clock = new ShiftedClock(Instant.now());
        try (PlatformHarness platform = PlatformHarness.start(dataDir, "process", clock)) {
            platform.createUser("olive", "member");
            for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
                assertThat(mint(platform, "admin", "guess-number-" + i).status()).isEqualTo(401);
            }
            PlatformHarness.Answer paused = mint(platform, "admin", PlatformHarness.ADMIN_PASSWORD);
            assertThat(paused.status()).as(paused.body()).isEqualTo(429);
            assertThat(paused.body()).contains("too many wrong passwords");
            assertThat(Integer.parseInt(paused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 31);
            assertThat(mint(platform, "olive", "olive-password-123").status()).as("another user").isEqualTo(201);
            assertThat(platform.get("/api/v1/user").status()).as("tokens keep working").isEqualTo(200);

            clock.set(clock.instant().plusSeconds(31));
            assertThat(mint(platform, "admin", PlatformHarness.ADMIN_PASSWORD).status()).isEqualTo(201);
            assertThat(mint(platform, "admin", "one-more-guess").status()).as("the count starts again").isEqualTo(401);
        }
    }

    private static PlatformHarness.Answer mint(PlatformHarness platform, String user, String password) {
        return platform.sendAs(null, HttpRequest.newBuilder(URI.create(platform.url("/api/v1/tokens")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody()));
    }
}
