package io.slipway.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.PlatformHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and hostile bundles through the REST API: each is refused at once with a problem that
 * says what is wrong, nothing is deployed, and the platform keeps serving.
 */
class HostileBundleTests {

    static PlatformHarness platform;
    static Path dataDir;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("slipway-hostile");
        platform = PlatformHarness.start(dataDir, "process", "--slipway.max-bundle-size=2MB");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @AfterEach
    void nothingDeployedAndStillServing() {
        assertThat(platform.get("/api/v1/apps").body()).isEqualTo("[]");
        assertThat(platform.get("/actuator/health").status()).isEqualTo(200);
    }

    static final byte[] ONNX = read("sample-apps/iris-onnx/model/iris.onnx");
    static final String GOOD_YAML = "name: iris\nmodel:\n  format: onnx\n  path: model/iris.onnx\n";

    static Stream<Arguments> hostile() throws IOException {
        return Stream.of(
                Arguments.of("not an archive", "hello".getBytes(StandardCharsets.UTF_8), 400, "not a tar.gz, tar or zip"),
                Arguments.of("empty body", new byte[0], 400, "empty"),
                Arguments.of("truncated gzip", java.util.Arrays.copyOf(tgz(entry("slipway.yaml", GOOD_YAML)), 30), 400, ""),
                Arguments.of("no manifest", tgz(file("model/iris.onnx", ONNX)), 400, "slipway.yaml"),
                Arguments.of("path traversal", tgz(entry("../evil.txt", "x"), entry("slipway.yaml", GOOD_YAML)), 400, "../evil.txt"),
                Arguments.of("absolute path", tgz(entry("/etc/evil", "x"), entry("slipway.yaml", GOOD_YAML)), 400, "/etc/evil"),
                Arguments.of("symlink out", tgzWithLink("model/link", "/etc/passwd"), 400, "model/link"),
                Arguments.of("zip traversal", zip("../../x", "y"), 400, "../../x"),
                Arguments.of("zip bomb", zipBomb(), 0, ""),
                Arguments.of("too large", tgzRandom(3_000_000), 413, ""),
                Arguments.of("yaml syntax", bundle("name: iris\nmodel: [unclosed\n"), 400, "slipway.yaml"),
                Arguments.of("yaml bomb", bundle(billionLaughs()), 400, "alias"),
                Arguments.of("unknown key", bundle(GOOD_YAML + "scaling:\n  maxInstance: 3\n"), 400, "scaling.maxInstance"),
                Arguments.of("min over max", bundle(GOOD_YAML + "scaling:\n  minInstances: 4\n  maxInstances: 2\n"), 400,
                        "scaling.maxInstances"),
                Arguments.of("wrong type", bundle(GOOD_YAML + "serving:\n  workers: two\n"), 400, "serving.workers"),
                Arguments.of("unknown format", bundle(GOOD_YAML.replace("onnx\n", "tensorflow\n")), 400, "model.format"),
                Arguments.of("model missing", tgz(entry("slipway.yaml", GOOD_YAML)), 400, "model.path"),
                Arguments.of("model escapes", bundle(GOOD_YAML.replace("model/iris.onnx", "../../etc/passwd")), 400, "model.path"),
                Arguments.of("format mismatch", bundle(GOOD_YAML.replace("format: onnx", "format: torchscript")
                        + "  inputs: [{name: x, datatype: FP32, shape: [-1, 4]}]\n"), 400, "model.path"),
                Arguments.of("torchscript without inputs", tgz(entry("slipway.yaml",
                        "name: t\nmodel:\n  format: torchscript\n  path: m.pt\n"), file("m.pt", zipBytes())), 400, "model.inputs"),
                Arguments.of("duplicate key", bundle(GOOD_YAML + "name: other\n"), 400, "duplicate"),
                Arguments.of("labels missing", bundle(GOOD_YAML + "  labels: model/labels.txt\n"), 400, "model.labels"),
                Arguments.of("bad datatype", bundle(GOOD_YAML + "  inputs: [{name: input, datatype: FLOAT, shape: [-1, 4]}]\n"),
                        400, "model.inputs[0].datatype"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileBundleIsRefusedWithAReason(String kind, byte[] body, int status, String mentions) {
        PlatformHarness.Answer answer = platform.post("/api/v1/apps/iris/deployments", "application/gzip", body);
        if (status == 0) {
            assertThat(answer.status()).as(answer.body()).isIn(400, 413);
        } else {
            assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        }
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"detail\"").contains(mentions);
    }

    @ParameterizedTest(name = "app name {0}")
    @MethodSource("badNames")
    void invalidAppNameIsRefused(String name) {
        PlatformHarness.Answer answer = platform.post("/api/v1/apps/" + name + "/deployments", "application/gzip",
                bundle(GOOD_YAML));
        assertThat(answer.status()).as(answer.body()).isIn(400, 404);
    }

    static Stream<String> badNames() {
        return Stream.of("Iris", "-iris", "iris_1", "a".repeat(41), "iris%2F..");
    }

    static byte[] bundle(String yaml) {
        return tgz(entry("slipway.yaml", yaml), file("model/iris.onnx", ONNX));
    }

    record Entry(String name, byte[] content) {
    }

    static Entry entry(String name, String content) {
        return new Entry(name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Entry file(String name, byte[] content) {
        return new Entry(name, content);
    }

    static byte[] tgz(Entry... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Entry e : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(e.name(), true);
                entry.setSize(e.content().length);
                tar.putArchiveEntry(entry);
                tar.write(e.content());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] tgzWithLink(String name, String target) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            byte[] yaml = GOOD_YAML.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry manifest = new TarArchiveEntry("slipway.yaml");
            manifest.setSize(yaml.length);
            tar.putArchiveEntry(manifest);
            tar.write(yaml);
            tar.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            link.setLinkName(target);
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] tgzRandom(int size) {
        byte[] noise = new byte[size];
        new java.util.Random(7).nextBytes(noise);
        return tgz(entry("slipway.yaml", GOOD_YAML), file("model/iris.onnx", ONNX), file("noise.bin", noise));
    }

    static byte[] zip(String name, String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.putArchiveEntry(new ZipArchiveEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] zipBytes() {
        return zip("archive/data.pkl", "not really a model");
    }

    /** 200 MB of zeros that compress to a few hundred KB. */
    static byte[] zipBomb() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            ZipArchiveEntry yaml = new ZipArchiveEntry("slipway.yaml");
            zip.putArchiveEntry(yaml);
            zip.write(GOOD_YAML.getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
            zip.putArchiveEntry(new ZipArchiveEntry("model/iris.onnx"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeArchiveEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append("]\n");
        }
        return yaml.toString();
    }

    static byte[] read(String path) {
        try {
            return Files.readAllBytes(PlatformHarness.repository().resolve(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
