package io.slipway.platform.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push of a real 105 MB ONNX model (made at test time by {@code git/big_model.py} with
 * Debian's python3-onnx) goes live and answers, and clones back byte for byte.
 */
class BigModelPushTests {

    static final String INFER = "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,4],"
            + "\"data\":[5.1,3.5,1.4,0.2]}]}";

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    PlatformHarness platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.delete("/api/v1/apps/git-big");
            platform.close();
        }
    }

    @Test
    void pushOfA100MegabyteModelGoesLive() throws Exception {
        Path bundle = Files.createDirectories(work.resolve("bundle/model"));
        Path script = Path.of(getClass().getResource("/git/big_model.py").toURI());
        Files.copy(script.resolveSibling("slipway.yaml"), work.resolve("bundle/slipway.yaml"));
        Process python = new ProcessBuilder("/usr/bin/python3", script.toString(), bundle.resolve("big.onnx").toString())
                .redirectErrorStream(true).start();
        String said = new String(python.getInputStream().readAllBytes());
        assumeThat(python.waitFor(5, TimeUnit.MINUTES) && python.exitValue() == 0)
                .as("python3 with onnx makes the model: " + said).isTrue();
        assertThat(Files.size(bundle.resolve("big.onnx"))).isGreaterThan(100_000_000L);

        platform = PlatformHarness.start(dataDir, "process");
        GitClient git = new GitClient(work.resolve("home"), platform.adminToken());
        Path repo = git.commitOf(work.resolve("bundle"), work.resolve("repo"));
        GitClient.Result push = git.run(repo, "push", platform.url("/git/git-big.git"), "main");

        System.out.println("git push of a " + Files.size(bundle.resolve("big.onnx")) / 1_000_000 + " MB model: "
                + push.took().toMillis() + " ms (receiving ended at "
                + push.whenSaid("-----> received").toMillis() + " ms)");
        push.errLines().forEach(line -> System.out.printf("%7d ms  %s%n", line.at().toMillis(), line.text()));
        assertThat(push.exit()).as(push.toString()).isZero();
        assertThat(push.stderr()).contains("remote: =====> released v1 of 'git-big'",
                "endpoint: " + platform.url("/apps/git-big/v2/models/big/infer"));
        PlatformHarness.Answer answer = platform.postJson("/apps/git-big/v2/models/big/infer", INFER);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode output = new ObjectMapper().readTree(answer.body()).path("outputs").get(0);
        assertThat(output.path("shape").toString()).isEqualTo("[1,3]");

        Path clone = work.resolve("clone");
        git.ok(work, "clone", "-q", platform.url("/git/git-big.git"), clone.toString());
        assertThat(clone.resolve("model/big.onnx")).hasSameBinaryContentAs(bundle.resolve("big.onnx"));
    }
}
