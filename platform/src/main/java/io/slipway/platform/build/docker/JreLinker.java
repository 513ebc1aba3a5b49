package io.slipway.platform.build.docker;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Links a small JRE from the host JDK with just the modules the runtime's jars use (jdeps, then jlink). */
final class JreLinker {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path javaHome;

    JreLinker(Path javaHome) {
        this.javaHome = javaHome;
    }

    /** The JDK modules {@code mainJar} and the jars it uses need, as jdeps finds them. */
    List<String> modules(Path mainJar, List<Path> classpath) {
        List<String> command = new ArrayList<>(List.of(tool("jdeps"), "--print-module-deps", "--ignore-missing-deps",
                "--multi-release", Integer.toString(Runtime.version().feature()), "-q"));
        if (!classpath.isEmpty()) {
            command.add("--class-path");
            command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        command.add(mainJar.toString());
        String printed = HostCommand.run(command, TIMEOUT).strip();
        String last = printed.substring(printed.lastIndexOf('\n') + 1).strip();
        TreeSet<String> modules = new TreeSet<>(Arrays.asList(last.split(",")));
        if (!modules.contains("java.base")) {
            throw new IllegalStateException("jdeps printed no module list: " + printed);
        }
        // reached by reflection or service loading only, so jdeps cannot see them
        modules.add("jdk.unsupported");
        return List.copyOf(modules);
    }

    /** Links a JRE with {@code modules} into {@code output} (which must not exist yet). */
    void link(List<String> modules, Path output, Consumer<String> log) {
        long start = System.nanoTime();
        List<String> command = List.of(tool("jlink"), "--add-modules", String.join(",", modules), "--strip-debug",
                "--no-header-files", "--no-man-pages",
                Runtime.version().feature() >= 21 ? "--compress=zip-6" : "--compress=2",
                "--output", output.toString());
        HostCommand.run(command, TIMEOUT);
        log.accept("jlink: JRE with " + String.join(",", modules) + " in " + Formats.seconds(start));
        start = System.nanoTime();
        // a class data sharing archive of the JRE's own classes: every JVM in the image, the
        // runtime and each health check, starts faster from it
        HostCommand.run(List.of(output.resolve("bin/java").toString(), "-Xshare:dump"), TIMEOUT);
        log.accept("Class data sharing archive made in " + Formats.seconds(start));
    }

    String version() {
        String printed = HostCommand.run(List.of(tool("java"), "-version"), Duration.ofSeconds(30));
        return printed.lines().filter(line -> line.contains("version")).findFirst().orElse("unknown")
                .replaceAll(".*version \"([^\"]+)\".*", "$1");
    }

    private String tool(String name) {
        return javaHome.resolve("bin").resolve(name).toString();
    }
}
