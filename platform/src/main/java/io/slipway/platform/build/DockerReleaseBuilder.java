package io.slipway.platform.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.slipway.buildpacks.BuildInput;
import io.slipway.buildpacks.Buildpacks;
import io.slipway.buildpacks.RuntimeDistribution;
import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.plan.BuildPlan;
import io.slipway.platform.build.docker.BuiltImage;
import io.slipway.platform.build.docker.DockerImageBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Docker backend's builder: the buildpack that detects the bundle plans the image, and
 * docker-java builds it as {@code slipway/<app>:v<release>-<installation>}, reusing cached layers.
 */
public final class DockerReleaseBuilder implements ReleaseBuilder {

    private static final String VERSION = DockerReleaseBuilder.class.getPackage().getImplementationVersion() == null
            ? "dev" : DockerReleaseBuilder.class.getPackage().getImplementationVersion();

    private final DockerClient docker;
    private final DockerImageBuilder images;
    private final Buildpacks buildpacks;
    private final RuntimeDistribution runtime;
    private final String baseImage;
    private final String installation;

    public DockerReleaseBuilder(DockerClient docker, DockerImageBuilder images, Buildpacks buildpacks,
            RuntimeDistribution runtime, String baseImage, String installation) {
        this.installation = installation;
        this.docker = docker;
        this.images = images;
        this.buildpacks = buildpacks;
        this.runtime = runtime;
        this.baseImage = baseImage;
    }

    @Override
    public Artifact build(String app, int release, Path bundleDir, Manifest manifest, String bundleDigest,
            Consumer<String> log) {
        BuildPlan plan = buildpacks.plan(new BuildInput(bundleDir, manifest, runtime, baseImage, Map.of(
                "io.slipway.app", app,
                "io.slipway.release", Integer.toString(release),
                "io.slipway.bundle-digest", bundleDigest,
                "io.slipway.version", VERSION)));
        log.accept("buildpack " + plan.buildpack() + " detected the bundle; engine " + plan.engine() + ", layers "
                + plan.layers().stream().map(io.slipway.buildpacks.plan.Layer::name).toList());
        BuiltImage image = images.build(plan, "slipway/" + app + ":v" + release + "-" + installation, log);
        log.accept("image " + image.tag() + " (" + image.sizeBytes() / (1024 * 1024) + " MB) built in "
                + image.buildTime().toMillis() + " ms; reused " + image.cachedLayers() + ", built " + image.builtLayers());
        return new Artifact(image.tag(), null, plan.engine());
    }

    @Override
    public boolean exists(Artifact artifact) {
        if (artifact.image() == null) {
            return false;
        }
        try {
            docker.inspectImageCmd(artifact.image()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public void remove(Artifact artifact) {
        if (artifact.image() == null) {
            return;
        }
        try {
            docker.removeImageCmd(artifact.image()).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }
}
