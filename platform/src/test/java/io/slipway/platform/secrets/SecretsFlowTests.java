package io.slipway.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.RuntimeBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets end to end on the process backend: a value given inline in an upload reaches the
 * instance's environment and is found in plain text nowhere else (no file under the data
 * directory, no answer of the API or the dashboard); {@code { secret: true }} keeps it across
 * deployments; a change reaches the next rollout; a missing secret refuses the deployment.
 */
class SecretsFlowTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    static PlatformHarness platform;

    @BeforeAll
    static void start() {
        platform = PlatformHarness.start(dataDir, "process", "--slipway.ready-timeout=60s");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            for (String app : new String[] {"sec-iris", "sec-unknown", "sec-api"}) {
                platform.delete("/api/v1/apps/" + app);
            }
            platform.close();
        }
    }

    @Test
    void inlineSecretReachesTheInstanceAndIsKeptNowhereInPlainText() throws Exception {
        String value = "sv-" + UUID.randomUUID();
        JsonNode first = platform.deploy("sec-iris", iris("inline", "GREETING: hello\n  API_KEY: { secret: \"" + value + "\" }"));
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("live");
        assertThat(environment("sec-iris", 1)).contains("API_KEY=" + value, "GREETING=hello");

        assertThat(filesHolding(value)).as("files under the data directory holding the value").isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secrets.key"))))
                .isEqualTo("rw-------");
        String deployment = first.path("id").asText();
        List<String> shown = Stream.of("/api/v1/apps/sec-iris", "/api/v1/apps/sec-iris/releases",
                "/api/v1/apps/sec-iris/releases/1", "/api/v1/apps/sec-iris/deployments",
                "/api/v1/apps/sec-iris/deployments/" + deployment, "/api/v1/apps/sec-iris/deployments/" + deployment + "/log",
                "/api/v1/apps/sec-iris/secrets", "/api/v1/audit?app=sec-iris", "/dashboard/apps/sec-iris",
                "/dashboard/apps/sec-iris/deployments/" + deployment, "/dashboard/audit").map(path -> {
                    PlatformHarness.Answer answer = platform.get(path);
                    assertThat(answer.status()).as(path).isEqualTo(200);
                    return answer.body();
                }).toList();
        assertThat(shown).noneMatch(body -> body.contains(value));
        assertThat(platform.get("/api/v1/apps/sec-iris/releases/1").body()).contains("API_KEY: { secret: true }");
        assertThat(platform.get("/api/v1/apps/sec-iris/secrets").body()).contains("\"name\":\"API_KEY\"");
        assertThat(platform.get("/dashboard/apps/sec-iris").body()).contains("data-secret=\"API_KEY\"");
        assertThat(platform.get("/api/v1/audit?app=sec-iris").body())
                .contains("secret API_KEY set from the slipway.yaml of deployment " + deployment);

        JsonNode second = platform.deploy("sec-iris", iris("kept", "GREETING: again\n  API_KEY: { secret: true }"));
        assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("live");
        assertThat(environment("sec-iris", 2)).as("{ secret: true } keeps the stored value")
                .contains("API_KEY=" + value, "GREETING=again");

        String changed = "sv-" + UUID.randomUUID();
        PlatformHarness.Answer put = put("/api/v1/apps/sec-iris/secrets/API_KEY", "{\"value\": \"" + changed + "\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).doesNotContain(changed).contains("\"name\":\"API_KEY\"").contains("at the next rollout");
        assertThat(environment("sec-iris", 2)).as("a running instance keeps its value").contains("API_KEY=" + value);
        JsonNode redeploy = platform.awaitDeployment(platform.post("/api/v1/apps/sec-iris/releases/2/rollback",
                "application/json", new byte[0]).headers().firstValue("Location").orElseThrow());
        assertThat(redeploy.path("status").asText()).isEqualTo("live");
        assertThat(environment("sec-iris", 3)).as("the next rollout gets the new value").contains("API_KEY=" + changed);

        PlatformHarness.Answer refused = platform.delete("/api/v1/apps/sec-iris/secrets/API_KEY");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).path("detail").asText()).isEqualTo("release v3 of app 'sec-iris' needs"
                + " secret API_KEY (env.API_KEY: { secret: true } in its slipway.yaml); deploy a manifest without it first");
        assertThat(filesHolding(value)).isEmpty();
        assertThat(filesHolding(changed)).isEmpty();
    }

    @Test
    void deployNamingASecretTheAppLacksIsRefusedSayingHowToSetIt() throws Exception {
        PlatformHarness.Answer answer = platform.post("/api/v1/apps/sec-unknown/deployments", "application/gzip",
                PlatformHarness.tarGz(iris("unknown", "TOKEN: { secret: true }")));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("errors").get(0).asText()).isEqualTo("slipway.yaml: env.TOKEN.secret:"
                + " app 'sec-unknown' has no secret TOKEN; set it first with PUT /api/v1/apps/sec-unknown/secrets/TOKEN"
                + " {\"value\": \"...\"} (create the app with POST /api/v1/apps if it is new), or in the Secrets section"
                + " of the app's dashboard page");
        assertThat(platform.get("/api/v1/apps/sec-unknown").status()).as("nothing was created").isEqualTo(404);
    }

    @Test
    void apiAndDashboardSetListAndDeleteSecretsByNameOnly() throws Exception {
        assertThat(platform.postJson("/api/v1/apps", "{\"name\": \"sec-api\"}").status()).isEqualTo(201);
        String value = "sv-" + UUID.randomUUID();
        assertThat(put("/api/v1/apps/sec-api/secrets/DB_PASSWORD", "{\"value\": \"" + value + "\"}").status()).isEqualTo(200);
        JsonNode listed = JSON.readTree(platform.get("/api/v1/apps/sec-api/secrets").body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("name").asText()).isEqualTo("DB_PASSWORD");
        assertThat(listed.get(0).has("updatedAt")).isTrue();
        assertThat(listed.toString()).doesNotContain(value);

        assertProblem(put("/api/v1/apps/sec-api/secrets/1BAD", "{\"value\": \"x\"}"), 400, "a secret's name is an"
                + " environment variable name: [A-Za-z_][A-Za-z0-9_]*, at most 128 characters, got '1BAD'");
        assertProblem(put("/api/v1/apps/sec-api/secrets/K", "{\"value\": 12}"), 400,
                "the body must be {\"value\": \"...\"} with a string value");
        assertProblem(put("/api/v1/apps/sec-api/secrets/K", "value=x"), 400, "the body must be JSON: {\"value\": \"...\"}");
        assertProblem(put("/api/v1/apps/sec-api/secrets/K", "{\"value\": \"" + "x".repeat(33 * 1024) + "\"}"), 400,
                "the value of secret K must be at most 32 KiB");
        assertProblem(put("/api/v1/apps/sec-api/secrets/K", "{\"value\": \"" + "x".repeat(300 * 1024) + "\"}"), 400,
                "the body must be at most 256 KiB: {\"value\": \"...\"}");
        assertProblem(put("/api/v1/apps/sec-nope/secrets/K", "{\"value\": \"x\"}"), 404, "app 'sec-nope' does not exist");
        assertProblem(platform.delete("/api/v1/apps/sec-api/secrets/NOPE"), 404, "app 'sec-api' has no secret NOPE");

        PlatformHarness.Answer form = platform.send(HttpRequest.newBuilder(URI.create(platform.url(
                "/dashboard/apps/sec-api/secrets"))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=FROM_DASHBOARD&value=" + value + "-dash")));
        assertThat(form.status()).isEqualTo(302);
        String page = platform.get("/dashboard/apps/sec-api").body();
        assertThat(page).contains("data-secret=\"FROM_DASHBOARD\"", "data-secret=\"DB_PASSWORD\"", "type=\"password\"")
                .doesNotContain(value);
        assertThat(platform.post("/dashboard/apps/sec-api/secrets/FROM_DASHBOARD/delete",
                "application/x-www-form-urlencoded", new byte[0]).status()).isEqualTo(302);
        assertThat(platform.get("/api/v1/apps/sec-api/secrets").body()).doesNotContain("FROM_DASHBOARD");

        assertThat(platform.delete("/api/v1/apps/sec-api/secrets/DB_PASSWORD").status()).isEqualTo(204);
        assertThat(put("/api/v1/apps/sec-api/secrets/OTHER", "{\"value\": \"x\"}").status()).isEqualTo(200);
        String audit = platform.get("/api/v1/audit?app=sec-api").body();
        assertThat(audit).contains("secret DB_PASSWORD set through the API", "secret DB_PASSWORD deleted",
                "secret FROM_DASHBOARD set on the dashboard", "secret-set", "secret-delete").doesNotContain(value);

        assertThat(platform.delete("/api/v1/apps/sec-api").status()).isEqualTo(204);
        assertThat(platform.postJson("/api/v1/apps", "{\"name\": \"sec-api\"}").status()).isEqualTo(201);
        assertThat(JSON.readTree(platform.get("/api/v1/apps/sec-api/secrets").body())).as("deleted with the app").isEmpty();
    }

    static void assertProblem(PlatformHarness.Answer answer, int status, String detail) throws IOException {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("detail").asText()).isEqualTo(detail);
    }

    static PlatformHarness.Answer put(String path, String body) {
        return platform.send(HttpRequest.newBuilder(URI.create(platform.url(path))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The iris sample with an env section, in its own folder. */
    static Path iris(String name, String envEntries) throws IOException {
        return iris(work.resolve(name), envEntries);
    }

    static Path iris(Path bundle, String envEntries) throws IOException {
        copy(PlatformHarness.repository().resolve("sample-apps/iris-onnx"), bundle);
        Files.writeString(bundle.resolve("slipway.yaml"), "env:\n  " + envEntries + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        return bundle;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** The environment of the app's running instance of {@code release}, read from /proc. */
    static List<String> environment(String app, int release) throws IOException {
        Instance instance = platform.bean(RuntimeBackend.class).list().stream()
                .filter(i -> i.app().equals(app) && i.release() == release && i.running()).findFirst().orElseThrow();
        byte[] environ = Files.readAllBytes(Path.of("/proc", instance.backendId(), "environ"));
        return Arrays.asList(new String(environ, StandardCharsets.UTF_8).split("\0"));
    }

    /** Every file under the data directory whose bytes hold {@code text}. */
    static List<Path> filesHolding(String text) throws IOException {
        return filesHolding(dataDir, text);
    }

    /** Every file under {@code dir} whose bytes hold {@code text}. */
    static List<Path> filesHolding(Path dir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> holds(file, needle)).toList();
        }
    }

    static boolean holds(Path file, byte[] needle) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i <= bytes.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
