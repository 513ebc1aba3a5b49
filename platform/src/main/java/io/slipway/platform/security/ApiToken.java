package io.slipway.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal API token: only its SHA-256 hash and a short prefix (to recognise it) are kept. */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 32)
    private String username;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(nullable = false, unique = true, length = 64)
    private String hash;

    @Column(nullable = false, length = 12)
    private String prefix;

    private Instant createdAt;

    private Instant lastUsedAt;

    protected ApiToken() {
    }

    public ApiToken(String id, String username, String name, String hash, String prefix, Instant createdAt) {
        this.id = id;
        this.username = username;
        this.name = name;
        this.hash = hash;
        this.prefix = prefix;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getName() {
        return name;
    }

    public String getHash() {
        return hash;
    }

    public String getPrefix() {
        return prefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }
}
