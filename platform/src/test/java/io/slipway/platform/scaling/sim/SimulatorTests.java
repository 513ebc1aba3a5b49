package io.slipway.platform.scaling.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.buildpacks.manifest.Scaling;
import io.slipway.platform.scaling.ScalingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTests {

    private static final ScalingPolicy POLICY = ScalingPolicy.of(
            new Scaling(1, 100, 4, Duration.ofMinutes(5), List.of(), null, false));

    private static final SimulationSettings SETTINGS = new SimulationSettings(Duration.ofMillis(100), 8,
            Duration.ofSeconds(60), 1, 3);

    @Test
    void onTheNasaTracePredictiveSpendsLessThanFixedAtPeakAndOverflowsLessThanReactive() {
        Path file = Trace.sharedTraces(Path.of("")).resolve(Trace.NASA);
        assertThat(file).as("the NASA trace beside the repository").exists();
        Trace trace = Trace.read(file, Trace.NASA_START, 0, 14 * 86_400L, 60).scaled(50);

        List<SimulationReport> reports = new Simulator().compare(trace, POLICY, SETTINGS);
        System.out.print(SimulationReport.table(reports));

        SimulationReport fixed = reports.get(0);
        SimulationReport reactive = reports.get(1);
        SimulationReport predictive = reports.get(2);
        assertThat(predictive.instanceSeconds()).isLessThan(fixed.instanceSeconds());
        assertThat(predictive.overCapacity()).isLessThan(reactive.overCapacity());
        assertThat(reactive.requests()).isCloseTo(fixed.requests(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(predictive.firstEvents()).hasSize(3);
    }

    @Test
    void aStepAboveCapacityIsCountedUntilNewInstancesAreReady() {
        double[] rps = new double[20];
        java.util.Arrays.fill(rps, 10, 20, 200);
        java.util.Arrays.fill(rps, 0, 10, 20);
        Trace trace = new Trace("step", Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(60), rps);

        SimulationReport r = new Simulator().run("reactive", trace, POLICY, SETTINGS);

        assertThat(r.requests()).isCloseTo(20 * 60 * 10 + 200 * 60 * 10, org.assertj.core.data.Offset.offset(1.0));
        assertThat(r.overCapacity()).isGreaterThan(0).isLessThan(200 * 62);
        assertThat(r.peakInstances()).isEqualTo(5);
        assertThat(r.firstEvents().get(0)).contains("panic");
    }

    @Test
    void traceFileIsAveragedPerStep() throws Exception {
        Path file = Files.createTempFile("trace", ".txt");
        Files.writeString(file, "1\n3\n5\n7\n9\n11\n");
        Trace trace = Trace.read(file, Trace.NASA_START, 1, 5, 2);
        assertThat(trace.rps()).containsExactly(4, 8);
        assertThat(trace.start()).isEqualTo(Trace.NASA_START.plusSeconds(1));
    }
}
