package io.slipway.platform.build.docker;

import java.util.Locale;
import java.util.Set;

/**
 * Tells native libraries inside jars apart by platform: the ones this host (and so its Docker
 * engine) can load, and the ones for other systems or CPUs that only make images bigger.
 */
final class NativePlatform {

    private static final Set<String> OTHER_SYSTEMS_SUFFIXES = Set.of(".dll", ".dylib", ".jnilib", ".pdb", ".lib");

    private final Set<String> archTokens;

    NativePlatform(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        this.archTokens = switch (arch) {
            case "amd64", "x86_64" -> Set.of("x86_64", "x86-64", "x64", "amd64");
            case "aarch64", "arm64" -> Set.of("aarch64", "arm64");
            default -> Set.of(arch);
        };
    }

    static NativePlatform host() {
        return new NativePlatform(System.getProperty("os.arch"));
    }

    /** A Linux shared library for this host's CPU, e.g. {@code ai/onnxruntime/native/linux-x64/libonnxruntime.so}. */
    boolean isHostLibrary(String entryName) {
        String name = entryName.toLowerCase(Locale.ROOT);
        if (!isSharedObject(name) || name.contains(".dsym/")) {
            return false;
        }
        for (String segment : name.split("/")) {
            if (segment.startsWith("linux")) {
                return archTokens.stream().anyMatch(segment::contains);
            }
        }
        return false;
    }

    /**
     * A native file no process on this host loads: Windows and macOS libraries and their debug
     * symbols, or Linux libraries for another CPU. Classes and resources are never foreign.
     */
    boolean isForeign(String entryName) {
        String name = entryName.toLowerCase(Locale.ROOT);
        if (name.contains(".dsym/") || OTHER_SYSTEMS_SUFFIXES.stream().anyMatch(name::endsWith)) {
            return true;
        }
        if (!isSharedObject(name)) {
            return false;
        }
        for (String segment : name.split("/")) {
            if (segment.startsWith("linux-") || segment.startsWith("linux_")) {
                return archTokens.stream().noneMatch(segment::contains);
            }
            if (segment.startsWith("osx") || segment.startsWith("macos") || segment.startsWith("darwin")
                    || segment.startsWith("win-") || segment.startsWith("windows") || segment.startsWith("android")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSharedObject(String name) {
        return name.endsWith(".so") || name.matches(".*\\.so(\\.[0-9]+)+$");
    }
}
