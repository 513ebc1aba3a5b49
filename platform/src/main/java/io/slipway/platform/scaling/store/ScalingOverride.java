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

    private Long stableWindowMillis;
    private Long panicWindowMillis;
    private Double maxScaleDownRate;
    private Long scaleDownDelayMillis;
    private Integer cpuScaleUpAbove;
    private Integer cpuScaleDownBelow;
    private Long cpuWindowSeconds;
    /** The CPU rule switched on (true) or off (false) through the API; null: as the manifest and the fields say. */
    private Boolean cpuEnabled;

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

    public Long getStableWindowMillis() {
        return stableWindowMillis;
    }

    public void setStableWindowMillis(Long stableWindowMillis) {
        this.stableWindowMillis = stableWindowMillis;
    }

    public Long getPanicWindowMillis() {
        return panicWindowMillis;
    }

    public void setPanicWindowMillis(Long panicWindowMillis) {
        this.panicWindowMillis = panicWindowMillis;
    }

    public Double getMaxScaleDownRate() {
        return maxScaleDownRate;
    }

    public void setMaxScaleDownRate(Double maxScaleDownRate) {
        this.maxScaleDownRate = maxScaleDownRate;
    }

    public Long getScaleDownDelayMillis() {
        return scaleDownDelayMillis;
    }

    public void setScaleDownDelayMillis(Long scaleDownDelayMillis) {
        this.scaleDownDelayMillis = scaleDownDelayMillis;
    }

    public Integer getCpuScaleUpAbove() {
        return cpuScaleUpAbove;
    }

    public void setCpuScaleUpAbove(Integer cpuScaleUpAbove) {
        this.cpuScaleUpAbove = cpuScaleUpAbove;
    }

    public Integer getCpuScaleDownBelow() {
        return cpuScaleDownBelow;
    }

    public void setCpuScaleDownBelow(Integer cpuScaleDownBelow) {
        this.cpuScaleDownBelow = cpuScaleDownBelow;
    }

    public Long getCpuWindowSeconds() {
        return cpuWindowSeconds;
    }

    public void setCpuWindowSeconds(Long cpuWindowSeconds) {
        this.cpuWindowSeconds = cpuWindowSeconds;
    }

    public Boolean getCpuEnabled() {
        return cpuEnabled;
    }

    public void setCpuEnabled(Boolean cpuEnabled) {
        this.cpuEnabled = cpuEnabled;
    }
}
