package io.slipway.platform.build.docker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A DJL cache folder with PyTorch's native libraries already extracted, made once per set of
 * PyTorch jars by loading the engine in a JVM on this machine. Images carry the folder, so no
 * container unpacks half a gigabyte at start (nor needs the jar that holds it).
 */
final class PytorchNativeCache {

    /** Loads an engine by name, so that DJL extracts its native libraries into {@code DJL_CACHE_DIR}. */
    private static final String LOADER = """
            public class LoadEngine {
                public static void main(String[] args) throws Exception {
                    Object engine = Class.forName("ai.djl.engine.Engine").getMethod("getEngine", String.class)
                            .invoke(null, args[0]);
                    System.out.println("loaded " + engine.getClass().getName());
                }
            }
            """;

    /** Changes when the way the folder is made changes, so older folders are not reused. */
    private static final String RECIPE = "2";

    private final Path cacheDir;
    private final Path java;

    PytorchNativeCache(Path cacheDir, Path javaHome) {
        this.cacheDir = cacheDir;
        this.java = javaHome.resolve("bin/java");
    }

    /** Whether a jar is the one PyTorch's native libraries come in. */
    static boolean isNativeJar(String fileName) {
        return fileName.startsWith("pytorch-native-") && fileName.endsWith(".jar");
    }

    /**
     * What DJL needs to load PyTorch from an extracted folder without the native jar, which it
     * would otherwise read the version and flavor from (and, missing it, try to download them):
     * {@code PYTORCH_LIBRARY_PATH}, {@code PYTORCH_VERSION} and {@code PYTORCH_FLAVOR}, read from
     * the folder's name {@code VERSION-FLAVOR-OS-ARCH} (e.g. {@code 2.7.1-20250812-cpu-linux-x86_64}).
     *
     * @param libtorch the path of {@code libtorch.so} in the image
     */
    static Map<String, String> env(String libtorch) {
        String dir = libtorch.substring(0, libtorch.lastIndexOf('/'));
        List<String> parts = List.of(dir.substring(dir.lastIndexOf('/') + 1).split("-"));
        if (parts.size() < 4) {
            throw new IllegalStateException("unexpected PyTorch cache folder " + dir);
        }
        int flavorStart = parts.size() - 3;
        if (parts.get(flavorStart).equals("precxx11")) {
            flavorStart--;
        }
        return Map.of("PYTORCH_LIBRARY_PATH", dir,
                "PYTORCH_VERSION", String.join("-", parts.subList(0, flavorStart)),
                "PYTORCH_FLAVOR", String.join("-", parts.subList(flavorStart, parts.size() - 2)));
    }

    /** The cache folder for {@code classpath} (all jars of the image), made now if missing. */
    synchronized Path ensure(List<Path> classpath, Consumer<String> log) {
        Path dir = cacheDir.resolve("djl-cache-" + key(classpath));
        if (Files.isDirectory(dir)) {
            log.accept("PyTorch native libraries: extracted before (" + dir.getFileName() + ")");
            return dir;
        }
        long start = System.nanoTime();
        Path work = null;
        try {
            Files.createDirectories(cacheDir);
            work = Files.createTempDirectory(cacheDir, "djl-cache-tmp");
            Path loader = work.resolve("LoadEngine.java");
            Files.writeString(loader, LOADER);
            Path cache = work.resolve("cache");
            Map<String, String> env = new HashMap<>();
            env.put("DJL_CACHE_DIR", cache.toString());
            env.put("OPT_OUT_TRACKING", "true");
            env.put("DJL_OFFLINE", "true");
            env.put("ENGINE_CACHE_DIR", null);
            env.put("PYTORCH_LIBRARY_PATH", null);
            env.put("PYTORCH_VERSION", null);
            env.put("PYTORCH_FLAVOR", null);
            String cp = classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            HostCommand.run(List.of(java.toString(), "-Dai.djl.offline=true", "-cp", cp, loader.toString(),
                    "PyTorch"), env, Duration.ofMinutes(5));
            if (!Files.isDirectory(cache.resolve("pytorch"))) {
                throw new IllegalStateException("loading PyTorch left no native libraries in " + cache);
            }
            strip(cache, log);
            Files.move(cache, dir, StandardCopyOption.ATOMIC_MOVE);
            log.accept("PyTorch native libraries extracted once in " + Formats.seconds(start) + ": "
                    + Formats.megabytes(FileTrees.size(dir)) + " (" + dir.getFileName() + ")");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract PyTorch's native libraries: " + e.getMessage(), e);
        } finally {
            FileTrees.delete(work);
        }
    }

    /**
     * Drops the symbol tables the loader does not use ({@code strip --strip-unneeded}, when the
     * host has binutils): libtorch_cpu.so goes from 446 to 357 MB. Exported symbols stay, so
     * {@code dlopen} and JNI work as before.
     */
    private static void strip(Path cache, Consumer<String> log) throws IOException {
        List<Path> libraries;
        try (Stream<Path> walk = Files.walk(cache)) {
            libraries = walk.filter(Files::isRegularFile).filter(path -> path.toString().contains(".so")).toList();
        }
        long before = FileTrees.size(cache);
        try {
            for (Path library : libraries) {
                HostCommand.run(List.of("strip", "--strip-unneeded", library.toString()), Duration.ofMinutes(2));
            }
        } catch (HostCommand.HostCommandException e) {
            log.accept("PyTorch native libraries left unstripped (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
            return;
        }
        log.accept("Stripped PyTorch native libraries: " + Formats.megabytes(before) + " -> "
                + Formats.megabytes(FileTrees.size(cache)));
    }

    /** Names and sizes of the PyTorch and DJL jars: what decides the folder's content. */
    private static String key(List<Path> classpath) {
        String identity = RECIPE + "|" + classpath.stream()
                .filter(jar -> {
                    String name = jar.getFileName().toString();
                    return name.startsWith("pytorch-") || name.startsWith("api-");
                })
                .map(jar -> jar.getFileName() + ":" + size(jar)).sorted().collect(Collectors.joining("|"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
