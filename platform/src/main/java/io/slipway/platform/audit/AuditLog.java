package io.slipway.platform.audit;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records who changed what; the actor is whoever the current request acts for. */
public class AuditLog {

    /** What can be audited. */
    public enum Action {
        CREATE_APP, DEPLOY, ROLLBACK, DELETE_APP, SCALING_POLICY, SCALING_RESET, ACCESS, CHANGE_OWNER,
        CREATE_USER, CHANGE_USER, DELETE_USER, CHANGE_TEAM, TOKEN, QUOTA, SECRET_SET, SECRET_DELETE
    }

    /** The most events one read returns. */
    public static final int MAX_LIMIT = 1000;

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditEventRepository events;
    private final Supplier<String> actor;
    private final Clock clock;

    public AuditLog(AuditEventRepository events, Supplier<String> actor, Clock clock) {
        this.events = events;
        this.actor = actor;
        this.clock = clock;
    }

    /** Records {@code action} on {@code app} (null for none) by the current actor. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Action action, String app, String detail) {
        String who = actor.get();
        log.info("audit: {} {} {}{}", who, action, app == null ? "" : app, detail == null ? "" : ": " + detail);
        events.save(new AuditEvent(clock.instant(), who, action.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'), app, detail));
    }

    /** The newest events, of one app or of all when {@code app} is null. */
    @Transactional(readOnly = true)
    public List<AuditEvent> latest(String app, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
        return app == null ? events.findByOrderByIdDesc(Limit.of(limit))
                : events.findByAppOrderByIdDesc(app, Limit.of(limit));
    }
}
