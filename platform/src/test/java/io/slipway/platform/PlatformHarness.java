package io.slipway.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real platform (Jetty on a free port, H2 file database in a data directory) for tests. */
public final class PlatformHarness implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The first admin's name and password on every platform the harness starts. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "harness-admin-password";

    private final ConfigurableApplicationContext context;
    private final int port;
    private final String adminToken;

    private PlatformHarness(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.adminToken = mintToken(ADMIN, adminPassword());
    }

    /** The configured admin password, or (when the platform made one) the one it wrote to its data directory. */
    public String adminPassword() {
        String configured = context.getEnvironment().getProperty("slipway.security.admin-password", "");
        if (!configured.isEmpty()) {
            return configured;
        }
        try {
            return Files.readString(Path.of(context.getEnvironment().getProperty("slipway.data-dir"))
                    .resolve("initial-admin-password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code extra} with the harness's admin password unless it sets one (empty: the platform makes one). */
    private static String[] withAdminPassword(String[] extra) {
        if (Stream.of(extra).anyMatch(arg -> arg.startsWith("--slipway.security.admin-password="))) {
            return extra;
        }
        return Stream.concat(Stream.of(extra), Stream.of("--slipway.security.admin-password=" + ADMIN_PASSWORD))
                .toArray(String[]::new);
    }

    /** The admin's API token, sent with every request of this harness (except the {@code *As} ones). */
    public String adminToken() {
        return adminToken;
    }

    /** A new API token of a user, made with its password (the one call that takes a password). */
    public String mintToken(String username, String password) {
        Answer answer = sendAs(null, HttpRequest.newBuilder(URI.create(url("/api/v1/tokens")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/plain").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"harness\"}")));
        if (answer.status() != 201) {
            throw new AssertionError("cannot make a token for " + username + ": " + answer.status() + " " + answer.body());
        }
        return answer.body().strip();
    }

    /** A new member (or admin) and its API token. */
    public String createUser(String username, String role) {
        String password = username + "-password-123";
        Answer made = postJson("/api/v1/users", "{\"username\": \"" + username + "\", \"password\": \"" + password
                + "\", \"role\": \"" + role + "\"}");
        if (made.status() != 201) {
            throw new AssertionError("cannot make user " + username + ": " + made.status() + " " + made.body());
        }
        return mintToken(username, password);
    }

    public static PlatformHarness start(Path dataDir, String backend, String... extra) {
        return start(dataDir, backend, null, extra);
    }

    /** The platform on {@code clock} instead of the wall clock (when not null). */
    public static PlatformHarness start(Path dataDir, String backend, java.time.Clock clock, String... extra) {
        String[] args = Stream.concat(Stream.of("--server.port=0", "--slipway.data-dir=" + dataDir,
                "--slipway.backend=" + backend, "--slipway.reconcile-interval=500ms", "--slipway.drain-timeout=20s"),
                Stream.of(withAdminPassword(extra))).toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(SlipwayApplication.class);
        if (clock != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock));
        }
        return new PlatformHarness(builder.run(args));
    }

    /** Starts the platform with more configuration classes (beans a test puts in, e.g. another GitAccess). */
    public static PlatformHarness startWith(Class<?>[] sources, Path dataDir, String backend, String... extra) {
        String[] args = Stream.concat(Stream.of("--server.port=0", "--slipway.data-dir=" + dataDir,
                "--slipway.backend=" + backend, "--slipway.reconcile-interval=500ms", "--slipway.drain-timeout=20s"),
                Stream.of(withAdminPassword(extra))).toArray(String[]::new);
        return new PlatformHarness(new SpringApplicationBuilder(SlipwayApplication.class).sources(sources).run(args));
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /** An answer: status, headers and body text. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {
    }

    public Answer getAs(String token, String path) {
        return sendAs(token, HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE());
    }

    public Answer post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends as the admin, unless the request already says who it is or goes to an app through the
     * router ({@code /apps/...}: app traffic, where the platform's tokens have no business).
     */
    public Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        boolean own = built.headers().firstValue("Authorization").isPresent() || built.uri().getPath().startsWith("/apps/");
        return sendAs(own ? null : adminToken, request);
    }

    /** Sends with {@code token} as the bearer token; null sends no credentials at all. */
    public Answer sendAs(String token, HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Deletes every app, so no instance outlives the test (process instances outlive their platform by design). */
    public void deleteAllApps() {
        try {
            for (com.fasterxml.jackson.databind.JsonNode app : JSON.readTree(get("/api/v1/apps").body())) {
                delete("/api/v1/apps/" + app.path("name").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deploys a bundle folder to {@code app} and waits until the deployment is live or failed. */
    public com.fasterxml.jackson.databind.JsonNode deploy(String app, Path bundleDir) {
        return deployAs(adminToken, app, bundleDir);
    }

    /** Deploys as the user of {@code token}. */
    public com.fasterxml.jackson.databind.JsonNode deployAs(String token, String app, Path bundleDir) {
        Answer answer = sendAs(token, HttpRequest.newBuilder(URI.create(url("/api/v1/apps/" + app + "/deployments")))
                .header("Content-Type", "application/gzip").POST(HttpRequest.BodyPublishers.ofByteArray(tarGz(bundleDir))));
        if (answer.status() != 202) {
            throw new AssertionError("deploy to " + app + " answered " + answer.status() + ": " + answer.body());
        }
        return awaitDeployment(answer.headers().firstValue("Location").orElseThrow());
    }

    /** Polls a deployment until it is live or failed (five minutes at most). */
    public com.fasterxml.jackson.databind.JsonNode awaitDeployment(String location) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                com.fasterxml.jackson.databind.JsonNode deployment = JSON.readTree(get(location).body());
                if (deployment.path("status").asText().matches("live|failed")) {
                    return deployment;
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("deployment " + location + " did not finish");
    }

    /** A folder as a tar.gz bundle, the way {@code tar -C dir -czf - .} makes it. */
    public static byte[] tarGz(Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes));
                Stream<Path> files = Files.walk(dir)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path file : files.sorted().toList()) {
                if (Files.isRegularFile(file)) {
                    TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), dir.relativize(file).toString());
                    tar.putArchiveEntry(entry);
                    Files.copy(file, tar);
                    tar.closeArchiveEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The repository root (the folder holding sample-apps/). */
    public static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("sample-apps"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no sample-apps/ above " + Path.of("").toAbsolutePath());
    }

    @Override
    public void close() {
        context.close();
    }
}
