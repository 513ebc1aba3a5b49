package io.slipway.buildpacks.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each schema rule of {@link Manifest#parse(String, String)}, with the exact problem it reports. */
class ManifestValidationTests {

    private static final String BASE = "name: iris\nmodel: { format: onnx, path: iris.onnx }\n";

    static List<String> problems(String yaml) {
        ManifestException ex = catchThrowableOfType(ManifestException.class, () -> Manifest.parse(yaml, "slipway.yaml"));
        assertThat(ex).as("expected problems for:%n%s", yaml).isNotNull();
        return ex.problems().stream().map(ManifestProblem::toString).toList();
    }

    @Test
    void parseWhenNameMissingReportsRequiredField() {
        assertThat(problems("model: { format: onnx, path: x.onnx }"))
                .containsExactly("slipway.yaml:1: name: missing required field");
    }

    @Test
    void parseWhenNameNotDnsLabelReportsPattern() {
        assertThat(problems("name: My_App\nmodel: { format: onnx, path: x.onnx }")).containsExactly(
                "slipway.yaml:1: name: must be a DNS label: 1 to 40 lowercase letters, digits or '-', starting and"
                        + " ending with a letter or digit, got \"My_App\"");
        assertThat(problems("name: " + "a".repeat(41) + "\nmodel: { format: onnx, path: x.onnx }")).hasSize(1);
        assertThat(problems("name: -iris\nmodel: { format: onnx, path: x.onnx }")).hasSize(1);
    }

    @Test
    void parseWhenNameIsNotScalarReportsType() {
        assertThat(problems("name: [a]\nmodel: { format: onnx, path: x.onnx }"))
                .containsExactly("slipway.yaml:1: name: expected a string, got a list");
    }

    @Test
    void parseWhenModelMissingOrNotMappingReportsIt() {
        assertThat(problems("name: iris")).containsExactly("slipway.yaml:1: model: missing required field");
        assertThat(problems("name: iris\nmodel: 5")).containsExactly("slipway.yaml:2: model: expected a mapping, got 5");
    }

    @Test
    void parseWhenFormatMissingOrUnknownReportsChoices() {
        assertThat(problems("name: iris\nmodel: { path: x.onnx }"))
                .containsExactly("slipway.yaml:2: model.format: missing required field");
        assertThat(problems("name: iris\nmodel: { format: tensorflow, path: x.onnx }")).containsExactly(
                "slipway.yaml:2: model.format: expected one of onnx, torchscript, echo, got \"tensorflow\"");
        assertThat(problems("name: iris\nmodel: { format: onx, path: x.onnx }")).containsExactly(
                "slipway.yaml:2: model.format: expected one of onnx, torchscript, echo, got \"onx\""
                        + " (did you mean \"onnx\"?)");
    }

    @Test
    void parseWhenPathMissingForFileFormatReportsRequiredField() {
        assertThat(problems("name: iris\nmodel:\n  format: torchscript\n"))
                .containsExactly("slipway.yaml:3: model.path: missing required field",
                        "slipway.yaml:3: model.inputs: required for format torchscript: TorchScript files"
                        + " do not record input names, datatypes or shapes");
    }

    @Test
    void parseWhenPathLeavesBundleReportsIt() {
        assertThat(problems("name: iris\nmodel: { format: onnx, path: ../model.onnx }"))
                .containsExactly("slipway.yaml:2: model.path: must stay inside the bundle, got \"../model.onnx\"");
        assertThat(problems("name: iris\nmodel: { format: onnx, path: a/../../model.onnx }"))
                .containsExactly("slipway.yaml:2: model.path: must stay inside the bundle, got \"a/../../model.onnx\"");
        assertThat(problems("name: iris\nmodel: { format: onnx, path: /etc/model.onnx }")).containsExactly(
                "slipway.yaml:2: model.path: must be relative to the bundle root, got \"/etc/model.onnx\"");
        assertThat(problems("name: iris\nmodel: { format: onnx, path: 'C:\\model.onnx' }")).containsExactly(
                "slipway.yaml:2: model.path: must use / as the separator, got \"C:\\\\model.onnx\"");
    }

    @Test
    void parseWhenModelNameInvalidReportsPattern() {
        assertThat(problems("name: iris\nmodel: { name: \"-bad\", format: onnx, path: x.onnx }")).containsExactly(
                "slipway.yaml:2: model.name: must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter"
                        + " or digit, got \"-bad\"");
    }

    @Test
    void parseWhenEchoHasPathOrNoInputsReportsBoth() {
        assertThat(problems("name: iris\nmodel: { format: echo, path: x.onnx }")).containsExactly(
                "slipway.yaml:2: model.path: not allowed for format echo: the echo model has no weights",
                "slipway.yaml:2: model.inputs: required for format echo, which answers with its inputs");
        assertThat(problems("name: iris\nmodel: { format: echo, inputs: [] }")).containsExactly(
                "slipway.yaml:2: model.inputs: required for format echo, which answers with its inputs");
    }

    @Test
    void parseWhenEchoSettingsInvalidReportsThem() {
        assertThat(problems("name: iris\nmodel: { format: onnx, path: x.onnx, echo: { delayMs: 5 } }"))
                .containsExactly("slipway.yaml:2: model.echo: only allowed with format echo");
        assertThat(problems("""
                name: iris
                model:
                  format: echo
                  inputs: [{ name: x, datatype: FP32, shape: [1] }]
                  echo: { delayMs: 70000 }
                """)).containsExactly("slipway.yaml:5: model.echo.delayMs: must be between 0 and 60000, got 70000");
    }

    @Test
    void parseWhenTensorsInvalidReportsEachByIndex() {
        assertThat(problems("""
                name: iris
                model:
                  format: onnx
                  path: x.onnx
                  inputs:
                    - { name: a, datatype: float32, shape: [0, -2] }
                    - { name: a, datatype: FP32, shape: [1, 1, 1, 1, 1, 1, 1, 1, 1] }
                    - { name: '', datatype: INT64, shape: [x] }
                    - { datatype: INT64 }
                    - [1]
                  outputs: { a: 1 }
                """)).containsExactly(
                "slipway.yaml:6: model.inputs[0].datatype: expected one of BOOL, UINT8, UINT16, UINT32, UINT64, INT8,"
                        + " INT16, INT32, INT64, FP16, FP32, FP64, BYTES, got \"float32\" (did you mean \"FP32\"?)",
                "slipway.yaml:6: model.inputs[0].shape[0]: must be -1 (any size) or >= 1, got 0",
                "slipway.yaml:6: model.inputs[0].shape[1]: must be -1 (any size) or >= 1, got -2",
                "slipway.yaml:7: model.inputs[1].name: duplicate tensor name \"a\" (also model.inputs[0])",
                "slipway.yaml:7: model.inputs[1].shape: at most 8 dimensions, got 9",
                "slipway.yaml:8: model.inputs[2].name: must not be empty",
                "slipway.yaml:8: model.inputs[2].shape[0]: expected an integer, got \"x\"",
                "slipway.yaml:9: model.inputs[3].name: missing required field",
                "slipway.yaml:9: model.inputs[3].shape: missing required field",
                "slipway.yaml:10: model.inputs[4]: expected a mapping, got a list",
                "slipway.yaml:11: model.outputs: expected a list, got a mapping");
    }

    @Test
    void parseWhenWorkersIsNotIntegerReportsType() {
        assertThat(problems(BASE + "serving: { workers: two }"))
                .containsExactly("slipway.yaml:3: serving.workers: expected an integer, got \"two\"");
        assertThat(problems(BASE + "serving: { workers: 1.5, queueSize: \"3\", maxConcurrency: [1] }")).containsExactly(
                "slipway.yaml:3: serving.workers: expected an integer, got 1.5",
                "slipway.yaml:3: serving.maxConcurrency: expected an integer, got a list",
                "slipway.yaml:3: serving.queueSize: expected an integer, got \"3\"");
    }

    @Test
    void parseWhenServingOutOfRangeReportsBounds() {
        assertThat(problems(BASE + """
                serving:
                  workers: 0
                  maxConcurrency: 2000
                  queueSize: -1
                  timeout: 20m
                  maxRequestBytes: 2Gi
                """)).containsExactly(
                "slipway.yaml:4: serving.workers: must be between 1 and 64, got 0",
                "slipway.yaml:5: serving.maxConcurrency: must be between 1 and 1024, got 2000",
                "slipway.yaml:6: serving.queueSize: must be between 0 and 10000, got -1",
                "slipway.yaml:7: serving.timeout: must be between 1s and 10m, got \"20m\"",
                "slipway.yaml:8: serving.maxRequestBytes: must be between 1Ki and 1Gi, got \"2Gi\"");
        assertThat(problems(BASE + "scaling: { scaleToZeroAfter: 99999999999999999999 }")).containsExactly(
                "slipway.yaml:3: scaling.scaleToZeroAfter: must be between 1s and 7d, got 99999999999999999999");
        assertThat(problems(BASE + "serving: { workers: 99999999999999999999, timeout: 0, maxRequestBytes: 1000 }"))
                .containsExactly("slipway.yaml:3: serving.workers: must be between 1 and 64, got 99999999999999999999",
                        "slipway.yaml:3: serving.timeout: must be between 1s and 10m, got 0",
                        "slipway.yaml:3: serving.maxRequestBytes: must be between 1Ki and 1Gi, got 1000");
    }

    @Test
    void parseWhenDurationOrSizeUnreadableReportsSyntax() {
        assertThat(problems(BASE + "serving: { timeout: ten, maxRequestBytes: lots }")).containsExactly(
                "slipway.yaml:3: serving.timeout: expected a duration like 30s, 10m, 2h or 1d, got \"ten\"",
                "slipway.yaml:3: serving.maxRequestBytes: expected a size like 512Mi, 1Gi, 500M or a number of bytes,"
                        + " got \"lots\"");
    }

    @Test
    void parseWhenBatchingInvalidReportsFields() {
        assertThat(problems(BASE + "serving: { batching: { maxDelayMs: 2000 } }")).containsExactly(
                "slipway.yaml:3: serving.batching.maxBatchSize: missing required field",
                "slipway.yaml:3: serving.batching.maxDelayMs: must be between 0 and 1000, got 2000");
        assertThat(problems(BASE + "serving: { batching: { maxBatchSize: 1025 } }")).containsExactly(
                "slipway.yaml:3: serving.batching.maxBatchSize: must be between 1 and 1024, got 1025");
        assertThat(problems(BASE + "serving: { batching: true }"))
                .containsExactly("slipway.yaml:3: serving.batching: expected a mapping, got true");
    }

    @Test
    void parseWhenAccessUnknownReportsChoices() {
        assertThat(problems(BASE + "access: private"))
                .containsExactly("slipway.yaml:3: access: expected one of public, token, got \"private\"");
    }

    @Test
    void parseWhenResourcesOutOfRangeReportsBounds() {
        assertThat(problems(BASE + "resources: { cpu: 0.05, memory: 32Mi }")).containsExactly(
                "slipway.yaml:3: resources.cpu: must be between 0.1 and 64, got 0.05",
                "slipway.yaml:3: resources.memory: must be between 64Mi and 1Ti, got \"32Mi\"");
        assertThat(problems(BASE + "resources: { cpu: lots, memory: 1GB }")).containsExactly(
                "slipway.yaml:3: resources.cpu: expected a number such as 0.5 or 2 (or millicores such as 500m),"
                        + " got \"lots\"",
                "slipway.yaml:3: resources.memory: expected a size like 512Mi, 1Gi, 500M or a number of bytes,"
                        + " got \"1GB\"");
    }

    @Test
    void parseWhenMaxBelowMinReportsFieldPath() {
        assertThat(problems(BASE + "scaling:\n  minInstances: 3\n  maxInstances: 2\n"))
                .containsExactly("slipway.yaml:5: scaling.maxInstances: must be >= minInstances (3)");
        assertThat(problems(BASE + "scaling: { minInstances: 8 }"))
                .containsExactly("slipway.yaml:3: scaling.maxInstances: must be >= minInstances (8); it defaults to 5");
    }

    @Test
    void parseWhenScalingOutOfRangeReportsBounds() {
        assertThat(problems(BASE + "scaling: { minInstances: 101, maxInstances: 0, targetConcurrency: 0,"
                + " scaleToZeroAfter: 8d, predictive: \"true\" }")).containsExactly(
                "slipway.yaml:3: scaling.minInstances: must be between 0 and 100, got 101",
                "slipway.yaml:3: scaling.maxInstances: must be between 1 and 100, got 0",
                "slipway.yaml:3: scaling.targetConcurrency: must be between 1 and 1000, got 0",
                "slipway.yaml:3: scaling.scaleToZeroAfter: must be between 1s and 7d, got \"8d\"",
                "slipway.yaml:3: scaling.predictive: expected true or false, got \"true\"");
    }

    @Test
    void parseWhenTargetConcurrencyAboveMaxConcurrencyReportsIt() {
        assertThat(problems(BASE + "serving: { maxConcurrency: 2 }\nscaling: { targetConcurrency: 3 }"))
                .containsExactly("slipway.yaml:4: scaling.targetConcurrency: must be <= serving.maxConcurrency (2)");
    }

    @Test
    void parseWhenCpuRuleInvalidReportsFields() {
        assertThat(problems(BASE + "scaling: { cpu: { scaleUpAbove: 20, scaleDownBelow: 30, window: 5s } }"))
                .containsExactly("slipway.yaml:3: scaling.cpu.scaleDownBelow: must be < scaleUpAbove (20)",
                        "slipway.yaml:3: scaling.cpu.window: must be between 10s and 1h, got \"5s\"");
        assertThat(problems(BASE + "scaling: { cpu: { scaleUpAbove: 101, scaleDownBelow: 0 } }")).containsExactly(
                "slipway.yaml:3: scaling.cpu.scaleUpAbove: must be between 1 and 100, got 101",
                "slipway.yaml:3: scaling.cpu.scaleDownBelow: must be between 1 and 100, got 0");
        assertThat(problems(BASE + "scaling: { cpu: { scaleUpAbove: 10 } }")).containsExactly(
                "slipway.yaml:3: scaling.cpu.scaleDownBelow: must be < scaleUpAbove (10); it defaults to 20");
    }

    @Test
    void parseWhenScheduleInvalidReportsEachEntryByIndex() {
        assertThat(problems(BASE + """
                scaling:
                  schedule:
                    - { cron: "0 0 25 * * *", minInstances: 6, duration: 32d }
                    - { cron: "0 0 8 * * FRI-MON", minInstances: 0, duration: 30s }
                    - { minInstances: 1 }
                    - 5
                    - { cron: "0 8 * * 1-5", minInstances: 1, duration: 1h }
                """)).containsExactly(
                "slipway.yaml:5: scaling.schedule[0].cron: invalid cron expression \"0 0 25 * * *\" (value 25 not in"
                        + " range [0, 23]); " + CronCheck.FORMAT,
                "slipway.yaml:5: scaling.schedule[0].minInstances: must be <= maxInstances (5)",
                "slipway.yaml:5: scaling.schedule[0].duration: must be between 1m and 31d, got \"32d\"",
                "slipway.yaml:6: scaling.schedule[1].cron: invalid cron expression \"0 0 8 * * FRI-MON\" (the range"
                        + " FRI-MON in the day-of-week field is reversed); " + CronCheck.FORMAT,
                "slipway.yaml:6: scaling.schedule[1].minInstances: must be between 1 and 100, got 0",
                "slipway.yaml:6: scaling.schedule[1].duration: must be between 1m and 31d, got \"30s\"",
                "slipway.yaml:7: scaling.schedule[2].cron: missing required field",
                "slipway.yaml:7: scaling.schedule[2].duration: missing required field",
                "slipway.yaml:8: scaling.schedule[3]: expected a mapping, got 5",
                "slipway.yaml:9: scaling.schedule[4].cron: invalid cron expression \"0 8 * * 1-5\" (5 fields); "
                        + "expected six fields \"second minute hour day-of-month month day-of-week\","
                        + " e.g. \"0 0 8 * * MON-FRI\"");
    }

    @Test
    void parseWhenEnvInvalidReportsEachVariable() {
        assertThat(problems(BASE + "env: { 1BAD: x, LIST: [1], NULL_VALUE: , BIG: " + "x".repeat(33 * 1024) + " }"))
                .containsExactly("slipway.yaml:3: env.1BAD: names must match [A-Za-z_][A-Za-z0-9_]*",
                        "slipway.yaml:3: env.LIST: expected a string, number or boolean, or { secret: ... }, got a list",
                        "slipway.yaml:3: env.NULL_VALUE: expected a value (write \"\" for an empty one), got null",
                        "slipway.yaml:3: env.BIG: must be at most 32 KiB");
        StringBuilder many = new StringBuilder(BASE + "env:\n");
        for (int i = 0; i <= 200; i++) {
            many.append("  V").append(i).append(": x\n");
        }
        assertThat(problems(many.toString())).containsExactly("slipway.yaml:4: env: at most 200 variables, got 201");
    }

    @Test
    void parseWhenKeyUnknownSuggestsNearMiss() {
        assertThat(problems(BASE + "modle: 2\nscaling: { maxInstanses: 3, minimum: 1 }\nserving: { minInstances: 1 }"))
                .containsExactly("slipway.yaml:3: modle: unknown field (did you mean \"model\"?)",
                        "slipway.yaml:4: scaling.maxInstanses: unknown field (did you mean \"maxInstances\"?)",
                        "slipway.yaml:4: scaling.minimum: unknown field; expected one of minInstances, maxInstances,"
                                + " targetConcurrency, scaleToZeroAfter, schedule, cpu, predictive",
                        "slipway.yaml:5: serving.minInstances: unknown field here; minInstances belongs under scaling");
    }

    @Test
    void parseReportsEveryProblemAtOnceInDocumentOrder() {
        assertThat(problems("""
                name: Iris
                model:
                  format: onnx
                serving:
                  workers: two
                scaling:
                  minInstances: 3
                  maxInstances: 2
                colour: blue
                """)).containsExactly(
                "slipway.yaml:1: name: must be a DNS label: 1 to 40 lowercase letters, digits or '-', starting and"
                        + " ending with a letter or digit, got \"Iris\"",
                "slipway.yaml:3: model.path: missing required field",
                "slipway.yaml:5: serving.workers: expected an integer, got \"two\"",
                "slipway.yaml:8: scaling.maxInstances: must be >= minInstances (3)",
                "slipway.yaml:9: colour: unknown field; expected one of name, model, serving, access, resources,"
                        + " scaling, env");
    }

}
