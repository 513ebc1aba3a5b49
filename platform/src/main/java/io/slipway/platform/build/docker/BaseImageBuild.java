package io.slipway.platform.build.docker;

import com.github.dockerjava.api.DockerClient;
import io.slipway.buildpacks.plan.Layer;
import io.slipway.buildpacks.plan.Layer.LayerFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a root file system tar into the base image: {@code FROM scratch}, {@code ADD} the tar
 * (Docker unpacks it, exactly like {@code docker import}), then PATH, JAVA_HOME and labels.
 *
 * <p>Why not {@code createImageCmd(repository, InputStream)}: docker-java 3.7.0 serialises that
 * stream as JSON instead of sending it ({@code DefaultInvocationBuilder.post(TypeReference,
 * InputStream)}, docker-java issue 2377), and the engine answers "unexpected EOF". A build sends
 * its context as a real stream.
 */
final class BaseImageBuild {

    private BaseImageBuild() {
    }

    /** Builds the base image from {@code rootfs} and tags it {@code name}; returns its id. */
    static String build(DockerClient docker, Path rootfs, ImageName name, String jdkVersion, Consumer<String> log) {
        Layer layer = new Layer("rootfs", List.of(new LayerFile(rootfs, "/rootfs.tar")));
        String dockerfile = String.join("\n",
                "FROM scratch",
                "ADD " + Dockerfile.layerFolder(0, layer.name()) + "/rootfs.tar /",
                "ENV PATH=/" + RootFsArchive.JRE_PATH + "/bin:/usr/bin:/bin JAVA_HOME=/" + RootFsArchive.JRE_PATH
                        + " LANG=C.UTF-8",
                "LABEL io.slipway.base=bootstrap io.slipway.base.jdk=" + Dockerfile.quote(jdkVersion),
                "");
        return BuildRun.run(docker, dockerfile, List.of(layer), 0, name.toString(), Duration.ofMinutes(10), log)
                .imageId();
    }
}
