package io.slipway.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code access: token} through the real router: no key, a wrong key, another app's key and a
 * revoked key get 401; a valid key gets the model's answer; keys are shown once and listed without
 * their secret; a release with {@code access: public} opens the app again.
 */
class InvokeKeyTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INFER = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1,2],\"data\":[1,2]}]}";

    @TempDir
    Path dataDir;

    @TempDir
    Path bundles;

    PlatformHarness platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.delete("/api/v1/apps/guarded");
            platform.delete("/api/v1/apps/other");
            platform.close();
        }
    }

    @Test
    void protectedAppAnswersOnlyCallsWithOneOfItsKeys() throws Exception {
        platform = PlatformHarness.start(dataDir, "process");
        assertThat(deploy("guarded", "token").path("status").asText()).isEqualTo("live");
        assertThat(deploy("other", "token").path("status").asText()).isEqualTo("live");

        PlatformHarness.Answer anonymous = infer("guarded", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"guarded\"");
        assertThat(JSON.readTree(anonymous.body()).path("detail").asText()).contains("needs an invoke key");

        JsonNode created = JSON.readTree(platform.postJson("/api/v1/apps/guarded/keys", "{\"name\": \"ci\"}").body());
        String key = created.path("key").asText();
        assertThat(key).startsWith("swk_").hasSize(47);
        String otherKey = JSON.readTree(platform.postJson("/api/v1/apps/other/keys", "{\"name\": \"x\"}").body())
                .path("key").asText();

        assertThat(infer("guarded", "Bearer " + key).status()).isEqualTo(200);
        assertThat(infer("guarded", "Bearer " + otherKey).status()).isEqualTo(401);
        assertThat(infer("guarded", "Bearer swk_" + "A".repeat(43)).status()).isEqualTo(401);
        assertThat(infer("guarded", "Basic " + key).status()).isEqualTo(401);
        assertThat(rawGet("guarded.localhost", "/v2/models/guarded", null)).as("host routing checks keys too")
                .startsWith("HTTP/1.1 401");
        assertThat(rawGet("guarded.localhost", "/v2/models/guarded", key)).startsWith("HTTP/1.1 200");

        String listed = platform.get("/api/v1/apps/guarded/keys").body();
        assertThat(listed).contains("\"name\":\"ci\"").contains(key.substring(0, 10)).doesNotContain(key);
        assertThat(Files.walk(dataDir).filter(Files::isRegularFile).anyMatch(f -> contains(f, key)))
                .as("the key's secret is stored nowhere in the data directory").isFalse();

        assertThat(platform.delete("/api/v1/apps/guarded/keys/" + created.path("id").asText()).status())
                .isEqualTo(204);
        assertThat(infer("guarded", "Bearer " + key).status()).as("revoked at once").isEqualTo(401);

        assertThat(deploy("guarded", "public").path("status").asText()).isEqualTo("live");
        assertThat(infer("guarded", null).status()).as("access: public opens the app").isEqualTo(200);
        assertThat(platform.get("/api/v1/audit?app=guarded").body()).contains("invoke key 'ci'")
                .contains("revoked");
    }

    @Test
    void keyRequestsAreValidated() {
        platform = PlatformHarness.start(dataDir, "process");
        platform.postJson("/api/v1/apps", "{\"name\": \"guarded\"}");
        assertThat(platform.postJson("/api/v1/apps/guarded/keys", "{\"name\": \"<script>\"}").status()).isEqualTo(400);
        assertThat(platform.postJson("/api/v1/apps/guarded/keys", "{}").status()).isEqualTo(400);
        assertThat(platform.postJson("/api/v1/apps/nope/keys", "{\"name\": \"a\"}").status()).isEqualTo(404);
        assertThat(platform.delete("/api/v1/apps/guarded/keys/nope").status()).isEqualTo(404);
    }

    /** A GET over a plain socket, for a Host header java.net.http will not send. */
    String rawGet(String host, String path, String key) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", platform.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (key == null ? "" : "Authorization: Bearer " + key + "\r\n") + "Connection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    PlatformHarness.Answer infer(String app, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url("/apps/" + app
                + "/v2/models/" + app + "/infer"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(INFER));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return platform.send(request);
    }

    JsonNode deploy(String app, String access) throws Exception {
        Path dir = Files.createDirectories(bundles.resolve(app + access));
        Files.writeString(dir.resolve("slipway.yaml"), """
                name: %s
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                resources: { cpu: 0.25, memory: 256Mi }
                access: %s
                """.formatted(app, access));
        return platform.deploy(app, dir);
    }
}
