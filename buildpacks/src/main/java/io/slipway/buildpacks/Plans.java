package io.slipway.buildpacks;

import io.slipway.buildpacks.plan.BuildPlan;
import io.slipway.buildpacks.plan.Layer;
import io.slipway.buildpacks.plan.Layer.LayerFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles the plan every buildpack makes, following {@link ImageLayout}; they differ only in the engine. */
final class Plans {

    private Plans() {
    }

    /**
     * Plans an image.
     * @param engine the engine whose jars form the engine layer, or {@link RuntimeDistribution#NO_ENGINE}
     * @param withDjlCache whether the engine layer carries the distribution's DJL cache, when it has one
     */
    static BuildPlan plan(Buildpack buildpack, BuildInput input, String engine, boolean withDjlCache) {
        if (!buildpack.detect(input.manifest(), input.bundleRoot())) {
            throw new BuildpackException("the " + buildpack.id() + " buildpack does not build model format "
                    + input.manifest().model().format().yamlValue());
        }
        RuntimeDistribution runtime = input.runtime();
        // plain variables only: the manifest's secrets never enter an image, the platform injects them at start
        Map<String, String> env = new LinkedHashMap<>(input.manifest().env());
        env.putAll(ImageLayout.ENV);
        List<Layer> layers = new ArrayList<>();
        List<LayerFile> runtimeFiles = new ArrayList<>();
        runtimeFiles.add(new LayerFile(runtime.runtimeJar(), ImageLayout.RUNTIME_JAR));
        runtimeFiles.addAll(libs(runtime.commonLibs()));
        layers.add(new Layer("runtime", runtimeFiles));
        if (!engine.equals(RuntimeDistribution.NO_ENGINE)) {
            List<LayerFile> engineFiles = libs(runtime.engineLibs(engine));
            if (engineFiles.isEmpty()) {
                throw new BuildpackException("the model runtime at " + runtime.runtimeJar().getParent()
                        + " has no " + engine + " engine jars in lib/");
            }
            if (withDjlCache && runtime.djlCacheDir() != null) {
                engineFiles.add(new LayerFile(runtime.djlCacheDir(), ImageLayout.DJL_CACHE_DIR));
                env.put("DJL_CACHE_DIR", ImageLayout.DJL_CACHE_DIR);
            }
            layers.add(new Layer("engine-" + engine, engineFiles));
        }
        layers.add(new Layer("model", List.of(new LayerFile(input.bundleRoot(), ImageLayout.MODEL_DIR))));
        Map<String, String> labels = new LinkedHashMap<>(input.labels());
        labels.put(ImageLayout.BUILDPACK_LABEL, buildpack.id());
        labels.put(ImageLayout.ENGINE_LABEL, engine);
        return new BuildPlan(buildpack.id(), engine, input.baseImage(), layers, ImageLayout.HOME,
                ImageLayout.ENTRYPOINT, env, labels, ImageLayout.PORT, ImageLayout.USER, ImageLayout.HEALTH_CHECK);
    }

    private static List<LayerFile> libs(List<Path> jars) {
        List<LayerFile> files = new ArrayList<>();
        for (Path jar : jars) {
            files.add(new LayerFile(jar, ImageLayout.RUNTIME_LIB + "/" + jar.getFileName()));
        }
        return files;
    }

}
