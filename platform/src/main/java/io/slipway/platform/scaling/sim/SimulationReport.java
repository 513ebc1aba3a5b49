package io.slipway.platform.scaling.sim;

import java.util.List;
import java.util.Locale;

/**
 * What one policy did over one trace.
 *
 * @param overCapacity requests that arrived while the ready instances were full: they would have queued or failed
 * @param firstEvents the first scaling events, as "t+seconds: reason"
 */
public record SimulationReport(String policy, double instanceSeconds, double requests, double overCapacity,
        int peakInstances, int events, List<String> firstEvents) {

    /** Over-capacity requests as a fraction of all requests. */
    public double overCapacityShare() {
        return requests == 0 ? 0 : overCapacity / requests;
    }

    /** The reports side by side as a Markdown table. */
    public static String table(List<SimulationReport> reports) {
        StringBuilder out = new StringBuilder(
                "| policy | instance-hours | requests | over capacity | share | peak instances | scaling events |\n"
                        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (SimulationReport r : reports) {
            out.append(String.format(Locale.ROOT, "| %s | %,.1f | %,.0f | %,.0f | %.3f %% | %d | %,d |%n", r.policy(),
                    r.instanceSeconds() / 3600, r.requests(), r.overCapacity(), 100 * r.overCapacityShare(),
                    r.peakInstances(), r.events()));
        }
        return out.toString();
    }
}
