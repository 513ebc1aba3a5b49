package io.slipway.platform.quota;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One owner's own quota, set by an admin; a limit left null is the platform's default. */
@Entity
@Table(name = "quota_overrides")
public class QuotaOverride {

    @Id
    @Column(length = 64)
    private String owner;

    private Integer maxApps;
    private Integer maxInstances;
    private Double maxCpus;
    private Long maxMemoryBytes;
    private Long maxBundleBytes;

    protected QuotaOverride() {
    }

    QuotaOverride(String owner) {
        this.owner = owner;
    }

    public String getOwner() {
        return owner;
    }

    /** The quota: these limits where set, {@code defaults} elsewhere. */
    Quota over(Quota defaults) {
        return new Quota(maxApps != null ? maxApps : defaults.maxApps(),
                maxInstances != null ? maxInstances : defaults.maxInstances(),
                maxCpus != null ? maxCpus : defaults.maxCpus(),
                maxMemoryBytes != null ? maxMemoryBytes : defaults.maxMemoryBytes(),
                maxBundleBytes != null ? maxBundleBytes : defaults.maxBundleBytes());
    }

    void set(Integer apps, Integer instances, Double cpus, Long memoryBytes, Long bundleBytes) {
        this.maxApps = apps;
        this.maxInstances = instances;
        this.maxCpus = cpus;
        this.maxMemoryBytes = memoryBytes;
        this.maxBundleBytes = bundleBytes;
    }
}
