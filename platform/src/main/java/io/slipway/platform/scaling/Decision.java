package io.slipway.platform.scaling;

/**
 * What the autoscaler decided at one tick.
 *
 * @param desired the instance count to run
 * @param reason why, for people: e.g. {@code panic: 6 s demand 31.0 >= 2 x capacity 12; 3 -> 8}
 * @param panic whether the app is in panic mode (no scale-down)
 * @param from the count the decision started from ({@link AppSnapshot#desired()})
 * @param wanted what the rules asked for before the max scale-down rate held it back (equal to {@code
 * desired} unless held back)
 * @param memory to hand to the next decision in {@link AppSnapshot#memory()}
 */
public record Decision(int desired, String reason, boolean panic, int from, int wanted, ScalerMemory memory) {

    /** Whether the decision changes the instance count. */
    public boolean changes() {
        return desired != from;
    }

    /** This decision held to {@code instances} (by a quota, say), with why added to the reason. */
    public Decision limitedTo(int instances, String why) {
        return new Decision(instances, reason + "; " + why, panic, from, wanted, memory);
    }

    /** Whether a rule wanted a different count than was decided (held back by the scale-down rate or a quota). */
    public boolean heldBack() {
        return wanted != desired;
    }
}
