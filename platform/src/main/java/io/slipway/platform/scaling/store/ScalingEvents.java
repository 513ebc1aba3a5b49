package io.slipway.platform.scaling.store;

import io.slipway.platform.scaling.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the decisions worth keeping (those that change the count or were held back) and lists them. */
@Service
public class ScalingEvents {

    /** The most events one listing returns. */
    public static final int MAX_LIMIT = 1000;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ScalingEvents.class);

    private final ScalingEventRepository events;

    public ScalingEvents(ScalingEventRepository events) {
        this.events = events;
    }

    /** Stores the decision when it changes the count or a limit held it back; otherwise stores nothing. */
    @Transactional
    public Optional<ScalingEvent> record(String app, Decision decision, Instant at) {
        if (!decision.changes() && !decision.heldBack()) {
            return Optional.empty();
        }
        log.info("scaling {}: {}", app, decision.reason());
        return Optional.of(events.save(new ScalingEvent(app, at, decision.from(), decision.desired(),
                decision.wanted(), decision.panic(), decision.reason())));
    }

    /** Records that a request woke an app scaled to zero. */
    @Transactional
    public ScalingEvent recordWake(String app, Instant at) {
        return events.save(new ScalingEvent(app, at, 0, 1, 1, false,
                "scale from zero: a request arrived while no instance ran; 0 -> 1"));
    }

    /** The app's newest events, at most {@code limit} (1 to {@value #MAX_LIMIT}). */
    @Transactional(readOnly = true)
    public List<ScalingEvent> latest(String app, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
        return events.findByAppOrderByAtDescIdDesc(app, Limit.of(limit));
    }

    /** Forgets an app's events (when the app is deleted). */
    @Transactional
    public void deleteApp(String app) {
        events.deleteByApp(app);
    }
}
