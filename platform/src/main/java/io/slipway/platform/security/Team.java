package io.slipway.platform.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A team: users who share the apps the team owns (owner {@code team:NAME}). */
@Entity
@Table(name = "teams")
public class Team {

    @Id
    @Column(length = 32)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "team_members", joinColumns = @JoinColumn(name = "team"))
    @Column(name = "username", length = 32)
    private Set<String> members = new TreeSet<>();

    private Instant createdAt;

    protected Team() {
    }

    public Team(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public String getName() {
        return name;
    }

    public Set<String> getMembers() {
        return members;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The owner value of the team's apps. */
    public String owner() {
        return Owners.TEAM_PREFIX + name;
    }
}
