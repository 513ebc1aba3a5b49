package io.slipway.platform.build.docker;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes reproducible tar streams: root-owned entries, one fixed time stamp, normalised modes,
 * parent folders added once. Same inputs give the same bytes, so Docker's cache recognises them.
 */
final class TarWriter implements Closeable {

    /** 1980-01-01, the time stamp of every entry (as in reproducible builds). */
    static final long EPOCH_MILLIS = 315_532_800_000L;

    private final TarArchiveOutputStream tar;
    private final Set<String> written = new HashSet<>();
    private long bytes;

    TarWriter(OutputStream out) {
        this.tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** A folder (and its missing parents); {@code name} is relative, without a leading slash. */
    void directory(String name, int mode) throws IOException {
        String path = strip(name);
        if (path.isEmpty() || written.contains(path + "/") || written.contains(path)) {
            return;
        }
        parents(path);
        TarArchiveEntry entry = new TarArchiveEntry(path + "/", TarConstants.LF_DIR);
        write(entry, mode, 0);
        tar.closeArchiveEntry();
    }

    /** A regular file with the contents of {@code source}: 0755 if the source is executable, else 0644. */
    void file(String name, Path source) throws IOException {
        boolean executable = Files.getPosixFilePermissions(source).contains(PosixFilePermission.OWNER_EXECUTE);
        String path = strip(name);
        parents(path);
        TarArchiveEntry entry = new TarArchiveEntry(path, TarConstants.LF_NORMAL);
        long size = Files.size(source);
        write(entry, executable ? 0755 : 0644, size);
        Files.copy(source, tar);
        tar.closeArchiveEntry();
        bytes += size;
    }

    /** A regular file with {@code content}. */
    void file(String name, byte[] content, int mode) throws IOException {
        String path = strip(name);
        parents(path);
        write(new TarArchiveEntry(path, TarConstants.LF_NORMAL), mode, content.length);
        tar.write(content);
        tar.closeArchiveEntry();
        bytes += content.length;
    }

    /** A symbolic link to {@code target}, kept as the link it is. */
    void symlink(String name, String target) throws IOException {
        String path = strip(name);
        if (written.contains(path)) {
            return;
        }
        parents(path);
        TarArchiveEntry entry = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
        entry.setLinkName(target);
        write(entry, 0777, 0);
        tar.closeArchiveEntry();
    }

    boolean contains(String name) {
        String path = strip(name);
        return written.contains(path) || written.contains(path + "/");
    }

    /** Bytes of file content written so far. */
    long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        tar.finish();
        tar.close();
    }

    private void write(TarArchiveEntry entry, int mode, long size) throws IOException {
        entry.setMode((entry.isDirectory() ? 040000 : entry.isSymbolicLink() ? 0120000 : 0100000) | mode);
        entry.setIds(0, 0);
        entry.setModTime(EPOCH_MILLIS);
        entry.setSize(size);
        tar.putArchiveEntry(entry);
        written.add(entry.getName());
    }

    private void parents(String path) throws IOException {
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            directory(path.substring(0, slash), 0755);
        }
    }

    private static String strip(String name) {
        String path = name;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }
}
