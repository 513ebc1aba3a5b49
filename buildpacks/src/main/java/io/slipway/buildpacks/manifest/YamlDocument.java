package io.slipway.buildpacks.manifest;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Composes manifest text into a SnakeYAML node tree (which keeps line numbers) under the safety
 * limits, or reports why it cannot. Nothing is constructed into Java objects here, so no class or
 * tag can be instantiated from the document.
 */
final class YamlDocument {

    /** The tags a manifest may use, explicitly or implicitly. */
    static final Set<Tag> STANDARD_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ,
            Tag.TIMESTAMP);

    private YamlDocument() {
    }

    /** Returns the root mapping, or null after adding the problems that prevent reading it. */
    static MappingNode compose(String text, Problems problems) {
        if (text.length() > Limits.MAX_MANIFEST_SIZE
                && text.codePointCount(0, text.length()) > Limits.MAX_MANIFEST_SIZE) {
            problems.add(0, "", "the file is larger than 1 MiB");
            return null;
        }
        Node root;
        try {
            root = yaml().compose(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
        }
        catch (MarkedYAMLException ex) {
            Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
            problems.add((mark != null) ? mark.getLine() + 1 : 0, "", describe(ex, mark));
            return null;
        }
        catch (YAMLException ex) {
            problems.add(0, "", describe(ex));
            return null;
        }
        if (root == null || Values.isNull(root)) {
            problems.add(0, "", "the file is empty; expected a mapping with at least name and model");
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(root, "", "expected a mapping (name: ..., model: ...) at the top level, got "
                    + Values.describe(root));
            return null;
        }
        checkTags(mapping, problems);
        return mapping;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(Limits.MAX_ALIASES);
        options.setNestingDepthLimit(Limits.MAX_NESTING_DEPTH);
        options.setCodePointLimit(Limits.MAX_MANIFEST_SIZE);
        options.setTagInspector(tag -> false);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options);
    }

    /** Reports local tags ({@code !thing}), non-standard {@code !!} tags and merge keys, each once. */
    private static void checkTags(Node root, Problems problems) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (node.getTag().equals(Tag.MERGE)) {
                problems.add(node, "", "merge keys (<<) are not supported; write the fields out");
            }
            else if (!STANDARD_TAGS.contains(node.getTag())) {
                problems.add(node, "", "YAML tag " + showTag(node.getTag().getValue()) + " is not allowed");
            }
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    pending.push(tuple.getValueNode());
                    pending.push(tuple.getKeyNode());
                }
            }
            else if (node instanceof SequenceNode sequence) {
                sequence.getValue().forEach(pending::push);
            }
        }
    }

    private static String describe(MarkedYAMLException ex, Mark mark) {
        String problem = String.valueOf(ex.getProblem());
        if (problem.startsWith("Global tag is not allowed: ")) {
            return "YAML tag " + showTag(problem.substring("Global tag is not allowed: ".length())) + " is not allowed";
        }
        if (ex.getContext() != null && ex.getContext().startsWith("expected a single document")) {
            return "expected a single YAML document, found another one";
        }
        String column = (mark != null) ? " at column " + (mark.getColumn() + 1) : "";
        String context = (ex.getContext() != null) ? " (" + ex.getContext() + ")" : "";
        return "invalid YAML" + column + ": " + problem + context;
    }

    private static String describe(YAMLException ex) {
        String message = String.valueOf(ex.getMessage());
        if (message.contains("Number of aliases")) {
            return "too many aliases: at most " + Limits.MAX_ALIASES
                    + " references to anchored lists or mappings are allowed (YAML bomb protection)";
        }
        if (message.contains("Nesting Depth")) {
            return "the YAML is nested deeper than " + Limits.MAX_NESTING_DEPTH + " levels";
        }
        if (message.contains("exceeds the limit")) {
            return "the file is larger than 1 MiB";
        }
        return "invalid YAML: " + message;
    }

    static String showTag(String tag) {
        return tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    }

}
