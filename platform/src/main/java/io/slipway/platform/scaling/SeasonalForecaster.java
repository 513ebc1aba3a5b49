package io.slipway.platform.scaling;

/**
 * Forecasts a bucket of a {@link DemandHistory} from a seasonal profile: the same time of week over the
 * last four weeks blended with the same time of day over the last three days, each smoothed over five
 * buckets, then scaled by how the last hour compared with its own profile (clamped to 0.67..1.5).
 *
 * <p>Why a profile and not Holt-Winters: a weekly season at one-minute buckets is 10,080 seasonal
 * coefficients either way, Holt-Winters carries only one season (daily + weekly needs Taylor's double
 * seasonal variant and fitted smoothing constants), and its state is corrupted by gaps such as an
 * outage, which the profile simply skips. The profile is cheap, explainable and robust to missing data.
 */
final class SeasonalForecaster {

    private static final int WEEKS = 4;
    private static final int DAYS = 3;
    private static final int SMOOTH = 2;
    private static final int LEVEL_BUCKETS = 60;

    private final DemandHistory history;
    private final int perDay;

    SeasonalForecaster(DemandHistory history, int perDay) {
        this.history = history;
        this.perDay = perDay;
    }

    /**
     * The forecast of bucket {@code b} made at bucket {@code now} (only buckets before {@code now} are used).
     * @param level {@link #level(long)} at {@code now}
     */
    double forecast(long b, long now, double level) {
        double profile = profile(b, now);
        return Double.isNaN(profile) ? Double.NaN : profile * level;
    }

    /** How the hour before {@code now} compared with its profile: the factor the forecast is scaled by. */
    double level(long now) {
        double actual = 0;
        double expected = 0;
        int n = 0;
        for (long b = now - LEVEL_BUCKETS; b < now; b += 5) {
            double a = history.value(b);
            double p = profile(b, b);
            if (!Double.isNaN(a) && !Double.isNaN(p)) {
                actual += a;
                expected += p;
                n++;
            }
        }
        if (n < 3 || expected <= 0) {
            return 1.0;
        }
        return Math.max(0.67, Math.min(1.5, actual / expected));
    }

    private double profile(long b, long now) {
        double weekly = seasonal(b, now, perDay * 7L, WEEKS);
        double daily = seasonal(b, now, perDay, DAYS);
        if (Double.isNaN(weekly)) {
            return daily;
        }
        return Double.isNaN(daily) ? weekly : 0.5 * weekly + 0.5 * daily;
    }

    private double seasonal(long b, long now, long period, int seasons) {
        double sum = 0;
        int n = 0;
        for (int k = 1; k <= seasons; k++) {
            long center = b - k * period;
            if (center + SMOOTH >= now) {
                continue;
            }
            double v = smoothed(center);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private double smoothed(long center) {
        double sum = 0;
        int n = 0;
        for (long b = center - SMOOTH; b <= center + SMOOTH; b++) {
            double v = history.value(b);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
