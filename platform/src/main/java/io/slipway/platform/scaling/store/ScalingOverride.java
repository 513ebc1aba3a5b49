package io.slipway.platform.scaling.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The scaling fields an operator set through the API for an app, over its manifest; null fields keep the
 * manifest's value. The schedule is stored as one line per entry: {@code cron<TAB>minInstances<TAB>seconds}.
 */
@Entity
@Table(name = "scaling_overrides")
public class ScalingOverride {

    @Id
    @Column(length = 40)
    private String app;

    private Integer minInstances;
    private Integer maxInstances;
    private Integer targetConcurrency;
    private Long scaleToZeroAfterSeconds;
    private Boolean predictive;

    @Lob
    private String schedule;

    private Instant updatedAt;

    @Version
    private long version;

    protected ScalingOverride() {
    }

    public ScalingOverride(String app) {
        this.app = app;
    }

    public String getApp() {
        return app;
    }

    public Integer getMinInstances() {
        return minInstances;
    }

    public void setMinInstances(Integer minInstances) {
        this.minInstances = minInstances;
    }

    public Integer getMaxInstances() {
        return maxInstances;
    }

    public void setMaxInstances(Integer maxInstances) {
        this.maxInstances = maxInstances;
    }

    public Integer getTargetConcurrency() {
        return targetConcurrency;
    }

    public void setTargetConcurrency(Integer targetConcurrency) {
        this.targetConcurrency = targetConcurrency;
    }

    public Long getScaleToZeroAfterSeconds() {
        return scaleToZeroAfterSeconds;
    }

    public void setScaleToZeroAfterSeconds(Long scaleToZeroAfterSeconds) {
        this.scaleToZeroAfterSeconds = scaleToZeroAfterSeconds;
    }

    public Boolean getPredictive() {
        return predictive;
    }

    public void setPredictive(Boolean predictive) {
        this.predictive = predictive;
    }

    /** The schedule lines, or null when the manifest's schedule applies. */
    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
