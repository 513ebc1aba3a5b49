package io.slipway.buildpacks.manifest;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bundle's {@code slipway.yaml}: what to serve and how to run and scale it.
 *
 * <p>{@link #read(Path)} is the whole check a bundle gets before it is built: the YAML, the schema
 * and the files the manifest names. {@link #parse(String, String)} checks the text alone. Both
 * report every problem at once in a {@link ManifestException}, each rendered as
 * {@code slipway.yaml:LINE: FIELD.PATH: what was expected} (see {@link ManifestProblem}).
 *
 * <p>The YAML is read safely: standard tags only, no duplicate keys, at most 10 aliases to lists
 * or mappings (so alias bombs fail fast), at most 20 levels of nesting and 1 MiB of text.
 *
 * @param name the app name, a DNS label of 1 to 40 characters ({@code [a-z0-9]([a-z0-9-]*[a-z0-9])?})
 * @param model the model to serve
 * @param serving how one instance serves requests
 * @param access who may call the app ({@link Access#PUBLIC} by default)
 * @param resources CPU and memory of one instance
 * @param scaling how the autoscaler sizes the app
 * @param env plain environment variables for the instances, in manifest order; they may be built
 *     into an image
 * @param secrets environment variables marked secret ({@code KEY: { secret: ... }}), in manifest
 *     order: never part of {@code env}, never built into an image; the platform stores their values
 *     encrypted and hands them to an instance when it starts
 */
public record Manifest(String name, ModelSpec model, ServingSpec serving, Access access, Resources resources,
        Scaling scaling, Map<String, String> env, Map<String, Secret> secrets) {

    /** The manifest's file name at the bundle root. */
    public static final String FILE_NAME = "slipway.yaml";

    /** Checks the components and copies the environment, keeping its order. */
    public Manifest {
        Objects.requireNonNull(name, "name");
        if (!Limits.APP_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be a DNS label of 1 to 40 characters, got " + name);
        }
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serving, "serving");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(scaling, "scaling");
        if (scaling.targetConcurrency() > serving.maxConcurrency()) {
            throw new IllegalArgumentException("scaling.targetConcurrency must be <= serving.maxConcurrency ("
                    + serving.maxConcurrency() + "), got " + scaling.targetConcurrency());
        }
        Map<String, String> copy = new LinkedHashMap<>();
        env.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "env key"),
                Objects.requireNonNull(value, () -> "env." + key)));
        env = Collections.unmodifiableMap(copy);
        Map<String, Secret> secretCopy = new LinkedHashMap<>();
        secrets.forEach((key, secret) -> {
            if (copy.containsKey(key)) {
                throw new IllegalArgumentException("env." + key + " is both a plain value and a secret");
            }
            secretCopy.put(Objects.requireNonNull(key, "secret key"), Objects.requireNonNull(secret, () -> "env." + key));
        });
        secrets = Collections.unmodifiableMap(secretCopy);
    }

    /**
     * A manifest without secrets.
     * @param name the app name
     * @param model the model to serve
     * @param serving how one instance serves requests
     * @param access who may call the app
     * @param resources CPU and memory of one instance
     * @param scaling how the autoscaler sizes the app
     * @param env environment variables for the instances, in manifest order
     */
    public Manifest(String name, ModelSpec model, ServingSpec serving, Access access, Resources resources,
            Scaling scaling, Map<String, String> env) {
        this(name, model, serving, access, resources, scaling, env, Map.of());
    }

    /**
     * Reads and checks {@code bundleDir/slipway.yaml} and the files it names: that {@code model.path}
     * and {@code model.labels} stay inside the bundle (no {@code ..}, absolute paths or symbolic
     * links leading out), that the labels are a readable UTF-8 text file, and that the model matches
     * its format (ONNX: a protobuf {@code ModelProto}, or a folder with exactly one {@code .onnx};
     * TorchScript: a zip archive, or a folder with exactly one {@code .pt}).
     * @param bundleDir the root folder of an extracted bundle
     * @return the manifest
     * @throws ManifestException listing every problem found
     */
    public static Manifest read(Path bundleDir) {
        return BundleChecker.read(bundleDir);
    }

    /**
     * Parses and checks a manifest's text without touching the file system.
     * @param yamlText the YAML text
     * @param fileName the name to report problems against, usually {@value #FILE_NAME}
     * @return the manifest
     * @throws ManifestException listing every problem found
     */
    public static Manifest parse(String yamlText, String fileName) {
        return ManifestParser.parse(yamlText, fileName).manifestOrThrow();
    }

}
