package io.slipway.buildpacks.manifest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns manifest text into a {@link Manifest}: composes the YAML safely, then reads each section,
 * collecting every problem rather than stopping at the first. A section whose fields have problems
 * yields null, and the manifest is only built when there are none at all.
 */
final class ManifestParser {

    private static final Map<String, Access> ACCESS = new LinkedHashMap<>();

    static {
        ACCESS.put("public", Access.PUBLIC);
        ACCESS.put("token", Access.TOKEN);
    }

    private final Problems problems;

    /** {@code serving.maxConcurrency}, null when it is invalid: scaling is checked against it. */
    private Integer maxConcurrency = ServingSpec.defaults().maxConcurrency();

    private ManifestParser(Problems problems) {
        this.problems = problems;
    }

    static ParseResult parse(String yamlText, String fileName) {
        Objects.requireNonNull(yamlText, "yamlText");
        Objects.requireNonNull(fileName, "fileName");
        Problems problems = new Problems(fileName);
        MappingNode root = YamlDocument.compose(yamlText, problems);
        if (root == null) {
            return new ParseResult(null, problems.sorted(), null, null, null);
        }
        return new ManifestParser(problems).read(new Fields(root, "", problems, Schema.ROOT));
    }

    private ParseResult read(Fields root) {
        String name = appName(root);
        ModelSection model = new ModelSection(problems).read(root, name);
        ServingSpec serving = root.has("serving") ? serving(root.mapping("serving", Schema.SERVING))
                : ServingSpec.defaults();
        Access access = root.choice("access", Access.PUBLIC, ACCESS);
        Resources resources = root.has("resources") ? resources(root.mapping("resources", Schema.RESOURCES))
                : Resources.defaults();
        Scaling scaling = new ScalingSection(problems).read(root, maxConcurrency);
        Map<String, Secret> secrets = new LinkedHashMap<>();
        Map<String, String> env = root.has("env") ? env(root.mapping("env", null), secrets) : Map.of();
        Manifest manifest = problems.isEmpty()
                ? new Manifest(name, model.spec, serving, access, resources, scaling, env, secrets) : null;
        return new ParseResult(manifest, problems.sorted(), model.path, model.format, model.labels);
    }

    private String appName(Fields root) {
        if (!root.has("name")) {
            root.missing("name");
            return null;
        }
        String name = root.text("name");
        if (name != null && !Limits.APP_NAME.matcher(name).matches()) {
            root.problem("name", "must be a DNS label: 1 to 40 lowercase letters, digits or '-', starting and"
                    + " ending with a letter or digit, got " + Values.quote(name));
            return null;
        }
        return name;
    }

    private ServingSpec serving(Fields serving) {
        if (serving == null) {
            maxConcurrency = null;
            return null;
        }
        int mark = problems.count();
        Batching batching = serving.has("batching") ? batching(serving.mapping("batching", Schema.BATCHING)) : null;
        Integer workers = serving.integer("workers", 1, Limits.WORKERS);
        maxConcurrency = serving.integer("maxConcurrency", 8, Limits.MAX_CONCURRENCY);
        Integer queueSize = serving.integer("queueSize", 64, Limits.QUEUE_SIZE);
        Duration timeout = serving.duration("timeout", Duration.ofSeconds(30), Limits.TIMEOUT);
        Long maxRequestBytes = serving.size("maxRequestBytes", 16 * Limits.MI, Limits.MAX_REQUEST_BYTES);
        if (problems.count() > mark) {
            return null;
        }
        return new ServingSpec(batching, workers, maxConcurrency, queueSize, timeout, maxRequestBytes);
    }

    private Batching batching(Fields batching) {
        if (batching == null) {
            return null;
        }
        Integer maxBatchSize = null;
        if (batching.has("maxBatchSize")) {
            maxBatchSize = batching.integer("maxBatchSize", null, Limits.MAX_BATCH_SIZE);
        }
        else {
            batching.missing("maxBatchSize");
        }
        Integer maxDelayMs = batching.integer("maxDelayMs", Batching.DEFAULT_MAX_DELAY_MS, Limits.MAX_DELAY_MS);
        return (maxBatchSize != null && maxDelayMs != null) ? new Batching(maxBatchSize, maxDelayMs) : null;
    }

    private Resources resources(Fields resources) {
        if (resources == null) {
            return null;
        }
        Double cpu = resources.number("cpu", 1.0, Limits.CPU);
        Long memory = resources.size("memory", Limits.GI, Limits.MEMORY);
        return (cpu != null && memory != null) ? new Resources(cpu, memory) : null;
    }

    /** The plain variables; secrets ({@code KEY: { secret: ... }}) go into {@code secrets}. */
    private Map<String, String> env(Fields env, Map<String, Secret> secrets) {
        if (env == null) {
            return null;
        }
        int mark = problems.count();
        if (env.keys().size() > Limits.MAX_ENV_ENTRIES) {
            problems.add(env.node(), env.path(), "at most " + Limits.MAX_ENV_ENTRIES + " variables, got "
                    + env.keys().size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : env.keys()) {
            if (!Limits.ENV_KEY.matcher(key).matches()) {
                problems.add(env.keyNode(key), env.path(key), "names must match " + Limits.ENV_KEY.pattern());
            }
            Node value = env.rawValue(key);
            if (Values.isNull(value)) {
                problems.add(value, env.path(key), "expected a value (write \"\" for an empty one), got null");
            }
            else if (value instanceof MappingNode) {
                Secret secret = secret(Fields.of(value, env.path(key), problems, Schema.SECRET));
                if (secret != null) {
                    secrets.put(key, secret);
                }
            }
            else if (!(value instanceof ScalarNode scalar)) {
                problems.add(value, env.path(key), "expected a string, number or boolean, or { secret: ... }, got "
                        + Values.describe(value));
            }
            else if (scalar.getValue().getBytes(StandardCharsets.UTF_8).length > Limits.MAX_ENV_VALUE_BYTES) {
                problems.add(value, env.path(key), "must be at most 32 KiB");
            }
            else {
                values.put(key, scalar.getValue());
            }
        }
        return (problems.count() == mark) ? values : null;
    }

    /** {@code { secret: "value" }} or {@code { secret: true }}. */
    private Secret secret(Fields secret) {
        Node value = secret.rawValue("secret");
        String path = secret.path("secret");
        if (value == null) {
            secret.missing("secret");
            return null;
        }
        if (!YamlDocument.STANDARD_TAGS.contains(value.getTag())) {
            return null;
        }
        if (value instanceof ScalarNode scalar && !Values.isNull(scalar)) {
            if (scalar.getTag().equals(Tag.BOOL)) {
                if (Boolean.TRUE.equals(Values.bool(scalar, path, problems))) {
                    return new Secret.Stored();
                }
            }
            else if (scalar.getValue().isEmpty()) {
                problems.add(value, path, "must not be empty; write { secret: true } to keep the value stored for the app");
                return null;
            }
            else if (scalar.getValue().getBytes(StandardCharsets.UTF_8).length > Limits.MAX_ENV_VALUE_BYTES) {
                problems.add(value, path, "must be at most 32 KiB");
                return null;
            }
            else {
                return new Secret.Inline(scalar.getValue());
            }
        }
        problems.add(value, path, "expected a string or true, got " + Values.describe(value));
        return null;
    }

}
