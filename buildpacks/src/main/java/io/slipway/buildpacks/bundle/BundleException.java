package io.slipway.buildpacks.bundle;

/**
 * A bundle archive was rejected: it is not an archive, it is broken, or one of its entries is
 * unsafe or over a {@link BundleLimits limit}. Nothing was extracted.
 *
 * <p>The message names the entry and the reason, e.g. {@code bundle entry "../evil": path leaves
 * the bundle}; control characters in the entry name are shown escaped ({@code \u0000}).
 * {@link #kind()} tells a bad archive (HTTP 400) from one that is too large (HTTP 413).
 */
public class BundleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final int MAX_SHOWN_NAME = 1024;

    /** What kind of rejection this is. */
    public enum Kind {

        /** The archive is broken, not an archive, or holds an unsafe entry. */
        INVALID,

        /** The archive, its entry count or its expanded size is over a limit (including zip bombs). */
        TOO_LARGE
    }

    private final String entry;

    private final String reason;

    private final Kind kind;

    /**
     * Creates an {@link Kind#INVALID} rejection.
     * @param entry the offending entry name as written in the archive, or null when it concerns the whole archive
     * @param reason why, e.g. {@code path leaves the bundle}
     */
    public BundleException(String entry, String reason) {
        this(entry, reason, Kind.INVALID, null);
    }

    /**
     * Creates a rejection.
     * @param entry the offending entry name as written in the archive, or null when it concerns the whole archive
     * @param reason why
     * @param kind what kind of rejection
     * @param cause the underlying failure, or null
     */
    public BundleException(String entry, String reason, Kind kind, Throwable cause) {
        super(render(entry, reason), cause);
        this.entry = entry;
        this.reason = reason;
        this.kind = kind;
    }

    static BundleException tooLarge(String entry, String reason) {
        return new BundleException(entry, reason, Kind.TOO_LARGE, null);
    }

    /**
     * Returns the offending entry.
     * @return the entry name exactly as written in the archive, or null when the whole archive is at fault
     */
    public String entry() {
        return entry;
    }

    /**
     * Returns why the archive was rejected, without the entry name.
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * Returns what kind of rejection this is.
     * @return {@link Kind#TOO_LARGE} for limits, {@link Kind#INVALID} otherwise
     */
    public Kind kind() {
        return kind;
    }

    private static String render(String entry, String reason) {
        return entry == null ? reason : "bundle entry \"" + printable(entry) + "\": " + reason;
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < MAX_SHOWN_NAME; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return text.length() > MAX_SHOWN_NAME ? out.append("...").toString() : out.toString();
    }

}
