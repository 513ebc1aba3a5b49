package io.slipway.buildpacks.bundle;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The result of {@link BundleArchive#extract}: where the bundle now is and how big it is.
 *
 * @param root the bundle's root folder (the {@code targetDir} given to {@link BundleArchive#extract})
 * @param files the number of regular files extracted, links materialised as copies included
 * @param bytes the total size of those files
 */
public record ExtractedBundle(Path root, int files, long bytes) {

    /** Checks the components. */
    public ExtractedBundle {
        Objects.requireNonNull(root, "root");
        if (files < 0) {
            throw new IllegalArgumentException("files must be >= 0, got " + files);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
    }

}
