package io.slipway.buildpacks.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One extraction into a staging folder: every entry goes through here, whatever the archive format,
 * so the path rules, the duplicate check and the limits are applied the same way. Links are only
 * recorded; {@link Links} materialises them once every entry is in.
 *
 * <p>Reading the archive may throw {@link IOException} (the archive is broken); writing the staging
 * folder throws {@link UncheckedIOException} (the host's problem, not the user's).
 */
final class Extraction {

    enum Kind { DIRECTORY, FILE, LINK }

    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private static final Set<PosixFilePermission> REGULAR = PosixFilePermissions.fromString("rw-r--r--");

    private final Path staging;

    private final BundleLimits limits;

    private final Map<String, Kind> paths = new HashMap<>();

    private final Set<String> declared = new HashSet<>();

    private final Links links = new Links(this);

    private final byte[] buffer = new byte[64 * 1024];

    private String current;

    private int entries;

    private int files;

    private long bytes;

    Extraction(Path staging, BundleLimits limits) {
        this.staging = staging;
        this.limits = limits;
    }

    /** Counts one entry of the archive; call it first for every entry. */
    void entry(String name) {
        current = name;
        if (++entries > limits.maxEntries()) {
            throw BundleException.tooLarge(name, "more than " + limits.maxEntries() + " entries");
        }
    }

    void directory(String name) {
        String path = EntryPaths.check(name, limits);
        if (!path.isEmpty()) {
            declare(name, path, Kind.DIRECTORY);
        }
        current = null;
    }

    /**
     * Writes a regular file, counting its bytes against the expanded size and its expansion ratio.
     * @param declaredSize the size the archive declares for the entry, or -1; more is rejected
     * @param compressed how many compressed bytes this entry has used so far
     */
    void file(String name, InputStream content, boolean executable, long declaredSize, LongSupplier compressed)
            throws IOException {
        String path = filePath(name);
        declare(name, path, Kind.FILE);
        Path file = staging.resolve(path);
        try (HostOutput out = HostOutput.create(file)) {
            long written = 0;
            int n;
            while ((n = content.read(buffer)) > 0) {
                written += n;
                count(name, n);
                if (declaredSize >= 0 && written > declaredSize) {
                    throw new BundleException(name, "holds more data than its header declares");
                }
                checkRatio(name, written, compressed.getAsLong());
                out.write(buffer, 0, n);
            }
        }
        permissions(file, executable);
        files++;
        current = null;
    }

    /** Rejects an entry that expanded more than the allowed ratio, once past the grace size. */
    void checkRatio(String name, long expanded, long compressed) {
        if (expanded > BundleLimits.RATIO_GRACE_BYTES && expanded > (long) limits.maxRatio() * Math.max(1, compressed)) {
            throw BundleException.tooLarge(name, "expands more than " + limits.maxRatio()
                    + " times its compressed size (a zip bomb?)");
        }
    }

    void link(String name, String target, boolean hard) {
        String path = filePath(name);
        String resolved = EntryPaths.linkTarget(name, path, target, hard);
        declare(name, path, Kind.LINK);
        links.add(name, path, target, resolved);
        current = null;
    }

    /** The entry being read, or null between entries: the one to blame when the archive breaks off. */
    String current() {
        return current;
    }

    /** Resolves the recorded links into copies; call once after the last entry. */
    void finishLinks() {
        links.materialise();
    }

    /** Copies one file of the staging folder for a link, counting it like an extracted file. */
    void copy(String name, String source, String path) {
        Path from = staging.resolve(source);
        Path to = staging.resolve(path);
        try {
            count(name, Files.size(from));
            Files.copy(from, to, LinkOption.NOFOLLOW_LINKS);
            permissions(to, Files.isExecutable(from));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        files++;
    }

    Kind kind(String path) {
        return path.isEmpty() ? Kind.DIRECTORY : paths.get(path);
    }

    int files() {
        return files;
    }

    long bytes() {
        return bytes;
    }

    private String filePath(String name) {
        String path = EntryPaths.check(name, limits);
        if (path.isEmpty()) {
            throw new BundleException(name, "not a file name");
        }
        return path;
    }

    private void count(String name, long n) {
        bytes += n;
        if (bytes > limits.maxExpandedBytes()) {
            throw BundleException.tooLarge(name, "the bundle expands to more than "
                    + ByteSizes.format(limits.maxExpandedBytes()));
        }
    }

    /** Records a path, creating its parent folders; rejects duplicates and paths through files or links. */
    private void declare(String name, String path, Kind kind) {
        Kind existing = paths.get(path);
        if (!declared.add(path) || (existing != null && !(existing == Kind.DIRECTORY && kind == Kind.DIRECTORY))) {
            throw new BundleException(name, "duplicate entry");
        }
        int slash = -1;
        while ((slash = path.indexOf('/', slash + 1)) > 0) {
            mkdir(name, path.substring(0, slash));
        }
        if (kind == Kind.DIRECTORY) {
            mkdir(name, path);
        }
        else {
            paths.put(path, kind);
        }
    }

    private void mkdir(String name, String path) {
        Kind existing = paths.putIfAbsent(path, Kind.DIRECTORY);
        if (existing == null) {
            try {
                Path dir = Files.createDirectory(staging.resolve(path));
                permissions(dir, true);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        else if (existing != Kind.DIRECTORY) {
            throw new BundleException(name, "path goes through a " + (existing == Kind.LINK ? "link" : "file")
                    + " (\"" + path + "\")");
        }
    }

    /** Sets {@code rwxr-xr-x} or {@code rw-r--r--}, whatever the umask and the archive said. */
    static void permissions(Path path, boolean executable) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view != null) {
            try {
                view.setPermissions(executable ? EXECUTABLE : REGULAR);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

}
