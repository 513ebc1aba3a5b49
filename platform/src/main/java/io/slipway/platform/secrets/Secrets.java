package io.slipway.platform.secrets;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.platform.app.App;
import io.slipway.platform.app.AppRepository;
import io.slipway.platform.audit.AuditLog;
import io.slipway.platform.release.Release;
import io.slipway.platform.release.ReleaseRepository;
import io.slipway.platform.web.BadRequestException;
import io.slipway.platform.web.ConflictException;
import io.slipway.platform.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The apps' secrets: set, listed by name, deleted, and decrypted only for an instance that starts.
 * Every change is audited by name, never with its value.
 */
public final class Secrets {

    /** Names are environment variable names, as in a manifest's {@code env}. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    public static final int MAX_NAME_LENGTH = 128;
    /** The largest value, as a manifest's env value. */
    public static final int MAX_VALUE_BYTES = 32 * 1024;
    /** The most secrets one app keeps, as a manifest's env entries. */
    public static final int MAX_PER_APP = 200;

    private final AppSecretRepository secrets;
    private final SecretCipher cipher;
    private final AppRepository apps;
    private final ReleaseRepository releases;
    private final AuditLog audit;
    private final Clock clock;

    Secrets(AppSecretRepository secrets, SecretCipher cipher, AppRepository apps, ReleaseRepository releases,
            AuditLog audit, Clock clock) {
        this.secrets = secrets;
        this.cipher = cipher;
        this.apps = apps;
        this.releases = releases;
        this.audit = audit;
        this.clock = clock;
    }

    /** An app's secrets by name; their values stay encrypted. */
    public List<AppSecret> list(String app) {
        return secrets.findByAppOrderByName(app);
    }

    public Set<String> names(String app) {
        return list(app).stream().map(AppSecret::getName).collect(Collectors.toSet());
    }

    /**
     * Sets or replaces a secret; running instances keep the value they started with.
     * @param how where the value came from, for the audit log (never the value)
     * @throws BadRequestException when the name or the value is not acceptable
     */
    public AppSecret put(String app, String name, String value, String how) {
        checkName(name);
        if (value == null || value.isEmpty()) {
            throw new BadRequestException("the value of secret " + name + " must be a non-empty string");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            throw new BadRequestException("the value of secret " + name + " must be at most 32 KiB");
        }
        byte[] sealed = cipher.encrypt(app, name, value);
        AppSecret secret = secrets.findByAppAndName(app, name).orElse(null);
        if (secret == null) {
            if (secrets.findByAppOrderByName(app).size() >= MAX_PER_APP) {
                throw new ConflictException("app '" + app + "' has " + MAX_PER_APP + " secrets already, the most it may keep");
            }
            secret = new AppSecret(app, name, sealed, clock.instant());
        }
        else {
            secret.replace(sealed, clock.instant());
        }
        AppSecret saved = secrets.save(secret);
        audit.record(AuditLog.Action.SECRET_SET, app, "secret " + name + " set" + (how == null ? "" : " " + how));
        return saved;
    }

    /**
     * Deletes a secret.
     * @throws NotFoundException when the app has no such secret
     * @throws ConflictException when the app's current release needs it ({@code { secret: true }})
     */
    public void delete(String app, String name) {
        AppSecret secret = secrets.findByAppAndName(app, name).orElseThrow(() ->
                new NotFoundException("app '" + app + "' has no secret " + name));
        Release current = apps.findById(app).map(App::getCurrentRelease)
                .flatMap(number -> releases.findByAppAndNumber(app, number)).orElse(null);
        if (current != null && requiredBy(current).contains(name)) {
            throw new ConflictException("release v" + current.getNumber() + " of app '" + app + "' needs secret " + name
                    + " (env." + name + ": { secret: true } in its slipway.yaml); deploy a manifest without it first");
        }
        secrets.delete(secret);
        audit.record(AuditLog.Action.SECRET_DELETE, app, "secret " + name + " deleted");
    }

    /** Removes every secret of a deleted app. */
    public void deleteApp(String app) {
        secrets.deleteByApp(app);
    }

    /**
     * The plaintext of the named secrets that the app has; a name it lacks is left out.
     * @throws SecretKeyMismatchException when a value does not decrypt with this platform's key
     */
    public Map<String, String> values(String app, Collection<String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            secrets.findByAppAndName(app, name).ifPresent(secret ->
                    values.put(name, cipher.decrypt(app, name, secret.getCiphertext())));
        }
        return values;
    }

    /** The secrets a release's manifest names, which an instance of it needs. */
    public static Set<String> requiredBy(Release release) {
        return Manifest.parse(release.getManifest(), Manifest.FILE_NAME).secrets().keySet();
    }

    /**
     * Decrypts one stored secret, so a platform started with another key fails at once rather than
     * at its next instance start.
     * @throws SecretKeyMismatchException when the key is not the one the secrets were stored with
     */
    void checkKey() {
        secrets.findFirstByOrderById().ifPresent(secret ->
                cipher.decrypt(secret.getApp(), secret.getName(), secret.getCiphertext()));
    }

    public static void checkName(String name) {
        if (name == null || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            throw new BadRequestException("a secret's name is an environment variable name: " + NAME.pattern()
                    + ", at most " + MAX_NAME_LENGTH + " characters, got '" + name + "'");
        }
    }
}
