package io.slipway.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change someone made: an append-only row. */
@Entity
@Table(name = "audit_log", indexes = {@Index(columnList = "app"), @Index(columnList = "at")})
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(length = 40)
    private String app;

    @Column(length = 1000)
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant at, String actor, String action, String app, String detail) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.app = app;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getApp() {
        return app;
    }

    public String getDetail() {
        return detail;
    }
}
