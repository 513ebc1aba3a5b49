package io.slipway.platform.bundle;

import io.slipway.buildpacks.bundle.BundleArchive;
import io.slipway.buildpacks.bundle.BundleLimits;
import io.slipway.buildpacks.bundle.ExtractedBundle;
import io.slipway.buildpacks.bundle.TreeDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Bundles kept by content: an upload is extracted safely, digested over its files, and kept
 * once under its digest, so the same bundle uploaded twice is stored (and built) once.
 */
public final class BundleStore {

    private final Path root;
    private final BundleLimits limits;

    public BundleStore(Path root, BundleLimits limits) {
        this.root = root;
        this.limits = limits;
        try {
            Files.createDirectories(root.resolve("incoming"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bundle store at " + root, e);
        }
    }

    /** A bundle in the store: its digest and its read-only folder. */
    public record StoredBundle(String digest, Path directory) {
    }

    /**
     * Extracts an uploaded archive and keeps it under its digest.
     *
     * @throws io.slipway.buildpacks.bundle.BundleException naming the entry that was refused
     */
    public StoredBundle store(InputStream archive) {
        return store(archive, limits.maxArchiveBytes());
    }

    /**
     * Like {@link #store(InputStream)}, with the archive held to {@code maxArchiveBytes} when that
     * is below the store's own limit (an owner's quota, say).
     */
    public StoredBundle store(InputStream archive, long maxArchiveBytes) {
        return store(archive, maxArchiveBytes, root -> { });
    }

    /**
     * Like {@link #store(InputStream, long)}, with {@code prepare} run on the extracted folder
     * before it is digested and kept: it may rewrite files (take secrets out of the manifest, say)
     * or throw to refuse the bundle, which then is not kept at all.
     */
    public StoredBundle store(InputStream archive, long maxArchiveBytes, Preparation prepare) {
        BundleLimits limits = maxArchiveBytes < this.limits.maxArchiveBytes()
                ? this.limits.withMaxArchiveBytes(maxArchiveBytes) : this.limits;
        Path incoming = root.resolve("incoming").resolve(UUID.randomUUID().toString());
        try {
            ExtractedBundle extracted = BundleArchive.extract(archive, incoming, limits);
            prepare.accept(extracted.root());
            String digest = TreeDigest.of(extracted.root());
            Path target = directoryOf(digest);
            if (!Files.isDirectory(target)) {
                try {
                    Files.move(extracted.root(), target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    // Another upload of the same bundle won; its copy is identical.
                }
            }
            return new StoredBundle(digest, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the bundle", e);
        } finally {
            delete(incoming);
        }
    }

    /** What is done to an extracted bundle before it is kept. */
    @FunctionalInterface
    public interface Preparation {
        void accept(Path root) throws IOException;
    }

    /** The largest archive the store accepts. */
    public long maxArchiveBytes() {
        return limits.maxArchiveBytes();
    }

    /** The folder of a stored bundle. */
    public Path directoryOf(String digest) {
        return root.resolve(digest.replace("sha256:", ""));
    }

    /** Removes a stored bundle (when no release refers to it any more). */
    public void remove(String digest) {
        delete(directoryOf(digest));
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
