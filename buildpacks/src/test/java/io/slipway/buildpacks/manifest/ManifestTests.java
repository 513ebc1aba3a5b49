package io.slipway.buildpacks.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestTests {

    static final String DESIGN_EXAMPLE = """
            name: iris                     # app name: DNS label, [a-z0-9-]{1,40}
            model:
              name: iris                   # name in /v2/models/{name}; defaults to app name
              format: onnx                 # onnx | torchscript (more formats: more buildpacks)
              path: model/iris.onnx        # file or folder inside the bundle
              inputs:                      # optional: names, datatypes, shapes (-1 = any)
                - { name: input, datatype: FP32, shape: [-1, 4] }
              labels: model/labels.txt     # optional: class names for classification output
            serving:
              batching: { maxBatchSize: 16, maxDelayMs: 5 }   # optional dynamic batching
              workers: 1
              maxConcurrency: 8            # in-flight requests one instance takes; the router queues the rest
            access: public                 # public | token (an app invoke key is required)
            resources: { cpu: 1.0, memory: 1Gi }
            scaling:
              minInstances: 1              # 0 allows scale-to-zero
              maxInstances: 5
              targetConcurrency: 4         # in-flight requests per instance the autoscaler aims for
              scaleToZeroAfter: 300s
              schedule:                    # optional: floors by time (seed: "three more at Christmas")
                - { cron: "0 0 8 * * MON-FRI", minInstances: 3, duration: 10h }
              cpu: { scaleUpAbove: 80, scaleDownBelow: 20, window: 10m }   # the seed's CPU rule
              predictive: true             # raise the floor ahead of forecast peaks
            env: { KEY: value }
            """;

    @Test
    void parseDesignExampleGivesEveryValue() {
        Manifest manifest = Manifest.parse(DESIGN_EXAMPLE, "slipway.yaml");

        assertThat(manifest.name()).isEqualTo("iris");
        assertThat(manifest.model()).isEqualTo(new ModelSpec("iris", ModelFormat.ONNX, "model/iris.onnx",
                List.of(new TensorSpec("input", "FP32", List.of(-1L, 4L))), List.of(), "model/labels.txt", null));
        assertThat(manifest.serving()).isEqualTo(new ServingSpec(new Batching(16, 5), 1, 8, 64,
                Duration.ofSeconds(30), 16L * 1024 * 1024));
        assertThat(manifest.access()).isEqualTo(Access.PUBLIC);
        assertThat(manifest.resources()).isEqualTo(new Resources(1.0, 1024L * 1024 * 1024));
        assertThat(manifest.scaling()).isEqualTo(new Scaling(1, 5, 4, Duration.ofSeconds(300),
                List.of(new ScheduleEntry("0 0 8 * * MON-FRI", 3, Duration.ofHours(10))),
                new CpuRule(80, 20, Duration.ofMinutes(10)), true));
        assertThat(manifest.env()).isEqualTo(Map.of("KEY", "value"));
    }

    @Test
    void parseMinimalManifestAppliesDefaults() {
        Manifest manifest = Manifest.parse("""
                name: iris
                model: { format: onnx, path: iris.onnx }
                """, "slipway.yaml");

        assertThat(manifest.model()).isEqualTo(
                new ModelSpec("iris", ModelFormat.ONNX, "iris.onnx", List.of(), List.of(), null, null));
        assertThat(manifest.serving()).isEqualTo(ServingSpec.defaults());
        assertThat(manifest.serving().batching()).isNull();
        assertThat(manifest.serving().workers()).isEqualTo(1);
        assertThat(manifest.serving().maxConcurrency()).isEqualTo(8);
        assertThat(manifest.serving().queueSize()).isEqualTo(64);
        assertThat(manifest.serving().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(manifest.serving().maxRequestBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(manifest.access()).isEqualTo(Access.PUBLIC);
        assertThat(manifest.resources()).isEqualTo(new Resources(1.0, 1L << 30));
        assertThat(manifest.scaling()).isEqualTo(new Scaling(1, 5, 4, Duration.ofSeconds(300), List.of(), null, false));
        assertThat(manifest.scaling()).isEqualTo(Scaling.defaults());
        assertThat(manifest.env()).isEmpty();
    }

    @Test
    void parseEmptySectionsAppliesDefaults() {
        Manifest manifest = Manifest.parse("""
                name: iris
                model: { format: onnx, path: iris.onnx }
                serving:
                resources: {}
                scaling: { cpu: {} }
                env: {}
                """, "slipway.yaml");

        assertThat(manifest.serving()).isEqualTo(ServingSpec.defaults());
        assertThat(manifest.resources()).isEqualTo(Resources.defaults());
        assertThat(manifest.scaling().cpu()).isEqualTo(CpuRule.defaults());
    }

    @Test
    void parseEchoModelNeedsNoPathAndDefaultsDelay() {
        Manifest manifest = Manifest.parse("""
                name: echo-test
                model:
                  format: echo
                  inputs: [{ name: x, datatype: fp32, shape: [-1] }]
                """, "slipway.yaml");

        assertThat(manifest.model()).isEqualTo(new ModelSpec("echo-test", ModelFormat.ECHO, null,
                List.of(new TensorSpec("x", "FP32", List.of(-1L))), List.of(), null, new EchoSpec(0)));
    }

    @Test
    void parseEchoModelReadsDelay() {
        Manifest manifest = Manifest.parse("""
                name: echo-test
                model:
                  format: echo
                  inputs: [{ name: x, datatype: BYTES, shape: [] }]
                  echo: { delayMs: 50 }
                """, "slipway.yaml");

        assertThat(manifest.model().echo()).isEqualTo(new EchoSpec(50));
        assertThat(manifest.model().inputs().get(0).shape()).isEmpty();
    }

    @Test
    void parseReadsQuantitiesDurationsAndWords() {
        Manifest manifest = Manifest.parse("""
                name: "123"
                model: { name: My_Model.v2, format: TorchScript, path: ./weights/../weights/m.pt,
                         inputs: [{ name: x, datatype: fp32, shape: [-1, 4] }] }
                serving: { timeout: 1m30s, maxRequestBytes: 1_048_576, queueSize: 0 }
                access: token
                resources: { cpu: 500m, memory: 1.5G }
                scaling: { minInstances: 0, scaleToZeroAfter: 600, targetConcurrency: 8 }
                env: { DEBUG: yes, COUNT: 010, RATIO: 1.50, EMPTY: "", _X1: ~x }
                """, "slipway.yaml");

        assertThat(manifest.name()).isEqualTo("123");
        assertThat(manifest.model().name()).isEqualTo("My_Model.v2");
        assertThat(manifest.model().format()).isEqualTo(ModelFormat.TORCHSCRIPT);
        assertThat(manifest.model().path()).isEqualTo("weights/m.pt");
        assertThat(manifest.serving().timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(manifest.serving().maxRequestBytes()).isEqualTo(1L << 20);
        assertThat(manifest.serving().queueSize()).isZero();
        assertThat(manifest.access()).isEqualTo(Access.TOKEN);
        assertThat(manifest.resources()).isEqualTo(new Resources(0.5, 1_500_000_000L));
        assertThat(manifest.scaling().minInstances()).isZero();
        assertThat(manifest.scaling().scaleToZeroAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(manifest.env()).containsExactly(Map.entry("DEBUG", "yes"), Map.entry("COUNT", "010"),
                Map.entry("RATIO", "1.50"), Map.entry("EMPTY", ""), Map.entry("_X1", "~x"));
    }

    @Test
    void parseDefaultsTargetConcurrencyToMaxConcurrencyWhenLower() {
        Manifest manifest = Manifest.parse("""
                name: iris
                model: { format: onnx, path: iris.onnx }
                serving: { maxConcurrency: 1 }
                """, "slipway.yaml");

        assertThat(manifest.scaling().targetConcurrency()).isEqualTo(1);
    }

    @Test
    void problemRendersFileLinePathAndMessage() {
        assertThat(new ManifestProblem("slipway.yaml", 12, "scaling.maxInstances", "must be >= minInstances (1)"))
                .hasToString("slipway.yaml:12: scaling.maxInstances: must be >= minInstances (1)");
        assertThat(new ManifestProblem("slipway.yaml", "scaling.maxInstances", "must be >= minInstances (1)"))
                .hasToString("slipway.yaml: scaling.maxInstances: must be >= minInstances (1)");
        assertThat(new ManifestProblem("slipway.yaml", "", "the file is empty"))
                .hasToString("slipway.yaml: the file is empty");
    }

    @Test
    void exceptionMessageHasOneProblemPerLine() {
        assertThatExceptionOfType(ManifestException.class)
                .isThrownBy(() -> Manifest.parse("name: Iris\nmodel: { format: onnx }\n", "app.yaml"))
                .satisfies(ex -> assertThat(ex.problems()).hasSize(2))
                .withMessage("""
                        app.yaml:1: name: must be a DNS label: 1 to 40 lowercase letters, digits or '-', \
                        starting and ending with a letter or digit, got "Iris"
                        app.yaml:2: model.path: missing required field""");
    }

    @Test
    void recordsCheckTheirArguments() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new ServingSpec(null, 0, 8, 64, Duration.ofSeconds(30), 1024))
                .withMessage("workers must be between 1 and 64, got 0");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new Scaling(3, 2, 4, Duration.ofSeconds(300), List.of(), null, false))
                .withMessage("maxInstances must be >= minInstances (3), got 2");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new Resources(1, 1024))
                .withMessage("memory must be between 64Mi and 1Ti, got 1Ki");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new ScheduleEntry("0 8 * * *", 1, Duration.ofHours(1)))
                .withMessageStartingWith("cron invalid cron expression \"0 8 * * *\" (5 fields)");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new ModelSpec("m", ModelFormat.ECHO, null, List.of(), List.of(), null, new EchoSpec(0)))
                .withMessage("inputs must not be empty for the echo format");
    }

}
