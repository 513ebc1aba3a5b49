package io.slipway.platform.scaling.api;

import io.slipway.buildpacks.manifest.Scaling;
import io.slipway.buildpacks.manifest.ScheduleEntry;
import io.slipway.platform.scaling.Durations;
import io.slipway.platform.scaling.ScalingPolicy;
import io.slipway.platform.scaling.sim.SimulationReport;
import io.slipway.platform.scaling.sim.SimulationSettings;
import io.slipway.platform.scaling.sim.Simulator;
import io.slipway.platform.scaling.sim.Trace;
import io.slipway.platform.web.BadRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/simulations}: replays a trace against fixed-at-peak, reactive and reactive + predictive. */
@RestController
class SimulationController {

    private static final Pattern TRACE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final double MAX_DAYS = 60;
    private static final int MAX_SERIES = 1_000_000;
    private static final long MAX_TICKS = 3_000_000;

    private final ScalingProperties properties;
    private final Simulator simulator = new Simulator();

    SimulationController(ScalingProperties properties) {
        this.properties = properties;
    }

    /** The answer: the trace replayed and one report per policy, also as a Markdown table. */
    record SimulationResponse(String trace, Instant start, String step, int steps, double peakRps,
            List<SimulationReport> reports, String table) {
    }

    @PostMapping("/api/v1/simulations")
    SimulationResponse simulate(@RequestBody(required = false) SimulationRequest body) {
        SimulationRequest r = body != null ? body : new SimulationRequest(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        try {
            int target = or(r.targetConcurrency(), 4);
            ScalingPolicy policy = ScalingPolicy.of(new Scaling(or(r.minInstances(), 1), or(r.maxInstances(), 100),
                    target, Durations.parse("scaleToZeroAfter", or(r.scaleToZeroAfter(), "300s")), schedule(r),
                    null, false));
            SimulationSettings settings = new SimulationSettings(Duration.ofMillis(or(r.latencyMs(), 100)),
                    or(r.instanceConcurrency(), 2 * target), Duration.ofSeconds(or(r.startupSeconds(), 60)),
                    or(r.timeCompression(), 1), Math.min(100, or(r.firstEvents(), 10)));
            Trace trace = trace(r).scaled(positive("rateScale", or(r.rateScale(), 1.0)));
            long ticks = trace.length().dividedBy(settings.timeCompression()).dividedBy(policy.tick());
            if (ticks > MAX_TICKS) {
                throw new IllegalArgumentException("the replay is " + ticks + " ticks of " + policy.tick().toSeconds()
                        + " s, at most " + MAX_TICKS + ": shorten days or raise timeCompression");
            }
            List<SimulationReport> reports = simulator.compare(trace, policy, settings);
            return new SimulationResponse(trace.name(), trace.start(), Durations.format(trace.step()),
                    trace.rps().length, trace.peak(), reports, SimulationReport.table(reports));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private Trace trace(SimulationRequest r) {
        if (r.series() != null) {
            if (r.trace() != null) {
                throw new IllegalArgumentException("give either trace or series, not both");
            }
            if (r.series().isEmpty() || r.series().size() > MAX_SERIES) {
                throw new IllegalArgumentException("series must have 1 to " + MAX_SERIES + " values");
            }
            double[] rps = r.series().stream().mapToDouble(v -> v == null ? -1 : v).toArray();
            int step = or(r.seriesStepSeconds(), 1);
            if (step < 1) {
                throw new IllegalArgumentException("seriesStepSeconds must be >= 1, got " + step);
            }
            return new Trace("inline", Trace.NASA_START, Duration.ofSeconds(step), rps);
        }
        String name = or(r.trace(), Trace.NASA);
        if (!TRACE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("trace must be a file name of the traces folder, got '" + name + "'");
        }
        Path dir = tracesDir();
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no trace '" + name + "' in " + dir);
        }
        double days = positive("days", or(r.days(), 7.0));
        double skip = or(r.skipDays(), 0.0);
        if (days > MAX_DAYS || skip < 0) {
            throw new IllegalArgumentException("days must be at most " + MAX_DAYS + " and skipDays >= 0");
        }
        int aggregate = or(r.aggregateSeconds(), 60);
        return Trace.read(file, name.startsWith("nasa") ? Trace.NASA_START : Instant.EPOCH, (long) (skip * 86_400),
                (long) (days * 86_400), aggregate);
    }

    private Path tracesDir() {
        if (properties.tracesDir() != null) {
            return properties.tracesDir();
        }
        try {
            return Trace.sharedTraces(Path.of(""));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("no traces folder: set slipway.scaling.traces-dir or send a series");
        }
    }

    private static List<ScheduleEntry> schedule(SimulationRequest r) {
        List<ScheduleEntry> entries = new ArrayList<>();
        if (r.schedule() != null) {
            for (var item : r.schedule()) {
                if (item == null || item.cron() == null || item.minInstances() == null || item.duration() == null) {
                    throw new IllegalArgumentException("schedule entries need cron, minInstances and duration");
                }
                entries.add(new ScheduleEntry(item.cron(), item.minInstances(),
                        Durations.parse("duration", item.duration())));
            }
        }
        return entries;
    }

    private static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
        return value;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
