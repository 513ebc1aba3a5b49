package io.slipway.platform.build.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The root file system of a bootstrapped base image, as a tar stream for {@code docker import}:
 * the JRE, the host libraries it and the engines need at their real paths (symbolic links kept,
 * so {@code /lib64/ld-linux-x86-64.so.2} resolves as on the host), the users, and {@code /tmp}.
 */
final class RootFsArchive {

    static final String JRE_PATH = "opt/slipway/jre";

    private static final String PASSWD = """
            root:x:0:0:root:/root:/sbin/nologin
            slipway:x:10001:10001:slipway:/tmp:/sbin/nologin
            """;
    private static final String GROUP = """
            root:x:0:
            slipway:x:10001:
            """;
    private static final String NSSWITCH = """
            passwd: files
            group: files
            hosts: files dns
            """;

    private RootFsArchive() {
    }

    /** Writes the root file system to {@code out}; returns the bytes of file content written. */
    static long write(OutputStream out, Path jre, Collection<Path> hostLibraries) throws IOException {
        try (TarWriter tar = new TarWriter(out)) {
            tar.directory("etc", 0755);
            tar.file("etc/passwd", PASSWD.getBytes(StandardCharsets.UTF_8), 0644);
            tar.file("etc/group", GROUP.getBytes(StandardCharsets.UTF_8), 0644);
            tar.file("etc/nsswitch.conf", NSSWITCH.getBytes(StandardCharsets.UTF_8), 0644);
            tar.directory("tmp", 01777);
            tar.directory("root", 0700);
            tar.directory("opt/slipway", 0755);
            tree(tar, jre, JRE_PATH);
            for (Path library : hostLibraries) {
                hostPath(tar, library.toAbsolutePath().normalize(), 0);
            }
            return tar.bytes();
        }
    }

    /** A folder tree under {@code target}, links inside it kept as links. */
    private static void tree(TarWriter tar, Path root, String target) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted().toList();
        }
        for (Path path : paths) {
            String name = target + (path.equals(root) ? "" : "/" + root.relativize(path).toString());
            if (Files.isSymbolicLink(path)) {
                tar.symlink(name, Files.readSymbolicLink(path).toString());
            } else if (Files.isDirectory(path)) {
                tar.directory(name, 0755);
            } else {
                tar.file(name, path);
            }
        }
    }

    /**
     * A host file at the same path, every symbolic link on the way (a folder like {@code /lib}
     * or the file itself) added as a link and followed, so each name the loader uses resolves.
     */
    private static void hostPath(TarWriter tar, Path path, int depth) throws IOException {
        if (depth > 40) {
            throw new IOException("too many symbolic links resolving " + path);
        }
        Path current = path.getRoot();
        for (int i = 0; i < path.getNameCount(); i++) {
            current = current.resolve(path.getName(i));
            if (Files.isSymbolicLink(current)) {
                Path link = Files.readSymbolicLink(current);
                tar.symlink(current.toString(), link.toString());
                Path resolved = current.getParent().resolve(link).normalize();
                Path rest = i + 1 < path.getNameCount() ? path.subpath(i + 1, path.getNameCount()) : null;
                hostPath(tar, rest == null ? resolved : resolved.resolve(rest), depth + 1);
                return;
            }
        }
        if (!tar.contains(path.toString()) && Files.isRegularFile(path)) {
            tar.file(path.toString(), path);
        }
    }
}
