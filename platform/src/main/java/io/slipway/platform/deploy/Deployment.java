package io.slipway.platform.deploy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One upload of a bundle on its way to a release, with the reason when it failed. */
@Entity
@Table(name = "deployments")
public class Deployment {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 40)
    private String app;

    @Enumerated(EnumType.STRING)
    private DeploymentStatus status;

    @Column(length = 4000)
    private String reason;

    private String bundleDigest;

    private Integer release;

    private String createdBy;

    private Instant createdAt;

    private Instant updatedAt;

    protected Deployment() {
    }

    public Deployment(String id, String app, String bundleDigest, String createdBy, Instant now) {
        this.id = id;
        this.app = app;
        this.bundleDigest = bundleDigest;
        this.createdBy = createdBy;
        this.status = DeploymentStatus.RECEIVED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void move(DeploymentStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }

    public void fail(String why, Instant now) {
        this.reason = why.length() > 4000 ? why.substring(0, 3997) + "..." : why;
        move(DeploymentStatus.FAILED, now);
    }

    public String getId() {
        return id;
    }

    public String getApp() {
        return app;
    }

    public DeploymentStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getBundleDigest() {
        return bundleDigest;
    }

    public Integer getRelease() {
        return release;
    }

    public void setRelease(Integer release) {
        this.release = release;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
