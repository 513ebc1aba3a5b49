package io.slipway.buildpacks.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The content digest of a bundle folder, {@code sha256:<hex>}: equal for equal trees, however they
 * were archived (entry order, timestamps, owners and most mode bits do not count).
 *
 * <p>It covers every regular file and symbolic link under the root, in the order of their relative
 * paths ({@code /}-separated, compared as strings): the path, whether the owner may execute it, and
 * the content (a link's target text). Folders count only through what they hold, so an empty folder
 * changes nothing. Every field is length-prefixed, so no two trees share an encoding.
 */
public final class TreeDigest {

    private static final byte[] VERSION = "slipway-tree-v1".getBytes(StandardCharsets.UTF_8);

    private static final byte FILE = 'f';

    private static final byte EXECUTABLE = 'x';

    private static final byte LINK = 'l';

    private TreeDigest() {
    }

    /**
     * Computes the digest of a folder.
     * @param root the folder, e.g. the root of an {@link ExtractedBundle}
     * @return {@code sha256:} and 64 lowercase hex digits
     * @throws UncheckedIOException when the folder cannot be read
     * @throws IllegalArgumentException when the root is not a folder, or the tree holds something other
     * than folders, files and links
     */
    public static String of(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a folder: " + root);
        }
        MessageDigest sha256 = sha256();
        sha256.update(VERSION);
        try {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(root)) {
                paths = walk.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                        .sorted((a, b) -> relative(root, a).compareTo(relative(root, b)))
                        .toList();
            }
            for (Path path : paths) {
                add(sha256, root, path);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    private static void add(MessageDigest sha256, Path root, Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            field(sha256, LINK, relative(root, path));
            bytes(sha256, Files.readSymbolicLink(path).toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("not a regular file, folder or link: " + path);
        }
        field(sha256, executable(path) ? EXECUTABLE : FILE, relative(root, path));
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(Files.size(path)).array());
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha256.update(buffer, 0, n);
            }
        }
    }

    private static void field(MessageDigest sha256, byte type, String relativePath) {
        sha256.update(type);
        bytes(sha256, relativePath.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest sha256, byte[] bytes) {
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        sha256.update(bytes);
    }

    private static boolean executable(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        return view != null ? view.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE)
                : Files.isExecutable(file);
    }

    private static String relative(Path root, Path path) {
        StringBuilder text = new StringBuilder();
        for (Path segment : root.relativize(path)) {
            if (text.length() > 0) {
                text.append('/');
            }
            text.append(segment);
        }
        return text.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
        }
    }

}
