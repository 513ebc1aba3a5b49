package io.slipway.platform.scaling.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One autoscaler decision that changed an app's instance count, or that a limit held back. */
@Entity
@Table(name = "scaling_events", indexes = @Index(columnList = "app, at"))
public class ScalingEvent {

    static final int MAX_REASON = 1000;

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 40)
    private String app;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "from_instances")
    private int fromInstances;

    @Column(name = "to_instances")
    private int toInstances;

    /** What the rules wanted; differs from {@code toInstances} when a limit held the decision back. */
    @Column(name = "wanted_instances")
    private int wantedInstances;

    private boolean panic;

    @Column(length = MAX_REASON)
    private String reason;

    protected ScalingEvent() {
    }

    public ScalingEvent(String app, Instant at, int fromInstances, int toInstances, int wantedInstances, boolean panic,
            String reason) {
        this.app = app;
        this.at = at;
        this.fromInstances = fromInstances;
        this.toInstances = toInstances;
        this.wantedInstances = wantedInstances;
        this.panic = panic;
        this.reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 3) + "..." : reason;
    }

    public Long getId() {
        return id;
    }

    public String getApp() {
        return app;
    }

    public Instant getAt() {
        return at;
    }

    public int getFromInstances() {
        return fromInstances;
    }

    public int getToInstances() {
        return toInstances;
    }

    public int getWantedInstances() {
        return wantedInstances;
    }

    public boolean isPanic() {
        return panic;
    }

    public String getReason() {
        return reason;
    }

    /** Whether a limit kept the count from what the rules wanted. */
    public boolean isHeldBack() {
        return wantedInstances != toInstances;
    }
}
