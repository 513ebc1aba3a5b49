package io.slipway.buildpacks.manifest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Takes inline secret values out of manifest text, so that what a platform stores (the bundle,
 * the release's manifest, an image) never holds them: {@code KEY: { secret: "value" }} becomes
 * {@code KEY: { secret: true }}, byte for byte elsewhere, comments and layout kept.
 */
public final class ManifestSecrets {

    private ManifestSecrets() {
    }

    /**
     * Replaces every inline secret value of {@code yamlText} by {@code true}. Text that is not a
     * YAML mapping comes back unchanged with no secrets: {@link Manifest#parse} reports it.
     * @param yamlText the manifest text
     * @param fileName the name to report problems against, usually {@value Manifest#FILE_NAME}
     * @return the text without secret values, and the values taken out
     * @throws ManifestException when a secret value is anchored or aliased ({@code &}, {@code *}),
     *     or cannot be replaced in place
     */
    public static SecretRedaction redact(String yamlText, String fileName) {
        Objects.requireNonNull(yamlText, "yamlText");
        String text = yamlText.startsWith("\uFEFF") ? yamlText.substring(1) : yamlText;
        Problems problems = new Problems(fileName);
        List<Found> found = find(text, problems);
        if (found == null || found.isEmpty()) {
            return new SecretRedaction(yamlText, List.of());
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Found secret : found) {
            if (secret.node().getAnchor() != null || !seen.add(secret.node())) {
                problems.add(secret.node(), secret.path(), "a secret value may not be anchored or aliased (& or *);"
                        + " write it out");
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(problems.sorted());
        }
        String redacted = replace(text, found);
        List<Found> left = find(redacted, new Problems(fileName));
        if (left == null || !left.isEmpty() || trueCount(redacted) != trueCount(text) + found.size()) {
            for (Found secret : found) {
                problems.add(secret.node(), secret.path(), "the value cannot be taken out of the manifest in place;"
                        + " write it on one line, in quotes");
            }
            throw new ManifestException(problems.sorted());
        }
        List<SecretRedaction.InlineSecret> secrets = new ArrayList<>();
        for (Found secret : found) {
            secrets.add(new SecretRedaction.InlineSecret(secret.name(), secret.node().getValue(),
                    Problems.lineOf(secret.node())));
        }
        return new SecretRedaction(redacted, secrets);
    }

    /** An inline secret's value node under {@code env.NAME.secret}. */
    private record Found(String name, ScalarNode node) {

        String path() {
            return "env." + name + ".secret";
        }

    }

    /** The inline secret values of the text, or null when it is not a YAML mapping. */
    private static List<Found> find(String text, Problems problems) {
        MappingNode root = YamlDocument.compose(text, problems);
        if (root == null) {
            return null;
        }
        List<Found> found = new ArrayList<>();
        for (Node env : values(root, "env")) {
            if (!(env instanceof MappingNode variables)) {
                continue;
            }
            for (NodeTuple variable : variables.getValue()) {
                if (!(variable.getKeyNode() instanceof ScalarNode key) || !(variable.getValueNode() instanceof MappingNode)) {
                    continue;
                }
                for (Node value : values((MappingNode) variable.getValueNode(), "secret")) {
                    if (value instanceof ScalarNode scalar && !Values.isNull(scalar)
                            && !scalar.getTag().equals(Tag.BOOL)) {
                        found.add(new Found(key.getValue(), scalar));
                    }
                }
            }
        }
        return found;
    }

    /** Every value under {@code key} (a duplicate key is reported by the parser, but redacted here too). */
    private static List<Node> values(MappingNode mapping, String key) {
        List<Node> values = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                values.add(tuple.getValueNode());
            }
        }
        return values;
    }

    /** The text with each value's span (in code points, as SnakeYAML marks count) replaced by {@code true}. */
    private static String replace(String text, List<Found> found) {
        int[] codePoints = text.codePoints().toArray();
        List<Found> ordered = new ArrayList<>(found);
        ordered.sort((a, b) -> Integer.compare(a.node().getStartMark().getIndex(), b.node().getStartMark().getIndex()));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Found secret : ordered) {
            int start = secret.node().getStartMark().getIndex();
            int end = secret.node().getEndMark().getIndex();
            out.append(new String(codePoints, at, start - at)).append("true");
            // a block scalar (| or >) ends after its line breaks: keep them, so the next key stays on its line
            String span = new String(codePoints, start, end - start);
            int breaks = span.length();
            while (breaks > 0 && (span.charAt(breaks - 1) == '\n' || span.charAt(breaks - 1) == '\r')) {
                breaks--;
            }
            out.append(span.substring(breaks));
            at = end;
        }
        return out.append(new String(codePoints, at, codePoints.length - at)).toString();
    }

    /** How many {@code env.NAME.secret: true} the text has. */
    private static int trueCount(String text) {
        MappingNode root = YamlDocument.compose(text, new Problems(""));
        int count = 0;
        for (Node env : (root == null) ? List.<Node>of() : values(root, "env")) {
            if (env instanceof MappingNode variables) {
                for (NodeTuple variable : variables.getValue()) {
                    if (variable.getValueNode() instanceof MappingNode secret) {
                        for (Node value : values(secret, "secret")) {
                            if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)
                                    && scalar.getValue().equals("true")) {
                                count++;
                            }
                        }
                    }
                }
            }
        }
        return count;
    }

}
