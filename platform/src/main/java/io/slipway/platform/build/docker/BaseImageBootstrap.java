package io.slipway.platform.build.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Makes sure the runtime base image exists: found locally, else pulled (bounded by a short
 * timeout, since build machines are usually offline), else bootstrapped once from this machine
 * and tagged with the configured name: a jlink-ed JRE of the host JDK, the host libraries it and
 * the engines' native libraries need, the {@code slipway} user (10001), and {@code /tmp}.
 */
public class BaseImageBootstrap {

    /** JRE libraries only AWT, sound and fonts load; the runtime is headless, so their X11 needs are not met. */
    private static final Set<String> DESKTOP_LIBRARIES = Set.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so",
            "libjsound.so", "libfontmanager.so", "libjavajpeg.so", "liblcms.so");

    private final DockerClient docker;
    private final Path runtimeDistribution;
    private final Path workDir;
    private final Duration pullTimeout;
    private final JreLinker linker;

    /**
     * @param docker the engine
     * @param runtimeDistribution the model runtime's distribution: {@code model-runtime.jar} and {@code lib/*.jar}
     * @param workDir where the bootstrap may write temporary files
     * @param pullTimeout how long a pull may try before the bootstrap starts
     * @param javaHome the JDK whose jdeps, jlink and modules make the JRE
     */
    public BaseImageBootstrap(DockerClient docker, Path runtimeDistribution, Path workDir, Duration pullTimeout,
            Path javaHome) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.runtimeDistribution = Objects.requireNonNull(runtimeDistribution, "runtimeDistribution");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.pullTimeout = Objects.requireNonNull(pullTimeout, "pullTimeout");
        this.linker = new JreLinker(Objects.requireNonNull(javaHome, "javaHome"));
    }

    /** With the JDK this platform runs on and a 10 second pull timeout. */
    public BaseImageBootstrap(DockerClient docker, Path runtimeDistribution, Path workDir) {
        this(docker, runtimeDistribution, workDir, Duration.ofSeconds(10), Path.of(System.getProperty("java.home")));
    }

    /**
     * Ensures {@code imageName} exists locally; returns its image id.
     *
     * @throws ImageBuildException when it is missing, cannot be pulled and cannot be bootstrapped
     */
    public synchronized String ensure(String imageName, Consumer<String> log) {
        ImageName name = ImageName.parse(imageName);
        String id = localId(name.toString());
        if (id != null) {
            log.accept("Base image " + name + " found locally (" + Formats.shortId(id) + ")");
            return id;
        }
        if (pull(name, log)) {
            return localId(name.toString());
        }
        return bootstrap(name, log);
    }

    String localId(String image) {
        try {
            return docker.inspectImageCmd(image).exec().getId();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Tries {@code docker pull} for at most the pull timeout; false when it fails or takes longer. */
    boolean pull(ImageName name, Consumer<String> log) {
        long start = System.nanoTime();
        log.accept("Base image " + name + " not found locally; pulling it (at most " + pullTimeout.toSeconds()
                + " s)");
        try (PullImageResultCallback callback = docker.pullImageCmd(name.repository()).withTag(name.tag())
                .exec(new PullImageResultCallback())) {
            if (callback.awaitCompletion(pullTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    && localId(name.toString()) != null) {
                log.accept("Pulled " + name + " in " + Formats.seconds(start));
                return true;
            }
            log.accept("Pull of " + name + " did not finish within " + pullTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException(name.toString(), "interrupted while pulling " + name, e);
        } catch (IOException | RuntimeException e) {
            log.accept("Cannot pull " + name + " (" + Formats.seconds(start) + "): " + firstLine(e.getMessage()));
        }
        return false;
    }

    private String bootstrap(ImageName name, Consumer<String> log) {
        long start = System.nanoTime();
        String jdk = linker.version();
        log.accept("Bootstrapping base image " + name + " from this machine's JDK " + jdk
                + " (once; it is cached under that name)");
        Path dir = null;
        try {
            Files.createDirectories(workDir);
            dir = Files.createTempDirectory(workDir, "base-image");
            List<Path> libs = jars(runtimeDistribution.resolve("lib"));
            Path jre = linkJre(libs, dir.resolve("jre"), log);
            Set<Path> hostLibraries = hostLibraries(jre, libs, dir.resolve("natives"), log);
            String id = importRootFs(name, jdk, jre, hostLibraries, dir, log);
            long size = docker.inspectImageCmd(id).exec().getSize();
            log.accept("Base image " + name + " bootstrapped in " + Formats.seconds(start) + ": "
                    + Formats.shortId(id) + ", " + Formats.megabytes(size));
            return id;
        } catch (IOException | UncheckedIOException | IllegalStateException | HostCommand.HostCommandException
                | DockerException e) {
            throw new ImageBuildException(name.toString(), "cannot bootstrap base image " + name + ": "
                    + e.getMessage(), e);
        } finally {
            FileTrees.delete(dir);
        }
    }

    /** Step 1: a JRE with the modules the runtime's jars need. */
    private Path linkJre(List<Path> libs, Path jre, Consumer<String> log) {
        long start = System.nanoTime();
        List<String> modules = linker.modules(runtimeDistribution.resolve("model-runtime.jar"), libs);
        log.accept("jdeps: the runtime needs " + modules.size() + " JDK modules (" + Formats.seconds(start) + ")");
        linker.link(modules, jre, log);
        log.accept("JRE linked in " + Formats.seconds(start) + ": " + Formats.megabytes(FileTrees.size(jre)));
        return jre;
    }

    /** Step 2: the host libraries the JRE and the engines' native libraries (inside the jars) load. */
    private Set<Path> hostLibraries(Path jre, List<Path> libs, Path natives, Consumer<String> log)
            throws IOException {
        long start = System.nanoTime();
        List<Path> engineLibraries = SharedLibraries.extractHostLibraries(libs, natives, NativePlatform.host());
        List<Path> all = new ArrayList<>(jreLibraries(jre));
        all.addAll(engineLibraries);
        Set<Path> hostLibraries = SharedLibraries.resolve(all,
                List.of(jre.resolve("lib"), jre.resolve("lib/server"), natives));
        log.accept("Host libraries for the JRE and " + engineLibraries.size() + " engine native libraries ("
                + Formats.seconds(start) + "): " + hostLibraries);
        return hostLibraries;
    }

    /** Step 3: the root file system as a tar, made an image and tagged {@code name}. */
    private String importRootFs(ImageName name, String jdk, Path jre, Set<Path> hostLibraries, Path dir,
            Consumer<String> log) throws IOException {
        long start = System.nanoTime();
        Path rootfs = dir.resolve("rootfs.tar");
        try (OutputStream out = Files.newOutputStream(rootfs)) {
            RootFsArchive.write(out, jre, hostLibraries);
        }
        BaseImageBuild.build(docker, rootfs, name, jdk, line -> { });
        log.accept("Root file system (" + Formats.megabytes(Files.size(rootfs)) + " tar) made and imported in "
                + Formats.seconds(start));
        return localId(name.toString());
    }

    private static List<Path> jreLibraries(Path jre) throws IOException {
        try (Stream<Path> walk = Files.walk(jre.resolve("lib"))) {
            return walk.filter(path -> path.getFileName().toString().endsWith(".so"))
                    .filter(path -> !DESKTOP_LIBRARIES.contains(path.getFileName().toString()))
                    .sorted().toList();
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
