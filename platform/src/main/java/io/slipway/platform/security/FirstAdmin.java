package io.slipway.platform.security;

import io.slipway.platform.app.App;
import io.slipway.platform.app.AppRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At the first start, the first admin: with the configured password, or a random one printed once
 * and kept in {@code initial-admin-password} (owner-only) until the admin changes it. Apps made
 * before accounts existed are given to the first admin.
 */
public class FirstAdmin {

    static final String PASSWORD_FILE = "initial-admin-password";

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountRepository accounts;
    private final AppRepository apps;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;
    private final Path dataDir;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public FirstAdmin(AccountRepository accounts, AppRepository apps, PasswordEncoder encoder,
            SecurityProperties properties, Path dataDir, Clock clock, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.apps = apps;
        this.encoder = encoder;
        this.properties = properties;
        this.dataDir = dataDir;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Makes the first admin if there is no account yet, and gives it the apps nobody owns. */
    public void ensure() {
        transactions.executeWithoutResult(status -> {
            if (accounts.count() == 0) {
                make();
            }
            forgetChangedPassword();
            List<App> ownerless = apps.findAll().stream().filter(app -> app.getOwner() == null).toList();
            if (!ownerless.isEmpty()) {
                String admin = accounts.findAll().stream().filter(a -> a.getRole() == Role.ADMIN)
                        .min(java.util.Comparator.comparing(Account::getCreatedAt)).orElseThrow().getUsername();
                ownerless.forEach(app -> app.setOwner(admin));
                log.info("{} app(s) made before accounts existed now belong to '{}'", ownerless.size(), admin);
            }
        });
    }

    private void make() {
        String username = properties.adminUsername();
        Accounts.checkName("admin user", username);
        String password = properties.adminPassword();
        boolean generated = password == null || password.isEmpty();
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        } else {
            Accounts.checkPassword(password);
        }
        accounts.save(new Account(username, encoder.encode(password), Role.ADMIN, clock.instant()));
        if (generated) {
            Path file = writeOwnerOnly(password);
            log.warn("""

                    ================================================================
                    First start: admin user '{}' created with password

                        {}

                    (shown once; also in {} until the password is changed)
                    Sign in at / or make an API token:
                      curl -u {}:PASSWORD -X POST http://HOST/api/v1/tokens
                    ================================================================""",
                    username, password, file, username);
        } else {
            log.info("First start: admin user '{}' created with the configured password", username);
        }
    }

    private Path writeOwnerOnly(String password) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the first admin's password to " + file, e);
        }
    }

    /** Removes the password file once the admin no longer has that password. */
    private void forgetChangedPassword() {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (!Files.exists(file)) {
            return;
        }
        try {
            String written = Files.readString(file, StandardCharsets.UTF_8).strip();
            boolean stillValid = accounts.findById(properties.adminUsername())
                    .filter(admin -> encoder.matches(written, admin.getPasswordHash())).isPresent();
            if (!stillValid) {
                Files.delete(file);
                log.info("{} removed: the admin's password has been changed", file);
            }
        } catch (IOException e) {
            log.warn("cannot check {}: {}", file, e.toString());
        }
    }
}
