package io.slipway.platform.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** An app's invoke key: only its SHA-256 is kept, and the first characters to tell keys apart. */
@Entity
@Table(name = "invoke_keys", indexes = {@Index(columnList = "app"), @Index(columnList = "hash", unique = true)})
public class InvokeKey {

    @Id
    @Column(length = 40)
    private String id;

    @Column(nullable = false, length = 40)
    private String app;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(nullable = false, length = 64)
    private String hash;

    @Column(nullable = false, length = 16)
    private String prefix;

    @Column(nullable = false, length = 64)
    private String createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected InvokeKey() {
    }

    InvokeKey(String id, String app, String name, String hash, String prefix, String createdBy, Instant createdAt) {
        this.id = id;
        this.app = app;
        this.name = name;
        this.hash = hash;
        this.prefix = prefix;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getApp() {
        return app;
    }

    public String getName() {
        return name;
    }

    String getHash() {
        return hash;
    }

    public String getPrefix() {
        return prefix;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
