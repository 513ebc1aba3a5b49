package io.slipway.platform.scaling.sim;

import io.slipway.buildpacks.manifest.Scaling;
import io.slipway.platform.scaling.ScalingPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator from the command line: prints the three policies side by side as a Markdown table.
 * Options ({@code --name value}): trace (default the shared NASA trace), skip-days (0), days (21),
 * aggregate (seconds a step, 60), scale (50), compression (1), latency-ms (100), target (4),
 * instance-concurrency (2 x target), startup-s (60), min (1), max (100), scale-down-delay-s (0), events (5).
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        Path file = o.containsKey("trace") ? Path.of(o.get("trace"))
                : Trace.sharedTraces(Path.of("")).resolve(Trace.NASA);
        long skip = (long) (Double.parseDouble(o.getOrDefault("skip-days", "0")) * 86_400);
        long length = (long) (Double.parseDouble(o.getOrDefault("days", "21")) * 86_400);
        int aggregate = Integer.parseInt(o.getOrDefault("aggregate", "60"));
        double scale = Double.parseDouble(o.getOrDefault("scale", "50"));
        int target = Integer.parseInt(o.getOrDefault("target", "4"));
        Scaling scaling = new Scaling(Integer.parseInt(o.getOrDefault("min", "1")),
                Integer.parseInt(o.getOrDefault("max", "100")), target, Duration.ofMinutes(5), List.of(), null, false);
        SimulationSettings settings = new SimulationSettings(
                Duration.ofMillis(Long.parseLong(o.getOrDefault("latency-ms", "100"))),
                Integer.parseInt(o.getOrDefault("instance-concurrency", String.valueOf(2 * target))),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("startup-s", "60"))),
                Integer.parseInt(o.getOrDefault("compression", "1")), Integer.parseInt(o.getOrDefault("events", "5")));
        long started = System.nanoTime();
        Trace trace = Trace.read(file, Trace.NASA_START, skip, length, aggregate).scaled(scale);
        ScalingPolicy policy = ScalingPolicy.of(scaling).withScaleDownDelay(
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("scale-down-delay-s", "0"))));
        List<SimulationReport> reports = new Simulator().compare(trace, policy, settings);
        System.out.printf("trace %s: %d steps of %d s from %s, x%s, peak %.1f req/s; %s%n", trace.name(),
                trace.rps().length, aggregate, trace.start(), scale, trace.peak(), settings);
        System.out.print(SimulationReport.table(reports));
        for (SimulationReport r : reports) {
            r.firstEvents().forEach(e -> System.out.println("  " + r.policy() + ": " + e));
        }
        System.out.printf("(%.1f s)%n", (System.nanoTime() - started) / 1e9);
    }
}
