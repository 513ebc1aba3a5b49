package io.slipway.platform.build.docker;

import io.slipway.buildpacks.plan.BuildPlan;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Renders the Dockerfiles of a plan: one {@code COPY} per layer, bottom first. The layers below
 * the model go into a stage image of their own ({@link #stage}); the release's image starts from
 * it ({@link #release}). An instruction that changes makes every later one miss the build cache,
 * and (in the classic builder) each setting costs an intermediate container, so the settings that
 * stay the same from release to release come before the model layer, and the labels, which
 * change with every release, come last.
 */
final class Dockerfile {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Dockerfile() {
    }

    /** The folder of layer {@code index} ({@code 0}-based) in the build context. */
    static String layerFolder(int index, String layerName) {
        return "layers/" + (index + 1) + "-" + layerName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** {@code FROM base}, then a {@code COPY} for each of {@code layerNames} (layers 0, 1, ...). */
    static String stage(String base, List<String> layerNames) {
        StringBuilder out = new StringBuilder("FROM ").append(base).append('\n');
        for (int i = 0; i < layerNames.size(); i++) {
            copy(out, i, layerNames.get(i));
        }
        return out.toString();
    }

    /**
     * {@code FROM from}, the plan's settings with {@code entrypoint} (the plan's, or the same command
     * with more JVM options), the top layer (number {@code topIndex}), the labels.
     *
     * @throws IllegalArgumentException when an env name or a value cannot go into a Dockerfile
     */
    static String release(String from, BuildPlan plan, List<String> entrypoint, int topIndex, String topName,
            Map<String, String> env, Map<String, String> labels) {
        StringBuilder out = new StringBuilder("FROM ").append(from).append('\n');
        if (!env.isEmpty()) {
            out.append("ENV");
            new TreeMap<>(env).forEach((key, value) -> {
                if (!ENV_NAME.matcher(key).matches()) {
                    throw new IllegalArgumentException("env: " + key + " is not a valid variable name");
                }
                out.append(" \\\n    ").append(key).append('=').append(quote(value));
            });
            out.append('\n');
        }
        out.append("USER ").append(plan.user()).append('\n');
        out.append("WORKDIR ").append(plan.workingDir()).append('\n');
        out.append("EXPOSE ").append(plan.port()).append('\n');
        if (!plan.healthCheck().isEmpty()) {
            out.append("HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=3 CMD ")
                    .append(json(plan.healthCheck())).append('\n');
        }
        out.append("ENTRYPOINT ").append(json(entrypoint)).append('\n');
        copy(out, topIndex, topName);
        if (!labels.isEmpty()) {
            out.append("LABEL");
            new TreeMap<>(labels).forEach((key, value) ->
                    out.append(" \\\n    ").append(quote(key)).append('=').append(quote(value)));
            out.append('\n');
        }
        return out.toString();
    }

    static String copyInstruction(int index, String layerName) {
        return "COPY " + layerFolder(index, layerName) + "/ /";
    }

    private static void copy(StringBuilder out, int index, String layerName) {
        out.append(copyInstruction(index, layerName)).append('\n');
    }

    /**
     * A double-quoted word for ENV and LABEL; {@code $} escaped so Docker does not substitute it.
     * A Dockerfile cannot hold a line break inside a value, so one is refused.
     */
    static String quote(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a line break cannot go into an image setting: " + value);
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + '"';
    }

    /** The JSON (exec) form of a command, so no shell is needed in the image. */
    static String json(List<String> command) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < command.size(); i++) {
            out.append(i == 0 ? "" : ", ").append('"');
            for (char c : command.get(i).toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
        return out.append(']').toString();
    }
}
