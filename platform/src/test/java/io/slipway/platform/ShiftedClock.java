package io.slipway.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The wall clock's pace from a chosen start, for a platform under test; {@link #set} jumps it. */
public final class ShiftedClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>();

    public ShiftedClock(Instant start) {
        set(start);
    }

    public void set(Instant now) {
        offset.set(Duration.between(Instant.now(), now));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the platform reads its clock in UTC");
    }
}
