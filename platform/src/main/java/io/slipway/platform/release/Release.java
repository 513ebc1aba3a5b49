package io.slipway.platform.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * An immutable release: vN of an app, the artifact that runs it (image or directory), the
 * manifest it was built from, and who made it when from which bundle.
 */
@Entity
@Table(name = "releases", uniqueConstraints = @UniqueConstraint(columnNames = {"app", "number"}))
public class Release {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 40)
    private String app;

    private int number;

    private String bundleDigest;

    /** The image of the release on image backends; null on the process backend. */
    private String image;

    /** The bundle directory of the release on the process backend; null on image backends. */
    private String directory;

    /** The manifest text; inline secret values were taken out of it before the bundle was kept. */
    @Lob
    private String manifest;

    private String engine;

    private String createdBy;

    private Instant createdAt;

    private String description;

    protected Release() {
    }

    public Release(String app, int number, String bundleDigest, String image, String directory, String manifest,
            String engine, String createdBy, Instant createdAt, String description) {
        this.app = app;
        this.number = number;
        this.bundleDigest = bundleDigest;
        this.image = image;
        this.directory = directory;
        this.manifest = manifest;
        this.engine = engine;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.description = description;
    }

    public String getApp() {
        return app;
    }

    public int getNumber() {
        return number;
    }

    public String getBundleDigest() {
        return bundleDigest;
    }

    public String getImage() {
        return image;
    }

    public String getDirectory() {
        return directory;
    }

    public String getManifest() {
        return manifest;
    }

    public String getEngine() {
        return engine;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getDescription() {
        return description;
    }
}
