package io.slipway.platform.build.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Copies of jars without the native libraries of other platforms: ONNX Runtime's jar carries
 * Windows, macOS and ARM libraries and their debug symbols (137 MB, of which Linux x86-64 needs
 * about 9). Entries are copied raw, so a copy is quick and the same jar always gives the same
 * bytes; copies are kept in a cache folder and made once per jar.
 */
final class NativeJarSlimmer {

    /** Jars that would lose less than this are left as they are. */
    private static final long MIN_SAVING = 1_000_000;
    private static final String VERSION = "1";

    private final Path cacheDir;
    private final NativePlatform platform;

    NativeJarSlimmer(Path cacheDir, NativePlatform platform) {
        this.cacheDir = cacheDir;
        this.platform = platform;
    }

    /** The jar to put into the image: a slim copy of {@code jar}, or {@code jar} itself. */
    synchronized Path slim(Path jar) {
        try {
            Path target = cacheDir.resolve(key(jar)).resolve(jar.getFileName().toString());
            if (Files.exists(target)) {
                return target;
            }
            Path marker = cacheDir.resolve(key(jar) + ".unchanged");
            if (Files.exists(marker)) {
                return jar;
            }
            try (ZipFile zip = ZipFile.builder().setPath(jar).get()) {
                long saving = Collections.list(zip.getEntries()).stream()
                        .filter(entry -> platform.isForeign(entry.getName()))
                        .mapToLong(ZipArchiveEntry::getCompressedSize).sum();
                Files.createDirectories(cacheDir);
                if (saving < MIN_SAVING) {
                    Files.writeString(marker, jar.toString());
                    return jar;
                }
                Path tmp = Files.createTempFile(cacheDir, "slim", ".jar");
                try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(tmp)) {
                    zip.copyRawEntries(out, entry -> !platform.isForeign(entry.getName()));
                }
                Files.createDirectories(target.getParent());
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot slim " + jar + ": " + e.getMessage(), e);
        }
    }

    /** Name, size and time of the jar: jars of a Maven distribution never change in place. */
    private String key(Path jar) throws IOException {
        return JarCacheKey.of(VERSION, jar);
    }
}
