package io.slipway.platform.build.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.buildpacks.plan.BuildPlan;
import io.slipway.buildpacks.plan.Layer;
import io.slipway.buildpacks.plan.Layer.LayerFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated Dockerfile, without an engine. */
class DockerfileTests {

    private final BuildPlan plan = new BuildPlan("onnx", "onnxruntime", "slipway/base:17",
            List.of(layer("runtime"), layer("engine-onnxruntime"), layer("model")), "/opt/slipway",
            List.of("/opt/slipway/jre/bin/java", "-cp", "/opt/slipway/runtime/lib/*", "Main"), Map.of(), Map.of(),
            8080, "10001:10001", List.of("/opt/slipway/jre/bin/java", "HealthCheck"));

    @Test
    void stageCopiesTheLowerLayersBottomFirst() {
        assertThat(Dockerfile.stage("slipway/base:17", List.of("runtime", "engine-onnxruntime"))).isEqualTo("""
                FROM slipway/base:17
                COPY layers/1-runtime/ /
                COPY layers/2-engine-onnxruntime/ /
                """);
    }

    @Test
    void releasePutsTheSettingsBeforeTheModelAndTheLabelsLast() {
        String dockerfile = Dockerfile.release("stage:1", plan, plan.entrypoint(), 2, "model", Map.of("HOME", "/tmp"),
                Map.of("io.slipway.release", "7"));

        assertThat(dockerfile.lines().filter(line -> !line.startsWith("    ")).toList()).containsExactly(
                "FROM stage:1",
                "ENV \\",
                "USER 10001:10001",
                "WORKDIR /opt/slipway",
                "EXPOSE 8080",
                "HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=3 CMD "
                        + "[\"/opt/slipway/jre/bin/java\", \"HealthCheck\"]",
                "ENTRYPOINT [\"/opt/slipway/jre/bin/java\", \"-cp\", \"/opt/slipway/runtime/lib/*\", \"Main\"]",
                "COPY layers/3-model/ /",
                "LABEL \\");
        assertThat(dockerfile).contains("    HOME=\"/tmp\"", "    \"io.slipway.release\"=\"7\"");
    }

    @Test
    void quoteKeepsDollarsQuotesAndBackslashesLiteral() {
        assertThat(Dockerfile.quote("a \"b\" $HOME \\n")).isEqualTo("\"a \\\"b\\\" \\$HOME \\\\n\"");
    }

    @Test
    void quoteWhenTheValueHasALineBreakRefusesIt() {
        assertThatThrownBy(() -> Dockerfile.quote("two\nlines")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renderWhenAnEnvNameIsInvalidNamesIt() {
        assertThatThrownBy(() -> Dockerfile.release("stage:1", plan, plan.entrypoint(), 1, "model",
                Map.of("BAD-NAME", "x"), Map.of()))
                .hasMessageContaining("BAD-NAME");
    }

    @Test
    void jsonEscapesQuotesBackslashesAndControlCharacters() {
        assertThat(Dockerfile.json(List.of("a\"b", "c\\d", "e\tf\u0001"))).isEqualTo(
                "[\"a\\\"b\", \"c\\\\d\", \"e\\tf\\u0001\"]");
    }

    @Test
    void layerFolderKeepsOnlySafeCharacters() {
        assertThat(Dockerfile.layerFolder(0, "engine pytorch/../x")).isEqualTo("layers/1-engine_pytorch_.._x");
    }

    private static Layer layer(String name) {
        return new Layer(name, List.of(new LayerFile(Path.of("/tmp/" + name), "/opt/slipway/" + name)));
    }
}
