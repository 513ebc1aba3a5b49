package io.slipway.buildpacks.bundle;

/**
 * How much a bundle archive may hold; {@link BundleArchive#extract} rejects an archive over any of
 * them with a {@link BundleException}. Sizes are counted while streaming, never taken from headers.
 *
 * @param maxArchiveBytes the largest archive, as uploaded (compressed)
 * @param maxExpandedBytes the largest total size of the extracted files
 * @param maxEntries the most entries (files, folders and links)
 * @param maxRatio the most one entry may expand relative to its compressed size; checked once the
 * entry has expanded beyond {@value #RATIO_GRACE_BYTES} bytes, so small, very compressible files
 * (a label list, a padded config) pass; catches zip bombs long before {@code maxExpandedBytes}
 * @param maxPathLength the longest entry path, in characters, after normalization
 * @param maxDepth the most path segments in an entry path ({@code a/b/c} has 3)
 */
public record BundleLimits(long maxArchiveBytes, long maxExpandedBytes, int maxEntries, int maxRatio,
        int maxPathLength, int maxDepth) {

    /** An entry may expand this far before its expansion ratio is checked. */
    public static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private static final long GIB = 1024L * 1024 * 1024;

    /** Checks that every limit is positive. */
    public BundleLimits {
        positive("maxArchiveBytes", maxArchiveBytes);
        positive("maxExpandedBytes", maxExpandedBytes);
        positive("maxEntries", maxEntries);
        positive("maxRatio", maxRatio);
        positive("maxPathLength", maxPathLength);
        positive("maxDepth", maxDepth);
    }

    /**
     * The defaults: a 1 GiB archive expanding to at most 2 GiB, 10000 entries, an expansion ratio of
     * 100, paths of at most 255 characters and 32 levels.
     * @return the default limits
     */
    public static BundleLimits defaults() {
        return new BundleLimits(GIB, 2 * GIB, 10_000, 100, 255, 32);
    }

    /**
     * Returns these limits with another archive size limit, the one users are most likely to configure.
     * @param bytes the largest archive
     * @return the new limits
     */
    public BundleLimits withMaxArchiveBytes(long bytes) {
        return new BundleLimits(bytes, maxExpandedBytes, maxEntries, maxRatio, maxPathLength, maxDepth);
    }

    /**
     * Returns these limits with another expanded size limit.
     * @param bytes the largest total size of the extracted files
     * @return the new limits
     */
    public BundleLimits withMaxExpandedBytes(long bytes) {
        return new BundleLimits(maxArchiveBytes, bytes, maxEntries, maxRatio, maxPathLength, maxDepth);
    }

    private static void positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
    }

}
