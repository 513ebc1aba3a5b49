package io.slipway.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.PlatformHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile requests at the API, the dashboard and the router of one running platform (bundles
 * have their own suite, {@code HostileBundleTests}; git paths theirs in {@code GitPushTests}):
 * each gets a clear 4xx, nothing it names is created or echoed back raw, and the app already
 * deployed keeps answering after every one.
 */
class HostileInputTests {

    static final String INFER = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1,2],\"data\":[1,2]}]}";

    @TempDir
    static Path dataDir;

    @TempDir
    static Path bundle;

    static PlatformHarness platform;

    @BeforeAll
    static void start() throws IOException {
        platform = PlatformHarness.start(dataDir, "process");
        Files.writeString(bundle.resolve("slipway.yaml"), """
                name: victim
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                resources: { cpu: 0.25, memory: 256Mi }
                """);
        assertThat(platform.deploy("victim", bundle).path("status").asText()).isEqualTo("live");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.deleteAllApps();
            platform.close();
        }
    }

    @AfterEach
    void victimStillAnswers() {
        assertThat(platform.postJson("/apps/victim/v2/models/victim/infer", INFER).status()).isEqualTo(200);
        assertThat(platform.get("/api/v1/apps").body()).doesNotContain("etc").doesNotContain("script");
    }

    /** Name, method, path, content type, body; the answer must be a 4xx. */
    static Stream<Arguments> requests() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String big = "{\"name\": \"" + "a".repeat(3 * 1024 * 1024) + "\"}";
        return Stream.of(
                Arguments.of("app name with a path", "POST", "/api/v1/apps", "application/json", "{\"name\": \"../etc\"}"),
                Arguments.of("app name with shell characters", "POST", "/api/v1/apps", "application/json", "{\"name\": \"a;rm -rf\"}"),
                Arguments.of("app name too long", "POST", "/api/v1/apps", "application/json", "{\"name\": \"" + "a".repeat(41) + "\"}"),
                Arguments.of("app body not JSON", "POST", "/api/v1/apps", "application/json", "name=x"),
                Arguments.of("app body deeply nested", "POST", "/api/v1/apps", "application/json", deep),
                Arguments.of("app body of 3 MB", "POST", "/api/v1/apps", "application/json", big),
                Arguments.of("app name as a number", "POST", "/api/v1/apps", "application/json", "{\"name\": 12}"),
                Arguments.of("encoded traversal in an app path", "GET", "/api/v1/apps/%2e%2e%2fetc", null, null),
                Arguments.of("traversal in a deployment id", "GET", "/api/v1/apps/victim/deployments/..%2f..%2fdb/log", null, null),
                Arguments.of("scaling min too large", "PUT", "/api/v1/apps/victim/scaling", "application/json", "{\"minInstances\": 100000000000000000000}"),
                Arguments.of("scaling bad cron", "PUT", "/api/v1/apps/victim/scaling", "application/json",
                        "{\"schedule\": [{\"cron\": \"* * * * * * * *\", \"minInstances\": 2, \"duration\": \"1h\"}]}"),
                Arguments.of("scaling deeply nested", "PUT", "/api/v1/apps/victim/scaling", "application/json", deep),
                Arguments.of("scaling unknown field types", "PUT", "/api/v1/apps/victim/scaling", "application/json", "{\"minInstances\": \"lots\"}"),
                Arguments.of("usage date of 10 k characters", "GET", "/api/v1/usage?from=" + "9".repeat(10_000), null, null),
                Arguments.of("usage unknown grouping", "GET", "/api/v1/usage?by=%3Cscript%3E", null, null),
                Arguments.of("audit negative limit", "GET", "/api/v1/audit?limit=-1", null, null),
                Arguments.of("audit huge limit", "GET", "/api/v1/audit?limit=99999999999", null, null),
                Arguments.of("key name of 10 k characters", "POST", "/api/v1/apps/victim/keys", "application/json",
                        "{\"name\": \"" + "k".repeat(10_000) + "\"}"),
                Arguments.of("key name with markup", "POST", "/api/v1/apps/victim/keys", "application/json", "{\"name\": \"<script>\"}"),
                Arguments.of("revoke an unknown key with a long id", "DELETE", "/api/v1/apps/victim/keys/" + "x".repeat(2000), null, null),
                Arguments.of("deployment of random bytes", "POST", "/api/v1/apps/victim/deployments", "application/gzip", "\u0001\u0002garbage"),
                Arguments.of("deployment to a traversal name", "POST", "/api/v1/apps/..%2Fetc/deployments", "application/gzip", "x"),
                Arguments.of("rollback to a release that is not a number", "POST", "/api/v1/apps/victim/releases/1e9/rollback", "application/json", ""),
                Arguments.of("instance logs with a traversal id", "GET", "/api/v1/apps/victim/instances/..%2F..%2Fetc%2Fpasswd/logs", null, null),
                // a body the server must read whole before it can refuse it (an early refusal of a body still
                // being sent may reach the client as a connection reset instead of the 400)
                Arguments.of("simulation of two million points", "POST", "/api/v1/simulations", "application/json",
                        "{\"series\": [" + "1,".repeat(2_000_000) + "1]}"),
                Arguments.of("dashboard app page with traversal", "GET", "/dashboard/apps/..%2F..%2Fetc", null, null),
                Arguments.of("dashboard rollback of an unknown app", "POST", "/dashboard/apps/ghost/releases/1/rollback",
                        "application/x-www-form-urlencoded", ""),
                Arguments.of("dashboard usage with markup", "GET", "/dashboard/usage?from=%3Cscript%3Ealert(1)%3C/script%3E", null, null),
                Arguments.of("dashboard key with markup", "POST", "/dashboard/apps/ghost/keys", "application/x-www-form-urlencoded", "name=%3Cscript%3E"),
                Arguments.of("dashboard bundle form with a markup app name", "POST", "/deploy/bundle",
                        "multipart/form-data; boundary=XX", "--XX\r\nContent-Disposition: form-data; name=\"appName\"\r\n\r\n"
                                + "<script>alert(1)</script>\r\n--XX--\r\n"),
                Arguments.of("router path to an unknown app", "GET", "/apps/%2e%2e/v2", null, null),
                Arguments.of("router infer deeply nested", "POST", "/apps/victim/v2/models/victim/infer", "application/json",
                        "{\"inputs\": " + deep + "}"),
                Arguments.of("router infer wrong shape", "POST", "/apps/victim/v2/models/victim/infer", "application/json",
                        "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1,2],\"data\":[1]}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void hostileRequestGetsA4xxAndIsNotEchoedRaw(String name, String method, String path, String contentType,
            String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (!path.startsWith("/apps/")) { // signed in, so the input itself is what gets refused
            request.header("Authorization", "Bearer " + platform.adminToken());
        }
        // a client of its own: the platform may close a connection after refusing a body half read
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                request.timeout(java.time.Duration.ofSeconds(60)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(name + ": " + abbreviate(answer.body())).isBetween(400, 499);
        assertThat(answer.body()).as("markup is never echoed raw").doesNotContain("<script>");
    }

    @Test
    void headerInjectionInTheRequestIdIsNotEchoed() throws IOException {
        String answer = raw("GET /apps/victim/v2/health/ready HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Request-Id: abc\rSet-Cookie: evil=1\r\nConnection: close\r\n\r\n");
        assertThat(answer).doesNotContainIgnoringCase("Set-Cookie: evil");
        String longId = raw("GET /apps/victim/v2/health/ready HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: "
                + "<b>".repeat(100) + "\r\nConnection: close\r\n\r\n");
        assertThat(longId).startsWith("HTTP/1.1 200").doesNotContain("<b>");
    }

    /** Requests without a valid token, or with one smuggled where tokens do not go. */
    static Stream<Arguments> unsignedRequests() {
        String basic = java.util.Base64.getEncoder().encodeToString("admin:wrong-password".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("no token", "GET /api/v1/apps HTTP/1.1\r\n", 401),
                Arguments.of("a made-up token", "GET /api/v1/apps HTTP/1.1\r\nAuthorization: Bearer swt_made-up\r\n", 401),
                Arguments.of("an empty bearer", "GET /api/v1/apps HTTP/1.1\r\nAuthorization: Bearer \r\n", 401),
                Arguments.of("a token in the query", "GET /api/v1/apps?access_token=" + platform.adminToken()
                        + " HTTP/1.1\r\n", 401),
                Arguments.of("a wrong password for a token", "POST /api/v1/tokens HTTP/1.1\r\nAuthorization: Basic " + basic
                        + "\r\nContent-Length: 0\r\n", 401),
                Arguments.of("a password where a token belongs", "GET /api/v1/apps HTTP/1.1\r\nAuthorization: Basic "
                        + java.util.Base64.getEncoder().encodeToString(("admin:" + PlatformHarness.ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)) + "\r\n", 401),
                Arguments.of("a session cookie made up", "GET /api/v1/apps HTTP/1.1\r\nCookie: JSESSIONID=forged\r\n", 401),
                Arguments.of("a page post without CSRF token", "POST /dashboard/tokens HTTP/1.1\r\nCookie: JSESSIONID=forged\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 6\r\n\r\nname=x", 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsignedRequests")
    void requestsWithoutAValidTokenAreRefused(String name, String head, int status) throws IOException {
        String request = head.contains("\r\n\r\n") ? head.replaceFirst("HTTP/1.1\r\n",
                "HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
                : head + "Host: localhost\r\nConnection: close\r\n\r\n";
        String answer = raw(request);
        assertThat(answer).as(name).startsWith("HTTP/1.1 " + status);
        assertThat(answer).as(name).doesNotContain("victim");
    }

    @Test
    void oversizedHeadersAre431() throws IOException {
        String answer = raw("GET /api/v1/apps HTTP/1.1\r\nHost: localhost\r\nX-Junk: " + "j".repeat(64 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431");
    }

    @Test
    void hostWithPathCharactersIsNotAnApp() throws IOException {
        String answer = raw("GET /v2 HTTP/1.1\r\nHost: ..%2f.localhost\r\nAuthorization: Bearer " + platform.adminToken()
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).matches("(?s)HTTP/1.1 4\\d\\d.*");
    }

    @Test
    void slowUploadDoesNotHoldUpOthers() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", platform.port())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/v1/apps/slowpoke/deployments HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + platform.adminToken() + "\r\n"
                    + "Content-Type: application/gzip\r\nContent-Length: 100000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0x1f, (byte) 0x8b});
            out.flush();
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThat(platform.get("/api/v1/apps/victim").status()).isEqualTo(200);
                assertThat(platform.postJson("/apps/victim/v2/models/victim/infer", INFER).status()).isEqualTo(200);
            }
            assertThat((System.nanoTime() - started) / 1e9).as("seconds for 10 calls beside a stalled upload")
                    .isLessThan(20);
        }
        assertThat(platform.get("/api/v1/apps/slowpoke").status()).isEqualTo(404);
    }

    static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", platform.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
