package io.slipway.platform.build.docker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the host's shared libraries (libc, libstdc++, ...) that the JRE and the engines' native
 * libraries need, with {@code ldd}, so the base image carries exactly those.
 */
final class SharedLibraries {

    private SharedLibraries() {
    }

    /**
     * The host paths {@code ldd} resolves for {@code libraries}. Libraries in {@code ownDirs}
     * (the JRE's, the engines' own) are searched first and left out of the answer, with what they
     * need resolved in turn: the engines load their own copies, whatever the host has installed.
     */
    static Set<Path> resolve(Collection<Path> libraries, List<Path> ownDirs) {
        Map<String, String> env = Map.of("LD_LIBRARY_PATH",
                ownDirs.stream().map(Path::toString).collect(Collectors.joining(":")));
        Set<String> ownNames = new TreeSet<>();
        for (Path library : libraries) {
            ownNames.add(library.getFileName().toString());
        }
        Set<Path> needed = new TreeSet<>();
        for (Path library : libraries) {
            String printed;
            try {
                printed = HostCommand.run(List.of("ldd", library.toString()), env, Duration.ofSeconds(30));
            } catch (HostCommand.HostCommandException e) {
                continue; // "not a dynamic executable": nothing to resolve
            }
            for (Path path : parse(printed)) {
                boolean own = ownDirs.stream().anyMatch(path::startsWith)
                        || ownNames.contains(path.getFileName().toString());
                if (!own) {
                    needed.add(path);
                }
            }
        }
        return needed;
    }

    /** The resolved paths in {@code ldd} output; "not found" entries are left to their loaders. */
    static List<Path> parse(String lddOutput) {
        List<Path> paths = new ArrayList<>();
        for (String raw : lddOutput.lines().toList()) {
            String line = raw.strip();
            int arrow = line.indexOf("=>");
            String candidate = arrow >= 0 ? line.substring(arrow + 2).strip() : line;
            int address = candidate.indexOf(" (");
            if (address >= 0) {
                candidate = candidate.substring(0, address);
            }
            if (candidate.startsWith("/")) {
                paths.add(Path.of(candidate));
            }
        }
        return paths;
    }

    /**
     * Extracts the host platform's native libraries inside {@code jars} into the one folder
     * {@code into}, flat, so that they find each other as they do in DJL's cache.
     */
    static List<Path> extractHostLibraries(List<Path> jars, Path into, NativePlatform platform) throws IOException {
        Files.createDirectories(into);
        Set<Path> extracted = new TreeSet<>();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !platform.isHostLibrary(entry.getName())) {
                        continue;
                    }
                    Path target = into.resolve(Path.of(entry.getName()).getFileName().toString());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    extracted.add(target);
                }
            }
        }
        return List.copyOf(extracted);
    }
}
