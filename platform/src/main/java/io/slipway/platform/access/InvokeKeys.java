package io.slipway.platform.access;

import io.slipway.platform.audit.AuditLog;
import io.slipway.platform.web.BadRequestException;
import io.slipway.platform.web.ConflictException;
import io.slipway.platform.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes, lists, revokes and checks invoke keys. A key is {@code swk_} and 43 random URL-safe
 * characters (256 bits); it is shown once, at creation, and only its SHA-256 is stored. The hashes
 * of each app's keys are cached for the router and dropped at every change.
 */
public class InvokeKeys {

    /** A new key, the only time its secret is seen. */
    public record Created(InvokeKey key, String secret) {
    }

    static final int MAX_KEYS_PER_APP = 100;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvokeKeyRepository keys;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    /** An app's key hashes as loaded at a generation; a change (after its commit) moves the generation on. */
    private record Cached(long generation, Set<String> hashes) {
    }

    public InvokeKeys(InvokeKeyRepository keys, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes a key (committed on return). */
    public Created create(String app, String name, String user) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadRequestException("name must be 1 to 64 letters, digits, spaces, '.', '_' or '-'");
        }
        if (keys.countByApp(app) >= MAX_KEYS_PER_APP) {
            throw new ConflictException("app '" + app + "' has " + MAX_KEYS_PER_APP + " invoke keys already; revoke one");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "swk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        InvokeKey key = keys.save(new InvokeKey(UUID.randomUUID().toString(), app, name, hash(secret),
                secret.substring(0, 10), user, clock.instant()));
        changed(app);
        audit.record(AuditLog.Action.ACCESS, app, "invoke key '" + name + "' (" + key.getPrefix() + "...) created");
        return new Created(key, secret);
    }

    @Transactional(readOnly = true)
    public List<InvokeKey> list(String app) {
        return keys.findByAppOrderByCreatedAt(app);
    }

    /** Revokes a key: refused by the router from the moment this returns. */
    public void revoke(String app, String id) {
        InvokeKey key = keys.findByAppAndId(app, id)
                .orElseThrow(() -> new NotFoundException("app '" + app + "' has no invoke key " + id));
        keys.delete(key);
        changed(app);
        audit.record(AuditLog.Action.ACCESS, app, "invoke key '" + key.getName() + "' (" + key.getPrefix()
                + "...) revoked");
    }

    /** Forgets the keys of a deleted app. */
    public void deleteApp(String app) {
        keys.deleteByApp(app);
        changed(app);
    }

    /** Whether {@code secret} is one of the app's keys. */
    public boolean valid(String app, String secret) {
        if (secret == null || secret.length() != 47 || !secret.startsWith("swk_")) {
            return false;
        }
        long generation = generation(app).get();
        Cached cached = cache.get(app);
        if (cached == null || cached.generation() != generation) {
            cached = new Cached(generation, keys.findByAppOrderByCreatedAt(app).stream().map(InvokeKey::getHash)
                    .collect(Collectors.toUnmodifiableSet()));
            cache.put(app, cached);
        }
        return cached.hashes().contains(hash(secret));
    }

    private void changed(String app) {
        generation(app).incrementAndGet();
    }

    private AtomicLong generation(String app) {
        return generations.computeIfAbsent(app, a -> new AtomicLong());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
