package io.slipway.platform.security;

import io.slipway.platform.audit.AuditLog;
import io.slipway.platform.web.BadRequestException;
import io.slipway.platform.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@code swt_} and 43 random characters, shown once when made; only a SHA-256
 * hash is stored, so a token can be checked but never shown again.
 */
public class ApiTokens {

    /** Every token starts with this, so a leaked one is easy to recognise (and to scan for). */
    public static final String PREFIX = "swt_";

    /** Tokens one user may have. */
    static final int MAX_PER_USER = 50;

    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final AccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;

    public ApiTokens(ApiTokenRepository tokens, AccountRepository accounts, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token and its secret value (the only time the value exists outside its holder). */
    public record Minted(ApiToken token, String value) {
    }

    @Transactional
    public Minted create(String username, String name) {
        String label = name == null || name.isBlank() ? "token" : name.strip();
        if (label.length() > 64 || !label.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new BadRequestException("token name must be at most 64 printable ASCII characters");
        }
        if (tokens.findByUsernameOrderByCreatedAt(username).size() >= MAX_PER_USER) {
            throw new BadRequestException("at most " + MAX_PER_USER + " tokens per user; revoke one first");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken token = tokens.save(new ApiToken(UUID.randomUUID().toString(), username, label, hash(value),
                value.substring(0, 10), clock.instant()));
        audit.record(AuditLog.Action.TOKEN, null, "API token " + token.getPrefix() + "... '" + label + "' of "
                + username + " created");
        return new Minted(token, value);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> of(String username) {
        return tokens.findByUsernameOrderByCreatedAt(username);
    }

    @Transactional
    public void revoke(String username, String id) {
        ApiToken token = tokens.findByIdAndUsername(id, username)
                .orElseThrow(() -> new NotFoundException("no token " + Accounts.printable(id)));
        tokens.delete(token);
        audit.record(AuditLog.Action.TOKEN, null, "API token " + token.getPrefix() + "... '" + token.getName() + "' of "
                + username + " revoked");
    }

    /** The account a token value belongs to; empty for an unknown or revoked token. */
    @Transactional
    public Optional<Account> authenticate(String value) {
        if (value == null || !value.startsWith(PREFIX) || value.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByHash(hash(value)).flatMap(token -> {
            Instant now = clock.instant();
            if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
                token.setLastUsedAt(now); // at most one write a minute per token, not one per request
            }
            return accounts.findById(token.getUsername());
        });
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
