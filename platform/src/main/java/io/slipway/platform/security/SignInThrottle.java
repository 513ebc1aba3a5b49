package io.slipway.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Slows password guessing: after {@value #FREE_FAILURES} wrong passwords in a row for one user
 * name, that name's sign-ins are refused for 30 s, doubling with each further failure up to
 * 15 minutes; a right password clears the count. (Tokens are 256 random bits: not guessable.)
 */
class SignInThrottle implements AuthenticationProvider {

    static final int FREE_FAILURES = 5;

    private static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private final AuthenticationProvider passwords;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** Failures in a row and until when the next attempt is refused. */
    private record Failures(int count, Instant pausedUntil) {
    }

    /** Refused for now: too many wrong passwords in a row. */
    static final class TooManyFailures extends LockedException {

        private static final long serialVersionUID = 1L;

        final transient Duration retryAfter;

        TooManyFailures(Duration retryAfter) {
            super("too many wrong passwords for this user; try again in " + retryAfter.toSeconds() + " s");
            this.retryAfter = retryAfter;
        }
    }

    SignInThrottle(AuthenticationProvider passwords, Clock clock) {
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String name = String.valueOf(attempt.getName());
        Failures before = failures.get(name);
        Instant now = clock.instant();
        if (before != null && before.pausedUntil() != null && now.isBefore(before.pausedUntil())) {
            throw new TooManyFailures(Duration.between(now, before.pausedUntil()).plusSeconds(1));
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            failures.remove(name);
            return signedIn;
        } catch (BadCredentialsException wrong) {
            if (failures.size() < MAX_TRACKED || failures.containsKey(name)) {
                failures.merge(name, new Failures(1, null), (old, one) -> next(old.count() + 1, now));
            }
            throw wrong;
        }
    }

    private static Failures next(int count, Instant now) {
        if (count < FREE_FAILURES) {
            return new Failures(count, null);
        }
        long factor = 1L << Math.min(count - FREE_FAILURES, 10);
        Duration pause = FIRST_PAUSE.multipliedBy(factor);
        return new Failures(count, now.plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
