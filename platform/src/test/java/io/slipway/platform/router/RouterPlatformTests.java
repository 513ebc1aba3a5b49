package io.slipway.platform.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.PlatformHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router as wired in the real platform: properties, path and host routing, Prometheus meters. */
class RouterPlatformTests {

    @TempDir
    Path dataDir;

    @Test
    void routesByPathAndConfiguredHostAndExportsTrafficMeters() throws Exception {
        try (FakeInstance instance = new FakeInstance("fake", 0);
                PlatformHarness platform = PlatformHarness.start(dataDir, "process", "--slipway.router.domain=apps.test",
                        "--slipway.router.cold-start-wait=200ms")) {
            platform.bean(RoutingTable.class).set("fake", List.of(instance.target()), 4);

            PlatformHarness.Answer byPath = platform.get("/apps/fake/v2/models/m");
            String byHost = RawHttp.get(platform.port(), "fake.apps.test", "/v2/health/ready");
            PlatformHarness.Answer api = platform.get("/api/v1/apps");
            PlatformHarness.Answer cold = platform.get("/apps/sleeping/v2");
            PlatformHarness.Answer metrics = platform.get("/actuator/prometheus");

            assertThat(byPath.status()).isEqualTo(200);
            assertThat(byPath.body()).isEqualTo("fake /v2/models/m 0");
            assertThat(byPath.headers().firstValue("X-Request-Id")).isPresent();
            assertThat(byHost).startsWith("HTTP/1.1 200").endsWith("fake /v2/health/ready 0");
            assertThat(api.status()).isEqualTo(200);
            assertThat(cold.status()).isEqualTo(503);
            assertThat(platform.bean(AppTraffic.class).lastRequestAt("fake")).isPositive();
            assertThat(metrics.body()).contains("slipway_router_requests_total{app=\"fake\",status=\"200\"} 2.0")
                    .contains("slipway_router_requests_total{app=\"sleeping\",status=\"503\"} 1.0")
                    .contains("slipway_router_latency_seconds_bucket{app=\"fake\",le=\"0.001\"}")
                    .contains("slipway_router_in_flight{app=\"fake\"}");
        }
    }
}
