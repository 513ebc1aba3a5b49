package io.slipway.buildpacks.manifest;

import static io.slipway.buildpacks.manifest.ManifestValidationTests.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How {@link Manifest#parse(String, String)} treats hostile or broken YAML. */
class ManifestYamlSafetyTests {

    private static final String BASE = "name: iris\nmodel: { format: onnx, path: iris.onnx }\n";

    @Test
    void parseWhenBillionLaughsRejectsQuickly() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String previous = "*" + (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append((previous + ",").repeat(8)).append(previous)
                    .append("]\n");
        }
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(problems(bomb.toString())).containsExactly(
                "slipway.yaml: too many aliases: at most 10 references to anchored lists or mappings are allowed"
                        + " (YAML bomb protection)"));
    }

    @Test
    void parseWhenRecursiveAliasDoesNotLoop() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(
                problems("name: iris\nmodel: &m { format: onnx, path: x.onnx, inputs: [*m] }"))
                .contains("slipway.yaml:2: model.inputs[0].format: unknown field here; format belongs under model"));
    }

    @Test
    void parseAllowsAFewAliasesToScalars() {
        Manifest manifest = Manifest.parse("name: &n iris\nmodel: { name: *n, format: onnx, path: x.onnx }", "x.yaml");

        assertThat(manifest.model().name()).isEqualTo("iris");
    }

    @Test
    void parseWhenDuplicateKeysReportsEachWithFirstLine() {
        assertThat(problems("name: iris\nname: other\nmodel: { format: onnx, path: x.onnx, format: echo }\n"
                + "env: { A: 1, A: 2 }")).containsExactly(
                "slipway.yaml:2: name: duplicate key (first on line 1)",
                "slipway.yaml:3: model.format: duplicate key (first on line 3)",
                "slipway.yaml:4: env.A: duplicate key (first on line 4)");
    }

    @Test
    void parseWhenTagsUsedRejectsThem() {
        assertThat(problems("name: iris\nmodel: !!python/object:os.system { format: onnx }"))
                .containsExactly("slipway.yaml:2: YAML tag !!python/object:os.system is not allowed");
        assertThat(problems("name: !custom iris\nmodel: { format: onnx, path: !!binary aGVsbG8= }")).containsExactly(
                "slipway.yaml:1: YAML tag !custom is not allowed", "slipway.yaml:2: YAML tag !!binary is not allowed");
        assertThat(problems(BASE + "env: { A: !!java.lang.Runtime x }")).hasSize(1);
    }

    @Test
    void parseAllowsExplicitStandardTags() {
        Manifest manifest = Manifest.parse(BASE + "env: { A: !!str 10 }\nserving: { workers: !!int \"2\" }", "x.yaml");

        assertThat(manifest.env()).containsEntry("A", "10");
        assertThat(manifest.serving().workers()).isEqualTo(2);
    }

    @Test
    void parseWhenMergeKeyUsedRejectsIt() {
        assertThat(problems("name: iris\nmodel:\n  <<: { format: onnx }\n  path: x.onnx"))
                .contains("slipway.yaml:3: merge keys (<<) are not supported; write the fields out");
    }

    @Test
    void parseWhenEmptyReportsIt() {
        String empty = "slipway.yaml: the file is empty; expected a mapping with at least name and model";
        assertThat(problems("")).containsExactly(empty);
        assertThat(problems("# only a comment\n")).containsExactly(empty);
        assertThat(problems("---\n")).containsExactly(empty);
    }

    @Test
    void parseWhenRootNotMappingReportsIt() {
        assertThat(problems("- name: iris\n")).containsExactly(
                "slipway.yaml:1: expected a mapping (name: ..., model: ...) at the top level, got a list");
        assertThat(problems("iris")).containsExactly(
                "slipway.yaml:1: expected a mapping (name: ..., model: ...) at the top level, got \"iris\"");
    }

    @Test
    void parseWhenSyntaxBrokenReportsLineAndColumn() {
        assertThat(problems("name: iris\nmodel: { format: onnx, path: [1, 2")).containsExactly(
                "slipway.yaml:2: invalid YAML at column 35: expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence)");
        assertThat(problems("name: iris\n  model: x"))
                .containsExactly("slipway.yaml:2: invalid YAML at column 8: mapping values are not allowed here");
        assertThat(problems("name: iris\nmodel: *nope"))
                .containsExactly("slipway.yaml:2: invalid YAML at column 8: found undefined alias nope");
    }

    @Test
    void parseWhenSeveralDocumentsReportsIt() {
        assertThat(problems(BASE + "---\nname: other\n"))
                .containsExactly("slipway.yaml:3: expected a single YAML document, found another one");
    }

    @Test
    void parseWhenNestedTooDeepReportsIt() {
        assertThat(problems(BASE + "env: { A: " + "[".repeat(30) + "]".repeat(30) + " }"))
                .containsExactly("slipway.yaml: the YAML is nested deeper than 20 levels");
    }

    @Test
    void parseWhenLargerThanOneMebibyteReportsIt() {
        assertThat(problems(BASE + "env: { A: " + "x".repeat(1024 * 1024) + " }"))
                .containsExactly("slipway.yaml: the file is larger than 1 MiB");
    }

    @Test
    void parseWhenKeysAreNotStringsReportsThem() {
        assertThat(problems(BASE + "? [a, b]\n: c\n~: d")).containsExactly(
                "slipway.yaml:3: keys must be strings, got a list", "slipway.yaml:5: keys must be strings, got null");
    }

    @Test
    void parseUsesTheGivenFileName() {
        assertThat(problems("name: iris")).allMatch(problem -> problem.startsWith("slipway.yaml:"));
        assertThat(catchMessage("name: iris", "bundles/a/slipway.yaml"))
                .isEqualTo("bundles/a/slipway.yaml:1: model: missing required field");
    }

    @Test
    void parseRejectsNullArguments() {
        assertThatNullPointerException().isThrownBy(() -> Manifest.parse(null, "slipway.yaml"));
        assertThatNullPointerException().isThrownBy(() -> Manifest.parse(BASE, null));
    }

    private static String catchMessage(String yaml, String fileName) {
        try {
            Manifest.parse(yaml, fileName);
            return null;
        }
        catch (ManifestException ex) {
            return ex.getMessage();
        }
    }

}
