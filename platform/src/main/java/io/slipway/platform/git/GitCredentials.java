package io.slipway.platform.git;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * What a git client sent to prove who it is: HTTP basic auth, where git puts the user name and
 * the password (an API token, once tokens exist) it got from its credential helper.
 *
 * @param username the user name, empty when the client sent none
 * @param password the password or token, empty when the client sent none
 */
public record GitCredentials(Optional<String> username, Optional<String> password) {

    /** No credentials: an anonymous request. */
    public static final GitCredentials NONE = new GitCredentials(Optional.empty(), Optional.empty());

    public GitCredentials {
        java.util.Objects.requireNonNull(username, "username");
        java.util.Objects.requireNonNull(password, "password");
    }

    /** The credentials of an {@code Authorization} header; {@link #NONE} when absent or not basic auth. */
    public static GitCredentials of(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return NONE;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return NONE;
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        return new GitCredentials(Optional.of(user).filter(u -> !u.isEmpty()),
                Optional.of(password).filter(p -> !p.isEmpty()));
    }

    @Override
    public String toString() {
        return "GitCredentials[username=" + username.orElse("") + ", password=" + (password.isPresent() ? "***" : "") + "]";
    }
}
