package io.slipway.platform.scaling.api;

import io.slipway.platform.scaling.store.ScalingUpdate;
import java.util.List;

/**
 * The body of {@code POST /api/v1/simulations}; every field is optional. The trace is either a file of the
 * traces folder by name ({@code trace}, default {@code nasa-1995-rps.txt.gz}: a part of it from {@code
 * skipDays} for {@code days}, averaged over {@code aggregateSeconds}) or an inline series of requests a
 * second ({@code series}, one value every {@code seriesStepSeconds}).
 */
public record SimulationRequest(String trace, List<Double> series, Integer seriesStepSeconds, Double skipDays,
        Double days, Integer aggregateSeconds, Double rateScale, Integer timeCompression, Integer latencyMs,
        Integer instanceConcurrency, Integer startupSeconds, Integer minInstances, Integer maxInstances,
        Integer targetConcurrency, String scaleToZeroAfter, List<ScalingUpdate.Item> schedule, Integer firstEvents) {
}
