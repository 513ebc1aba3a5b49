package io.slipway.platform.scaling;

import io.slipway.buildpacks.manifest.CpuRule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Decides an app's instance count at one tick, the way Knative's KPA does (a stable and a panic window
 * over in-flight requests), plus floors from the schedule, the CPU rule and the forecast. Stateless: what
 * one tick leaves for the next travels in {@link Decision#memory()}; the same code runs in production and
 * in the simulator.
 */
public final class Autoscaler {

    private final ScheduleFloor schedule;

    /** @param zone the time zone of the schedule's cron expressions */
    public Autoscaler(ZoneId zone) {
        this.schedule = new ScheduleFloor(zone);
    }

    /** The instance count the app should run at {@code now}, and why. */
    public Decision decide(ScalingPolicy p, AppSnapshot s, Instant now) {
        int from = s.desired();
        int target = p.targetConcurrency();
        double stable = s.concurrency().average(p.stableWindow(), now);
        double burst = s.concurrency().average(p.panicWindow(), now);
        int capacity = s.ready() * target;
        boolean over = burst > 0 && burst >= p.panicThreshold() * capacity;
        Instant lastPanicAt = over ? now : s.memory().lastPanicAt();
        boolean panic = lastPanicAt != null && now.isBefore(lastPanicAt.plus(p.stableWindow()));
        int want;
        String why;
        if (panic) {
            want = Math.max(from, Math.max(ceil(burst, target), ceil(stable, target)));
            why = "panic" + (over ? "" : " (holding)") + ": " + p.panicWindow().toSeconds() + " s demand "
                    + one(burst) + (over ? " >= " : " < ") + fmt(p.panicThreshold()) + " x capacity " + capacity;
        } else {
            lastPanicAt = null;
            want = ceil(stable, target);
            why = "stable: " + p.stableWindow().toSeconds() + " s demand " + one(stable) + " / target " + target;
        }
        ScalerMemory cpu = cpuStep(p.cpu(), s, from, now);
        if (cpu.cpuFloor() > want) {
            want = cpu.cpuFloor();
            why += "; CPU floor " + want;
        }
        int floor = p.minInstances();
        String floorWhy = "min " + floor;
        ScheduleFloor.Active scheduled = schedule.at(p.schedule(), now);
        if (scheduled.minInstances() > floor) {
            floor = scheduled.minInstances();
            floorWhy = "schedule '" + scheduled.entry().cron() + "' floor " + floor;
        }
        if (p.predictive() && s.history() != null) {
            Duration lead = s.startupTime().plus(p.tick());
            double peak = s.history().peakForecast(now, now.plus(lead));
            int predicted = Math.min(p.maxInstances(), ceil(peak, target));
            if (predicted > floor) {
                floor = predicted;
                floorWhy = "forecast peak " + one(peak) + " within " + lead.toSeconds() + " s -> floor " + floor;
            }
        }
        if (want < floor) {
            want = floor;
            why += "; " + floorWhy;
        } else if (want > p.maxInstances()) {
            want = p.maxInstances();
            why += "; max " + want;
        }
        if (want == 0 && from > 0) {
            Duration idle = (s.lastRequestAt() == null) ? null : Duration.between(s.lastRequestAt(), now);
            if (idle != null && idle.compareTo(p.scaleToZeroAfter()) < 0) {
                want = 1;
                why += "; idle " + idle.toSeconds() + " s < scaleToZeroAfter " + p.scaleToZeroAfter().toSeconds()
                        + " s";
            } else {
                why += "; idle " + (idle == null ? "since start" : idle.toSeconds() + " s") + ": to zero";
            }
        }
        Instant fewerSince = want < from ? or(s.memory().fewerSince(), now) : null;
        if (want < from && want > 0 && now.isBefore(fewerSince.plus(p.scaleDownDelay()))) {
            why += "; scale-down delay " + p.scaleDownDelay().toSeconds() + " s (" + want + " wanted)";
            want = from;
        }
        int wanted = want;
        int desired = want;
        if (desired < from) {
            int limit = (int) Math.ceil(from / p.maxScaleDownRate());
            if (desired < limit && !(desired == 0 && limit <= 1)) {
                desired = limit;
                why += "; max scale-down rate " + fmt(p.maxScaleDownRate()) + " (wanted " + wanted + ")";
            }
        }
        why += "; " + from + " -> " + desired;
        return new Decision(desired, why, panic, from, wanted,
                new ScalerMemory(lastPanicAt, cpu.cpuFloor(), cpu.lastCpuStepAt(), fewerSince));
    }

    /** Moves the CPU rule's floor by one when CPU stayed beyond a threshold for a whole window since the last step. */
    private static ScalerMemory cpuStep(CpuRule rule, AppSnapshot s, int from, Instant now) {
        ScalerMemory m = s.memory();
        if (rule == null || s.cpu() == null || !s.cpu().covers(rule.window(), now)) {
            return m;
        }
        boolean cooled = m.lastCpuStepAt() == null || !now.isBefore(m.lastCpuStepAt().plus(rule.window()));
        if (!cooled) {
            return m;
        }
        double cpu = s.cpu().average(rule.window(), now);
        if (cpu > rule.scaleUpAbove()) {
            return new ScalerMemory(m.lastPanicAt(), Math.max(m.cpuFloor(), from) + 1, now, m.fewerSince());
        }
        if (cpu < rule.scaleDownBelow() && m.cpuFloor() > 0) {
            return new ScalerMemory(m.lastPanicAt(), Math.min(m.cpuFloor(), from) - 1, now, m.fewerSince());
        }
        return m;
    }

    private static int ceil(double demand, int target) {
        return (int) Math.ceil(demand / target - 1e-9);
    }

    private static Instant or(Instant value, Instant fallback) {
        return value == null ? fallback : value;
    }

    private static String one(double d) {
        return Double.toString(Math.round(d * 10) / 10.0);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
