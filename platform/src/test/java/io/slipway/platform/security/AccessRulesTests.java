package io.slipway.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role and ownership rules, over every API endpoint and dashboard page (each one the platform
 * maps, checked against the table so a new endpoint cannot slip past), for four callers:
 * nobody signed in, another member, the app's owner, an admin. Denials leak nothing: another
 * member's request about an app gets exactly what a request about a missing app gets.
 */
class AccessRulesTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HIDDEN_MESSAGE = "app 'owned' does not exist";

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    static PlatformHarness platform;
    static final Map<Caller, String> TOKENS = new java.util.EnumMap<>(Caller.class);
    static String deploymentId;
    static String instanceId;

    /** Who asks. */
    enum Caller { ANONYMOUS, OTHER, OWNER, ADMIN }

    /** What the caller must get. */
    enum Outcome {
        /** 401 (API) or a way to sign in (pages: a redirect to /login, or 403 for a form post without a session). */
        SIGN_IN,
        /** 404, word for word what a missing app gets. */
        HIDDEN,
        /** 403: admins only. */
        FORBIDDEN,
        /** Reaches the endpoint: not 401/403, and not the hidden-app 404. */
        ALLOWED,
        /** 409, the name is taken: a deployment to another's app name, as creating an app of that name would be. */
        TAKEN
    }

    /** One endpoint: method, path template as mapped, the concrete path to call and a body for writes. */
    record Row(String method, String template, String path, String body, Kind kind) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Whose endpoint: one app's, admins', or everyone's own (their apps, tokens, usage). */
    enum Kind { APP, ADMIN, OWN }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String a = "/api/v1/apps/{app}";
        app(rows, "GET", a, "", null);
        app(rows, "PATCH", a, "", "{}");
        app(rows, "DELETE", a, "", null);
        app(rows, "POST", a + "/deployments", "/deployments", "{}");
        app(rows, "GET", a + "/deployments", "/deployments", null);
        app(rows, "GET", a + "/deployments/{id}", "/deployments/DEPLOYMENT", null);
        app(rows, "GET", a + "/deployments/{id}/log", "/deployments/DEPLOYMENT/log", null);
        app(rows, "GET", a + "/instances", "/instances", null);
        app(rows, "GET", a + "/instances/{id}/logs", "/instances/INSTANCE/logs", null);
        app(rows, "GET", a + "/releases", "/releases", null);
        app(rows, "GET", a + "/releases/{number}", "/releases/1", null);
        app(rows, "POST", a + "/releases/{number}/rollback", "/releases/999/rollback", "{}");
        app(rows, "GET", a + "/metrics", "/metrics", null);
        app(rows, "GET", a + "/usage", "/usage", null);
        app(rows, "GET", a + "/usage/instances", "/usage/instances", null);
        app(rows, "GET", a + "/keys", "/keys", null);
        app(rows, "POST", a + "/keys", "/keys", "{\"name\": \"table\"}");
        app(rows, "DELETE", a + "/keys/{id}", "/keys/no-such-key", null);
        app(rows, "GET", a + "/scaling", "/scaling", null);
        app(rows, "PUT", a + "/scaling", "/scaling", "{\"maxInstances\": 2}");
        app(rows, "DELETE", a + "/scaling", "/scaling", null);
        app(rows, "GET", a + "/scaling/events", "/scaling/events", null);
        app(rows, "GET", a + "/secrets", "/secrets", null);
        app(rows, "PUT", a + "/secrets/{name}", "/secrets/TABLE_SECRET", "{\"value\": \"v\"}");
        app(rows, "DELETE", a + "/secrets/{name}", "/secrets/NO_SUCH_SECRET", null);
        String d = "/dashboard/apps/{app}";
        app(rows, "GET", d, "", null);
        app(rows, "POST", d + "/releases/{number}/rollback", "/releases/999/rollback", "");
        app(rows, "GET", d + "/instances/{id}/logs", "/instances/INSTANCE/logs", null);
        app(rows, "GET", d + "/scaling", "/scaling", null);
        app(rows, "POST", d + "/scaling", "/scaling", "maxInstances=2");
        app(rows, "POST", d + "/scaling/reset", "/scaling/reset", "");
        app(rows, "GET", d + "/deployments/{id}", "/deployments/DEPLOYMENT", null);
        app(rows, "GET", d + "/deployments/{id}/status", "/deployments/DEPLOYMENT/status", null);
        app(rows, "GET", d + "/deployments/{id}/log", "/deployments/DEPLOYMENT/log", null);
        app(rows, "POST", d + "/keys", "/keys", "name=page");
        app(rows, "POST", d + "/keys/{id}/revoke", "/keys/no-such-key/revoke", "");
        app(rows, "POST", d + "/secrets", "/secrets", "name=PAGE_SECRET&value=v");
        app(rows, "POST", d + "/secrets/{name}/delete", "/secrets/NO_SUCH_SECRET/delete", "");
        admin(rows, "GET", "/api/v1/audit", "/api/v1/audit", null);
        admin(rows, "GET", "/api/v1/users", "/api/v1/users", null);
        admin(rows, "POST", "/api/v1/users", "/api/v1/users", "{}");
        admin(rows, "GET", "/api/v1/users/{username}", "/api/v1/users/olive", null);
        admin(rows, "PATCH", "/api/v1/users/{username}", "/api/v1/users/olive", "{}");
        admin(rows, "DELETE", "/api/v1/users/{username}", "/api/v1/users/nobody", null);
        admin(rows, "GET", "/api/v1/teams", "/api/v1/teams", null);
        admin(rows, "POST", "/api/v1/teams", "/api/v1/teams", "{}");
        admin(rows, "GET", "/api/v1/teams/{team}", "/api/v1/teams/ml", null);
        admin(rows, "DELETE", "/api/v1/teams/{team}", "/api/v1/teams/nosuch", null);
        admin(rows, "PUT", "/api/v1/teams/{team}/members/{username}", "/api/v1/teams/ml/members/olive", "");
        admin(rows, "DELETE", "/api/v1/teams/{team}/members/{username}", "/api/v1/teams/ml/members/nobody", null);
        admin(rows, "GET", "/api/v1/quotas", "/api/v1/quotas", null);
        admin(rows, "GET", "/api/v1/quotas/{owner}", "/api/v1/quotas/olive", null);
        admin(rows, "PUT", "/api/v1/quotas/{owner}", "/api/v1/quotas/nobody", "{}");
        admin(rows, "DELETE", "/api/v1/quotas/{owner}", "/api/v1/quotas/nobody", null);
        admin(rows, "GET", "/dashboard/audit", "/dashboard/audit", null);
        admin(rows, "GET", "/dashboard/users", "/dashboard/users", null);
        admin(rows, "POST", "/dashboard/users", "/dashboard/users", "username=");
        admin(rows, "POST", "/dashboard/users/teams", "/dashboard/users/teams", "name=");
        admin(rows, "POST", "/dashboard/users/teams/members", "/dashboard/users/teams/members", "team=ml&username=x");
        own(rows, "GET", "/api/v1/apps", null);
        own(rows, "POST", "/api/v1/apps", "{}");
        own(rows, "GET", "/api/v1/usage", null);
        own(rows, "POST", "/api/v1/simulations", "{}");
        own(rows, "GET", "/api/v1/user", null);
        own(rows, "PUT", "/api/v1/user/password", "{}");
        own(rows, "GET", "/api/v1/tokens", null);
        own(rows, "POST", "/api/v1/tokens", "{\"name\": \"table\"}");
        rows.add(new Row("DELETE", "/api/v1/tokens/{id}", "/api/v1/tokens/no-such-token", null, Kind.OWN));
        own(rows, "GET", "/", null);
        rows.add(new Row("GET", "/dashboard", "/dashboard", null, Kind.OWN));
        own(rows, "GET", "/dashboard/apps", null);
        own(rows, "GET", "/deploy", null);
        own(rows, "POST", "/deploy/bundle", "appName=");
        own(rows, "POST", "/deploy/model", "appName=");
        own(rows, "GET", "/dashboard/usage", null);
        own(rows, "GET", "/dashboard/tokens", null);
        own(rows, "POST", "/dashboard/tokens", "name=page");
        rows.add(new Row("POST", "/dashboard/tokens/{id}/revoke", "/dashboard/tokens/no-such-token/revoke", "",
                Kind.OWN));
        own(rows, "POST", "/dashboard/tokens/password", "password=short&repeat=short");
        return rows;
    }

    private static void app(List<Row> rows, String method, String template, String suffix, String body) {
        String base = template.startsWith("/api") ? "/api/v1/apps/owned" : "/dashboard/apps/owned";
        rows.add(new Row(method, template, base + suffix, body, Kind.APP));
    }

    private static void admin(List<Row> rows, String method, String template, String path, String body) {
        rows.add(new Row(method, template, path, body, Kind.ADMIN));
    }

    private static void own(List<Row> rows, String method, String path, String body) {
        rows.add(new Row(method, path, path, body, Kind.OWN));
    }

    static Stream<Row> table() {
        return rows().stream();
    }

    @BeforeAll
    static void start() throws Exception {
        platform = PlatformHarness.start(dataDir, "process");
        TOKENS.put(Caller.ADMIN, platform.adminToken());
        TOKENS.put(Caller.OWNER, platform.createUser("olive", "member"));
        TOKENS.put(Caller.OTHER, platform.createUser("mallory", "member"));
        assertThat(platform.postJson("/api/v1/teams", "{\"name\": \"ml\"}").status()).isEqualTo(201);
        Path bundle = Files.createDirectories(work.resolve("owned"));
        Files.writeString(bundle.resolve("slipway.yaml"), """
                name: owned
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                resources: { cpu: 0.25, memory: 256Mi }
                """);
        JsonNode deployment = platform.deployAs(TOKENS.get(Caller.OWNER), "owned", bundle);
        assertThat(deployment.path("status").asText()).isEqualTo("live");
        deploymentId = deployment.path("id").asText();
        JsonNode app = JSON.readTree(platform.getAs(TOKENS.get(Caller.OWNER), "/api/v1/apps/owned").body());
        assertThat(app.path("owner").asText()).isEqualTo("olive");
        instanceId = app.path("instances").get(0).path("id").asText();
        for (String spare : List.of("spare-owner", "spare-admin")) {
            assertThat(platform.sendAs(TOKENS.get(Caller.OWNER), json("POST", "/api/v1/apps",
                    "{\"name\": \"" + spare + "\"}")).status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.deleteAllApps();
            platform.close();
        }
    }

    @Test
    void theTableCoversEveryMappedEndpoint() {
        Set<String> mapped = new TreeSet<>();
        platform.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                for (var verb : info.getMethodsCondition().getMethods()) {
                    mapped.add(verb + " " + pattern);
                }
            }
        });
        mapped.removeAll(Set.of("GET /login", "GET /error", "POST /error"));
        mapped.removeIf(endpoint -> endpoint.startsWith("GET /actuator"));
        Set<String> covered = new TreeSet<>(rows().stream().map(Row::toString).toList());
        assertThat(covered).containsAll(mapped);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyCallerGetsWhatItsRoleAllows(Row row) throws Exception {
        for (Caller caller : Caller.values()) {
            Outcome expected = expected(row.kind(), caller);
            if (expected == Outcome.HIDDEN && row.toString().equals("POST /api/v1/apps/{app}/deployments")) {
                expected = Outcome.TAKEN;
            }
            String path = row.path().replace("DEPLOYMENT", deploymentId).replace("INSTANCE", instanceId);
            if (row.template().equals("/api/v1/apps/{app}") && row.method().equals("DELETE")
                    && expected == Outcome.ALLOWED) {
                path = caller == Caller.OWNER ? "/api/v1/apps/spare-owner" : "/api/v1/apps/spare-admin";
            }
            PlatformHarness.Answer answer = platform.sendAs(TOKENS.get(caller), request(row.method(), path, row.body()));
            String seen = caller + " " + row + " -> " + answer.status() + " " + abbreviate(answer.body());
            boolean page = !path.startsWith("/api/");
            switch (expected) {
                case SIGN_IN -> {
                    if (page) {
                        assertThat(answer.status()).as(seen).isIn(302, 403);
                        if (answer.status() == 302) {
                            assertThat(answer.headers().firstValue("Location").orElse("")).as(seen).endsWith("/login");
                        }
                    } else {
                        assertThat(answer.status()).as(seen).isEqualTo(401);
                        assertThat(answer.body()).as(seen).doesNotContain("owned\"").doesNotContain("olive");
                    }
                }
                case HIDDEN -> {
                    assertThat(answer.status()).as(seen).isEqualTo(404);
                    assertThat(answer.body().replace("&#39;", "'")).as(seen).contains(HIDDEN_MESSAGE)
                            .doesNotContain("olive");
                }
                case FORBIDDEN -> assertThat(answer.status()).as(seen).isEqualTo(403);
                case TAKEN -> {
                    assertThat(answer.status()).as(seen).isEqualTo(409);
                    assertThat(answer.body()).as(seen).contains("the app name 'owned' is taken").doesNotContain("olive");
                }
                case ALLOWED -> {
                    assertThat(answer.status()).as(seen).isNotIn(401, 403);
                    assertThat(answer.body().replace("&#39;", "'")).as(seen).doesNotContain(HIDDEN_MESSAGE);
                    if (page && answer.status() == 302) {
                        assertThat(answer.headers().firstValue("Location").orElse("")).as(seen).doesNotEndWith("/login");
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    @Test
    void anotherMembersAppIsAnswredExactlyLikeAMissingOne() {
        String hidden = platform.getAs(TOKENS.get(Caller.OTHER), "/api/v1/apps/owned/releases").body();
        String missing = platform.getAs(TOKENS.get(Caller.OTHER), "/api/v1/apps/nothing-here/releases").body();
        assertThat(hidden.replace("owned", "NAME")).isEqualTo(missing.replace("nothing-here", "NAME"));
    }

    @Test
    void listsShowOnlyWhatTheCallerMayUse() throws Exception {
        assertThat(names(platform.getAs(TOKENS.get(Caller.OTHER), "/api/v1/apps").body())).isEmpty();
        assertThat(names(platform.getAs(TOKENS.get(Caller.OWNER), "/api/v1/apps").body())).contains("owned");
        assertThat(names(platform.getAs(TOKENS.get(Caller.ADMIN), "/api/v1/apps").body())).contains("owned");
        assertThat(platform.getAs(TOKENS.get(Caller.OTHER), "/").body()).doesNotContain("/dashboard/apps/owned");
        assertThat(platform.getAs(TOKENS.get(Caller.OWNER), "/").body()).contains("/dashboard/apps/owned");
        assertThat(platform.getAs(TOKENS.get(Caller.OTHER), "/api/v1/usage?by=app").body()).doesNotContain("owned");
        assertThat(platform.getAs(TOKENS.get(Caller.OTHER), "/api/v1/usage?by=owner").body()).doesNotContain("olive");
        assertThat(platform.getAs(TOKENS.get(Caller.OTHER), "/dashboard/usage?by=app").body()).doesNotContain("owned");
        assertThat(platform.getAs(TOKENS.get(Caller.OTHER), "/").body()).doesNotContain("Audit log");
    }

    @Test
    void gitReadsAndPushesOnlyTheCallersApps() {
        String refs = "/git/owned.git/info/refs?service=git-upload-pack";
        assertThat(platform.getAs(null, refs).status()).isEqualTo(401);
        assertThat(platform.getAs(TOKENS.get(Caller.OTHER), refs).status()).isEqualTo(403);
        assertThat(platform.getAs(TOKENS.get(Caller.OWNER), refs).status()).isIn(200, 404);
        assertThat(platform.getAs(TOKENS.get(Caller.ADMIN), refs).status()).isIn(200, 404);
        assertThat(platform.getAs("swt_not-a-real-token", refs).status()).isEqualTo(401);
    }

    private static Outcome expected(Kind kind, Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            return Outcome.SIGN_IN;
        }
        return switch (kind) {
            case APP -> caller == Caller.OTHER ? Outcome.HIDDEN : Outcome.ALLOWED;
            case ADMIN -> caller == Caller.ADMIN ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            case OWN -> Outcome.ALLOWED;
        };
    }

    private static HttpRequest.Builder request(String method, String path, String body) {
        if (body == null) {
            return HttpRequest.newBuilder(URI.create(platform.url(path))).method(method, HttpRequest.BodyPublishers.noBody());
        }
        String type = path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded";
        return HttpRequest.newBuilder(URI.create(platform.url(path))).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder json(String method, String path, String body) {
        return request(method, path, body);
    }

    private static List<String> names(String json) throws Exception {
        List<String> names = new ArrayList<>();
        JSON.readTree(json).forEach(app -> names.add(app.path("name").asText()));
        return names;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
