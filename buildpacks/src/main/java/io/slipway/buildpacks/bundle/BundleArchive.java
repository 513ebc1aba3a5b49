package io.slipway.buildpacks.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Extracts an uploaded bundle archive (tar.gz, tar or zip, told apart by its first bytes) into a
 * folder, safely and within {@link BundleLimits}.
 *
 * <p>An archive is rejected with a {@link BundleException} naming the entry and the reason when it
 * holds an absolute path, a {@code ..} segment, a backslash or Windows drive path, a NUL or control
 * character in a name, a link whose target leaves the bundle or does not exist, a device file, FIFO
 * or socket, a duplicate entry, a path that is too long or too deep, too many entries, more expanded
 * bytes than allowed (counted while writing, never taken from headers), an entry expanding more than
 * the allowed ratio (zip bomb), or zip entries that overlap or whose local header disagrees with the
 * central directory; also when it is larger than allowed, empty, truncated or corrupt.
 *
 * <p>Links to files inside the bundle are materialised as copies of their targets (links to folders
 * are rejected), so the extracted tree holds only folders and regular files. Modes are not kept
 * beyond the owner's executable bit: files become {@code rw-r--r--} or {@code rwxr-xr-x}.
 *
 * <p>When the archive's only top-level entry is a folder holding {@code slipway.yaml} (as made by
 * {@code tar czf app.tgz myapp/}), that folder becomes the bundle root.
 *
 * <p>Extraction happens in a hidden staging folder next to {@code targetDir}, moved into place only
 * when the whole archive passed; after a rejection neither is left behind.
 */
public final class BundleArchive {

    private static final String MANIFEST = "slipway.yaml";

    private BundleArchive() {
    }

    /**
     * Extracts an archive with the {@link BundleLimits#defaults() default limits}.
     * @param archive the archive's bytes; read to the end of the archive, not closed
     * @param targetDir the bundle root to create: must not exist or be an empty folder
     * @return the extracted bundle
     * @throws BundleException when the archive is rejected
     */
    public static ExtractedBundle extract(InputStream archive, Path targetDir) {
        return extract(archive, targetDir, BundleLimits.defaults());
    }

    /**
     * Extracts an archive.
     * @param archive the archive's bytes; read to the end of the archive, not closed
     * @param targetDir the bundle root to create: must not exist or be an empty folder
     * @param limits what the archive may hold
     * @return the extracted bundle
     * @throws BundleException when the archive is rejected; nothing is then left in or next to {@code targetDir}
     * @throws UncheckedIOException when the host's file system fails
     */
    public static ExtractedBundle extract(InputStream archive, Path targetDir, BundleLimits limits) {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(limits, "limits");
        Path target = targetDir.toAbsolutePath().normalize();
        requireEmpty(target);
        Path staging = null;
        Path spool = null;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), ".bundle-");
            Extraction.permissions(staging, true); // temporary folders are private; the bundle root is not
            spool = staging.resolveSibling(staging.getFileName() + ".zip");
            Extraction extraction = new Extraction(staging, limits);
            read(archive, limits, extraction, spool);
            extraction.finishLinks();
            if (extraction.files() == 0) {
                throw new BundleException(null, "the archive is empty");
            }
            Files.deleteIfExists(target);
            Files.move(root(staging), target);
            return new ExtractedBundle(target, extraction.files(), extraction.bytes());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            FileTrees.deleteQuietly(spool);
            FileTrees.deleteQuietly(staging);
        }
    }

    private static void read(InputStream archive, BundleLimits limits, Extraction extraction, Path spool) {
        CountingInput upload = new CountingInput(archive, limits.maxArchiveBytes());
        try {
            BufferedInputStream in = new BufferedInputStream(upload);
            switch (ArchiveFormat.detect(in)) {
                case TAR -> TarReader.read(in, upload, extraction);
                case GZIP -> {
                    // a small buffer, so that peeking at the tar header inflates no further than it
                    InputStream gzip = new BufferedInputStream(GzipCompressorInputStream.builder()
                            .setInputStream(in).setDecompressConcatenated(true).get(), ArchiveFormat.PEEK);
                    ArchiveFormat.requireTar(gzip);
                    TarReader.read(gzip, upload, extraction);
                }
                case ZIP -> {
                    spool(in, spool);
                    ZipReader.read(spool, limits, extraction);
                }
            }
        }
        catch (IOException | IllegalArgumentException | IllegalStateException | ArithmeticException
                | IndexOutOfBoundsException ex) {
            // the archive library reports malformed input through these too
            throw new BundleException(extraction.current(), "the archive is truncated or corrupt",
                    BundleException.Kind.INVALID, ex);
        }
    }

    /** Copies the upload to a file, since a zip's central directory is at its end. */
    private static void spool(InputStream in, Path spool) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (HostOutput out = HostOutput.create(spool)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        }
    }

    /** The staging folder, or the single wrapping folder in it that holds the manifest. */
    private static Path root(Path staging) throws IOException {
        List<Path> top;
        try (Stream<Path> children = Files.list(staging)) {
            top = children.toList();
        }
        if (top.size() == 1 && Files.isDirectory(top.get(0), LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(top.get(0).resolve(MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
            return top.get(0);
        }
        return staging;
    }

    private static void requireEmpty(Path target) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            boolean empty;
            try (Stream<Path> children = Files.list(target)) {
                empty = children.findAny().isEmpty();
            }
            catch (IOException ex) {
                empty = false;
            }
            if (!empty || !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("targetDir must not exist or be an empty folder: " + target);
            }
        }
    }

}
