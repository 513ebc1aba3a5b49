package io.slipway.platform.scaling.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.PlatformHarness;
import io.slipway.platform.PlatformHarness.Answer;
import io.slipway.platform.scaling.Decision;
import io.slipway.platform.scaling.ScalerMemory;
import io.slipway.platform.scaling.store.ScalingEvents;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingApiTests {

    @TempDir
    static Path dataDir;

    static PlatformHarness platform;

    @BeforeAll
    static void start() {
        platform = PlatformHarness.start(dataDir, "process");
        assertThat(platform.postJson("/api/v1/apps", "{\"name\": \"scaled\"}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    private static Answer put(String path, String json) {
        return platform.send(HttpRequest.newBuilder(URI.create(platform.url(path)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void getAnswersTheManifestPolicyWithTheKpaTuning() {
        Answer a = platform.get("/api/v1/apps/scaled/scaling");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).contains("\"minInstances\":1", "\"maxInstances\":5", "\"panicWindow\":\"6s\"",
                "\"stableWindow\":\"1m\"");
    }

    @Test
    void putOverridesFieldsWithoutARedeployAndDeleteResetsThem() {
        Answer a = put("/api/v1/apps/scaled/scaling", "{\"maxInstances\": 8, \"scaleToZeroAfter\": \"10m\", "
                + "\"schedule\": [{\"cron\": \"0 0 8 * * MON-FRI\", \"minInstances\": 3, \"duration\": \"10h\"}]}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.body()).contains("\"maxInstances\":8", "\"scaleToZeroAfter\":\"10m\"", "\"duration\":\"10h\"",
                "\"overridden\":[\"maxInstances\",\"scaleToZeroAfter\",\"schedule\"]");
        assertThat(platform.get("/api/v1/apps/scaled/scaling").body()).contains("\"maxInstances\":8");

        Answer reset = platform.delete("/api/v1/apps/scaled/scaling");
        assertThat(reset.body()).contains("\"maxInstances\":5", "\"overridden\":[]");
    }

    @Test
    void putThatBreaksTheBoundsIsAProblemNamingTheField() {
        Answer a = put("/api/v1/apps/scaled/scaling", "{\"minInstances\": 9}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(a.body()).contains("scaling.maxInstances must be >= minInstances (9)");

        Answer badDuration = put("/api/v1/apps/scaled/scaling", "{\"scaleToZeroAfter\": \"soon\"}");
        assertThat(badDuration.status()).isEqualTo(400);
        assertThat(badDuration.body()).contains("scaling.scaleToZeroAfter must be a duration");

        Answer badCron = put("/api/v1/apps/scaled/scaling",
                "{\"schedule\": [{\"cron\": \"every day\", \"minInstances\": 2, \"duration\": \"1h\"}]}");
        assertThat(badCron.status()).isEqualTo(400);
        assertThat(badCron.body()).contains("scaling.schedule[0].cron");
    }

    @Test
    void unknownAppIsNotFound() {
        assertThat(platform.get("/api/v1/apps/nope/scaling").status()).isEqualTo(404);
        assertThat(platform.get("/api/v1/apps/nope/scaling/events").status()).isEqualTo(404);
    }

    @Test
    void decisionsThatChangeTheCountAreListedNewestFirst() {
        ScalingEvents events = platform.bean(ScalingEvents.class);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        events.record("scaled", new Decision(1, "steady; 1 -> 1", false, 1, 1, ScalerMemory.NONE), t);
        events.record("scaled", new Decision(4, "panic: ...; 1 -> 4", true, 1, 4, ScalerMemory.NONE), t);
        events.record("scaled", new Decision(2, "stable: ...; 4 -> 2", false, 4, 1, ScalerMemory.NONE),
                t.plusSeconds(2));

        Answer a = platform.get("/api/v1/apps/scaled/scaling/events?limit=1");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).contains("\"from\":4", "\"to\":2", "\"heldBack\":true").doesNotContain("panic: ...");
        assertThat(platform.get("/api/v1/apps/scaled/scaling/events").body()).contains("panic: ...")
                .doesNotContain("steady");
        assertThat(platform.get("/api/v1/apps/scaled/scaling/events?limit=0").status()).isEqualTo(400);
    }

    @Test
    void simulationOfAnInlineSeriesComparesTheThreePolicies() {
        Answer a = platform.postJson("/api/v1/simulations",
                "{\"series\": [10, 10, 10, 200, 200, 200, 10, 10], \"seriesStepSeconds\": 60, \"startupSeconds\": 30}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.body()).contains("fixed at peak (5)", "\"policy\":\"reactive\"", "reactive + predictive",
                "| policy |");

        Answer bad = platform.postJson("/api/v1/simulations", "{\"trace\": \"../etc/passwd\"}");
        assertThat(bad.status()).isEqualTo(400);
    }
}
