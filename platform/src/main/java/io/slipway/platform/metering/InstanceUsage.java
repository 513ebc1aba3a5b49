package io.slipway.platform.metering;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One instance's metered lifetime: open ({@code stoppedAt} null) while it runs. {@code lastSeenAt}
 * is the last time the platform saw it running; an instance that vanished while nobody watched
 * (the platform was down) is closed there, so no time is billed that was not seen.
 */
@Entity
@Table(name = "instance_usage", indexes = {@Index(columnList = "app"), @Index(columnList = "stoppedAt")})
public class InstanceUsage {

    @Id
    @Column(length = 100)
    private String instanceId;

    @Column(nullable = false, length = 40)
    private String app;

    @Column(length = 64)
    private String owner;

    private int releaseNumber;

    private double cpus;

    private long memoryBytes;

    @Column(nullable = false)
    private Instant startedAt;

    private Instant stoppedAt;

    @Column(nullable = false)
    private Instant lastSeenAt;

    @jakarta.persistence.Version
    private long version;

    protected InstanceUsage() {
    }

    InstanceUsage(String instanceId, String app, String owner, int release, double cpus, long memoryBytes,
            Instant startedAt) {
        this.instanceId = instanceId;
        this.app = app;
        this.owner = owner;
        this.releaseNumber = release;
        this.cpus = cpus;
        this.memoryBytes = memoryBytes;
        this.startedAt = startedAt;
        this.lastSeenAt = startedAt;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public String getApp() {
        return app;
    }

    public String getOwner() {
        return owner;
    }

    public int getRelease() {
        return releaseNumber;
    }

    public double getCpus() {
        return cpus;
    }

    public long getMemoryBytes() {
        return memoryBytes;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getStoppedAt() {
        return stoppedAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    boolean open() {
        return stoppedAt == null;
    }

    void seen(Instant at) {
        if (at.isAfter(lastSeenAt)) {
            lastSeenAt = at;
        }
    }

    void stop(Instant at) {
        stoppedAt = at.isBefore(startedAt) ? startedAt : at;
        seen(stoppedAt);
    }

    void started(Instant at) {
        startedAt = at;
    }

    void limits(double cpus, long memoryBytes) {
        this.cpus = cpus;
        this.memoryBytes = memoryBytes;
    }
}
