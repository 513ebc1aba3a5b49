package io.slipway.platform.scaling.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** An app's mean demand (requests in flight) over one minute: the history the predictive floor learns from. */
@Entity
@Table(name = "demand_history", indexes = @Index(columnList = "app, minute_start"))
public class DemandRecord {

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 40)
    private String app;

    @Column(name = "minute_start")
    private Instant minute;

    private double demand;

    protected DemandRecord() {
    }

    public DemandRecord(String app, Instant minute, double demand) {
        this.id = app + "@" + minute.getEpochSecond();
        this.app = app;
        this.minute = minute;
        this.demand = demand;
    }

    public String getApp() {
        return app;
    }

    public Instant getMinute() {
        return minute;
    }

    public double getDemand() {
        return demand;
    }
}
