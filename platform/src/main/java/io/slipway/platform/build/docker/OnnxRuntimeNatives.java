package io.slipway.platform.build.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * ONNX Runtime's native libraries for this host, unpacked from its jar once at build time and put
 * into the image beside it. The runtime loads them from there ({@link #OPTION}); otherwise ONNX
 * Runtime unpacks 20 MB from its jar into {@code /tmp} at every container start.
 */
final class OnnxRuntimeNatives {

    /** Where the libraries go in the image. */
    static final String DIR = "/opt/slipway/onnxruntime";

    /** The JVM option that points ONNX Runtime at {@link #DIR}. */
    static final String OPTION = "-Donnxruntime.native.path=" + DIR;

    private static final Pattern NATIVE_JAR = Pattern.compile("onnxruntime-[0-9][^/]*\\.jar");
    private static final String VERSION = "1";

    private final Path cacheDir;
    private final NativePlatform platform;

    OnnxRuntimeNatives(Path cacheDir, NativePlatform platform) {
        this.cacheDir = cacheDir;
        this.platform = platform;
    }

    /** Whether {@code fileName} is the jar that carries ONNX Runtime's native libraries. */
    static boolean isNativeJar(String fileName) {
        return NATIVE_JAR.matcher(fileName).matches();
    }

    /** A folder with the host's libraries of {@code jar}, made once per jar; empty when it has none. */
    synchronized Path extract(Path jar) {
        try {
            Path target = cacheDir.resolve(key(jar));
            if (Files.isDirectory(target)) {
                return target;
            }
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempDirectory(cacheDir, "extract");
            try (ZipFile zip = ZipFile.builder().setPath(jar).get()) {
                for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                    if (!entry.isDirectory() && platform.isHostLibrary(entry.getName())) {
                        String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, tmp.resolve(name));
                        }
                    }
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the native libraries of " + jar + ": " + e.getMessage(), e);
        }
    }

    /** Name, size and time of the jar: jars of a Maven distribution never change in place. */
    private static String key(Path jar) throws IOException {
        return JarCacheKey.of(VERSION, jar);
    }
}
