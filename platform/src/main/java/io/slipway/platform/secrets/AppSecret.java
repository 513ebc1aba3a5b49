package io.slipway.platform.secrets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** One secret of one app: its name and its value encrypted by {@link SecretCipher}; never the plaintext. */
@Entity
@Table(name = "app_secrets", uniqueConstraints = @UniqueConstraint(columnNames = {"app", "name"}))
public class AppSecret {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 40)
    private String app;

    @Column(nullable = false, length = Secrets.MAX_NAME_LENGTH)
    private String name;

    @Column(nullable = false, length = Secrets.MAX_VALUE_BYTES + 64)
    private byte[] ciphertext;

    @Column(nullable = false)
    private Instant updatedAt;

    protected AppSecret() {
    }

    AppSecret(String app, String name, byte[] ciphertext, Instant updatedAt) {
        this.app = app;
        this.name = name;
        this.ciphertext = ciphertext;
        this.updatedAt = updatedAt;
    }

    void replace(byte[] ciphertext, Instant updatedAt) {
        this.ciphertext = ciphertext;
        this.updatedAt = updatedAt;
    }

    public String getApp() {
        return app;
    }

    public String getName() {
        return name;
    }

    byte[] getCiphertext() {
        return ciphertext;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
