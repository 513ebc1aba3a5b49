package io.slipway.platform.git;

/**
 * A git request refused by {@link GitAccess}: without credentials (git asks its credential helper
 * and tries again) or with credentials that may not do this.
 */
public class GitAccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean credentialsMissing;

    public GitAccessDeniedException(String message, boolean credentialsMissing) {
        super(message);
        this.credentialsMissing = credentialsMissing;
    }

    /** True when the client should retry with credentials (HTTP 401), false when it may not (403). */
    public boolean credentialsMissing() {
        return credentialsMissing;
    }
}
