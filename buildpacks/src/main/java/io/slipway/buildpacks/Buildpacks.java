package io.slipway.buildpacks;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.plan.BuildPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The buildpacks the platform knows, asked in order: the first whose {@link Buildpack#detect detect}
 * says yes plans the image.
 */
public final class Buildpacks {

    private final List<Buildpack> buildpacks;

    /**
     * Creates a registry.
     * @param buildpacks the buildpacks, in the order they are asked
     */
    public Buildpacks(List<Buildpack> buildpacks) {
        this.buildpacks = List.copyOf(buildpacks);
    }

    /**
     * The buildpacks Slipway ships: ONNX, TorchScript and echo.
     * @return the registry
     */
    public static Buildpacks standard() {
        return new Buildpacks(List.of(new OnnxBuildpack(), new TorchScriptBuildpack(), new EchoBuildpack()));
    }

    /**
     * Returns the buildpacks.
     * @return the buildpacks, in the order they are asked
     */
    public List<Buildpack> all() {
        return buildpacks;
    }

    /**
     * Finds the buildpack of a bundle.
     * @param manifest the bundle's checked manifest
     * @param bundleRoot the root folder of the extracted bundle
     * @return the first buildpack that detects the bundle, or empty
     */
    public Optional<Buildpack> detect(Manifest manifest, Path bundleRoot) {
        return buildpacks.stream().filter(buildpack -> buildpack.detect(manifest, bundleRoot)).findFirst();
    }

    /**
     * Plans the image of a bundle with the first buildpack that detects it.
     * @param input the bundle, its manifest and what to build from
     * @return the plan
     * @throws BuildpackException when no buildpack detects the bundle, or the one that does cannot plan it
     */
    public BuildPlan plan(BuildInput input) {
        Buildpack buildpack = detect(input.manifest(), input.bundleRoot())
                .orElseThrow(() -> new BuildpackException("no buildpack builds model format "
                        + input.manifest().model().format().yamlValue() + " (buildpacks: "
                        + buildpacks.stream().map(Buildpack::id).collect(Collectors.joining(", ")) + ")"));
        return buildpack.plan(input);
    }

}
