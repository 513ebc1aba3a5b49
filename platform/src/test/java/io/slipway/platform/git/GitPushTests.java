package io.slipway.platform.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code git push} deploys, with the real git client against the real platform (process
 * backend): the build log streams back while it runs, refused pushes leave the app and main as
 * they were, git's usual rules hold (fast-forward unless forced, no deleting main), and a clone
 * gives back what was pushed.
 */
class GitPushTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INFER = "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,4],"
            + "\"data\":[5.1,3.5,1.4,0.2]}]}";

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    static PlatformHarness platform;
    static GitClient git;

    @BeforeAll
    static void start() {
        platform = PlatformHarness.start(dataDir, "process", "--slipway.ready-timeout=30s");
        git = new GitClient(work.resolve("home"), platform.adminToken());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            for (String app : new String[] {"git-iris", "git-refused", "git-force"}) {
                platform.delete("/api/v1/apps/" + app);
            }
            platform.close();
        }
    }

    @Test
    void pushGoesLiveStreamingItsBuildLogAndCloneGivesItBack() throws Exception {
        Path repo = git.commitOf(iris(), work.resolve("push-iris"));
        AtomicReference<JsonNode> appWhileRollingOut = new AtomicReference<>();

        GitClient.Result push = git.run(repo, line -> {
            if (line.contains("rolling out release v1") && appWhileRollingOut.get() == null) {
                appWhileRollingOut.set(app("git-iris"));
            }
        }, "push", remote("git-iris"), "main");

        System.out.println("git push of iris (first deploy): " + push.took().toMillis() + " ms");
        assertThat(push.exit()).as(push.toString()).isZero();
        String endpoint = platform.url("/apps/git-iris/v2/models/iris/infer");
        assertThat(push.stderr()).contains("remote: -----> received ", " for app 'git-iris'; unpacking its tree as the bundle")
                .containsPattern("remote: \\[ *[0-9.]+s\\] -----> building release v1 \\(onnx\\)")
                .contains("remote: =====> released v1 of 'git-iris'", "remote:        endpoint: " + endpoint)
                .contains(" * [new branch]      main -> main");
        // streamed while it ran: the rollout line came before the release was live, well before git ended
        assertThat(appWhileRollingOut.get().path("currentRelease").isNull()).as(appWhileRollingOut.get().toString()).isTrue();
        assertThat(push.whenSaid("rolling out release v1")).isLessThan(push.whenSaid("released v1").minusMillis(300));

        PlatformHarness.Answer answer = platform.postJson("/apps/git-iris/v2/models/iris/infer", INFER);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("outputs").get(0).path("shape").toString()).isEqualTo("[1,3]");
        JsonNode release = JSON.readTree(platform.get("/api/v1/apps/git-iris/releases").body()).get(0);
        assertThat(release.path("createdBy").asText()).isEqualTo("admin");

        Path bare = dataDir.resolve("git/git-iris.git");
        assertThat(Files.readString(bare.resolve("HEAD")).trim()).isEqualTo("ref: refs/heads/main");
        Path clone = work.resolve("clone-iris");
        git.ok(work, "clone", "-q", remote("git-iris"), clone.toString());
        assertThat(head(clone)).isEqualTo(head(repo));
        assertThat(git.ok(clone, "status", "--porcelain", "--branch").stdout()).startsWith("## main...origin/main\n");
        assertSameFiles(clone, iris());

        assertThat(platform.delete("/api/v1/apps/git-iris").status()).isEqualTo(204);
        assertThat(bare).doesNotExist();
    }

    @Test
    void brokenManifestOrFailingBuildIsRejectedAndThePreviousReleaseStays() throws Exception {
        Path repo = git.commitOf(iris(), work.resolve("push-refused"));
        git.ok(repo, "push", "-q", remote("git-refused"), "main");
        String live = head(repo);

        Files.writeString(repo.resolve("slipway.yaml"), Files.readString(repo.resolve("slipway.yaml"))
                .replace("format: onnx", "format: tensorflow"));
        git.ok(repo, "commit", "-q", "-am", "unknown format");
        GitClient.Result broken = git.run(repo, "push", remote("git-refused"), "main");

        assertThat(broken.exit()).as(broken.toString()).isNotZero();
        assertThat(broken.stderr()).containsPattern("remote:        slipway\\.yaml:4: model\\.format: \\S.*")
                .containsPattern("! \\[remote rejected\\] main -> main \\(slipway\\.yaml:4: model\\.format: .+\\)");
        assertStillLive("git-refused", 1, live);

        // a well-formed model the runtime cannot load (an operator that does not exist): the rollout
        // fails, the old release keeps serving
        byte[] model = Files.readAllBytes(repo.resolve("model/iris.onnx"));
        Files.write(repo.resolve("model/iris.onnx"), new String(model, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("Relu", "Relv").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.writeString(repo.resolve("slipway.yaml"), Files.readString(iris().resolve("slipway.yaml")));
        git.ok(repo, "commit", "-q", "-am", "broken model");
        GitClient.Result failing = git.run(repo, "push", remote("git-refused"), "main");

        assertThat(failing.exit()).as(failing.toString()).isNotZero();
        assertThat(failing.stderr()).contains("remote: [", "=====> deployment failed: instance git-refused-v2-",
                "No Op registered for Relv", "remote: =====> push rejected: main stays at " + live.substring(0, 10))
                .containsPattern("! \\[remote rejected\\] main -> main \\(deployment failed: instance git-refused-v2-\\S+ "
                        + "exited before it was ready\\)");
        assertStillLive("git-refused", 1, live);
    }

    @Test
    void nonFastForwardIsRefusedUnlessForcedAndOnlyMainDeploys() throws Exception {
        Path repo = git.commitOf(iris(), work.resolve("push-force"));
        git.ok(repo, "push", "-q", remote("git-force"), "main");
        String first = head(repo);

        Files.writeString(repo.resolve("model/labels.txt"), "one\ntwo\nthree\n");
        git.ok(repo, "commit", "-q", "--amend", "-am", "other labels");
        GitClient.Result refused = git.run(repo, "push", remote("git-force"), "main");
        assertThat(refused.exit()).as(refused.toString()).isNotZero();
        assertThat(refused.stderr()).contains("! [rejected]        main -> main (non-fast-forward)");
        assertStillLive("git-force", 1, first);

        GitClient.Result forced = git.run(repo, "push", "--force", remote("git-force"), "main");
        assertThat(forced.exit()).as(forced.toString()).isZero();
        assertThat(forced.stderr()).contains("remote: =====> released v2 of 'git-force'", "+ " + first.substring(0, 7));
        assertStillLive("git-force", 2, head(repo));
        Path clone = work.resolve("clone-force");
        git.ok(work, "clone", "-q", remote("git-force"), clone.toString());
        assertThat(Files.readString(clone.resolve("model/labels.txt"))).isEqualTo("one\ntwo\nthree\n");

        GitClient.Result branch = git.run(repo, "push", remote("git-force"), "main:refs/heads/dev", "HEAD:refs/tags/v1");
        assertThat(branch.exit()).isNotZero();
        assertThat(branch.stderr()).contains("! [remote rejected] main -> dev (only main deploys; push to it with: git push <remote> HEAD:main)")
                .contains("! [remote rejected] HEAD -> v1 (only main deploys");
        GitClient.Result delete = git.run(repo, "push", remote("git-force"), ":main");
        assertThat(delete.exit()).isNotZero();
        assertThat(delete.stderr()).contains("! [remote rejected] main (");
        assertStillLive("git-force", 2, head(repo));
        assertThat(git.ok(repo, "ls-remote", remote("git-force")).stdout().lines())
                .containsExactlyInAnyOrder(head(repo) + "\tHEAD", head(repo) + "\trefs/heads/main");
    }

    @Test
    void hostileOrUnknownRepositoryPathsAreRefused() throws Exception {
        String[] refused = {
            "/git/../db/info/refs?service=git-upload-pack",
            "/git/%2e%2e/db/info/refs?service=git-upload-pack",
            "/git/%2e%2e%2fdb/info/refs?service=git-receive-pack",
            "/git/git-x.git/..%2f..%2fdb/info/refs?service=git-receive-pack",
            "/git/..%5cdb.git/info/refs?service=git-receive-pack",
            "/git/Upper.git/info/refs?service=git-receive-pack",
            "/git/-dash.git/info/refs?service=git-receive-pack",
            "/git/a%00b.git/info/refs?service=git-receive-pack",
            "/git/" + "x".repeat(41) + ".git/info/refs?service=git-receive-pack",
            "/git/.git/info/refs?service=git-receive-pack",
            "/git/git-nothing.git/info/refs?service=git-upload-pack",
            "/git/git-dumb.git/info/refs",
            "/git/git-dumb.git/HEAD",
            "/git/git-dumb.git/objects/info/packs",
            "/git/git-dumb.git/info/refs?service=git-shell",
            "/git/git-dumb.git/config",
        };
        for (String path : refused) {
            assertThat(statusOf(path)).as(path).isBetween(400, 499);
        }
        assertThat(statusOf("/git/Upper.git/info/refs?service=git-receive-pack")).isEqualTo(400);
        assertThat(statusOf("/git/git-nothing.git/info/refs?service=git-upload-pack")).isEqualTo(404);
        try (Stream<Path> repositories = Files.list(dataDir.resolve("git"))) {
            assertThat(repositories.map(p -> p.getFileName().toString())).allMatch(name -> name.matches("git-[a-z]+\\.git"))
                    .doesNotContain("git-nothing.git", "git-dumb.git");
        }
        GitClient.Result clone = git.run(work, "clone", platform.url("/git/..%2f..%2fdb"), work.resolve("hostile").toString());
        assertThat(clone.exit()).isNotZero();
        assertThat(clone.stderr()).containsPattern("error: 40[04]|returned error: 4\\d\\d");
    }

    /** The status of a GET sent as written (no client-side normalisation of the path). */
    int statusOf(String path) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", platform.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + platform.adminToken() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }

    void assertStillLive(String app, int release, String main) throws IOException {
        assertThat(app(app).path("currentRelease").asInt()).isEqualTo(release);
        assertThat(platform.postJson("/apps/" + app + "/v2/models/iris/infer", INFER).status()).isEqualTo(200);
        assertThat(git.ok(work, "ls-remote", remote(app), "refs/heads/main").stdout()).startsWith(main + "\t");
    }

    static String remote(String app) {
        return platform.url("/git/" + app + ".git");
    }

    static Path iris() {
        return PlatformHarness.repository().resolve("sample-apps/iris-onnx");
    }

    static String head(Path repo) {
        return git.ok(repo, "rev-parse", "HEAD").stdout().trim();
    }

    static JsonNode app(String name) {
        try {
            return JSON.readTree(platform.get("/api/v1/apps/" + name).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertSameFiles(Path actual, Path expected) throws IOException {
        try (Stream<Path> files = Files.walk(expected)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(actual.resolve(expected.relativize(file).toString())).hasSameBinaryContentAs(file);
            }
        }
        try (Stream<Path> files = Files.walk(actual)) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !actual.relativize(f).startsWith(".git")).count())
                    .isEqualTo(Files.walk(expected).filter(Files::isRegularFile).count());
        }
    }
}
