package io.slipway.platform.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An app: a name, the release it serves, and how many instances should run it. */
@Entity
@Table(name = "apps")
public class App {

    @Id
    @Column(length = 40)
    private String name;

    private Instant createdAt;

    /** The release that serves traffic; null until the first deployment goes live. */
    private Integer currentRelease;

    private int desiredInstances = 1;

    /** Who the app belongs to (a user or a team); null on a platform without accounts. */
    @Column(length = 64)
    private String owner;

    @Version
    private long version;

    protected App() {
    }

    public App(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Integer getCurrentRelease() {
        return currentRelease;
    }

    public void setCurrentRelease(Integer currentRelease) {
        this.currentRelease = currentRelease;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public int getDesiredInstances() {
        return desiredInstances;
    }

    public void setDesiredInstances(int desiredInstances) {
        this.desiredInstances = desiredInstances;
    }
}
