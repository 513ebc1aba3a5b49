package io.slipway.buildpacks.manifest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The keys of one YAML mapping at a field path. Reports duplicate and unknown keys when made, then
 * hands out typed values: absent (or null) keys give the default, invalid ones give null after
 * their problem is reported.
 */
final class Fields {

    private final MappingNode mapping;

    private final String path;

    private final Problems problems;

    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    /** @param known the keys allowed here, or null to allow any key */
    Fields(MappingNode mapping, String path, Problems problems, List<String> known) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            if (key.getTag().equals(Tag.MERGE)) {
                continue;
            }
            if (!(key instanceof ScalarNode scalar) || Values.isNull(key)) {
                problems.add(key, path, "keys must be strings, got " + Values.describe(key));
                continue;
            }
            String name = scalar.getValue();
            NodeTuple first = entries.putIfAbsent(name, tuple);
            if (first != null) {
                problems.add(key, child(path, name),
                        "duplicate key (first on line " + Problems.lineOf(first.getKeyNode()) + ")");
            }
            else if (known != null && !known.contains(name)) {
                problems.add(key, child(path, name), Hints.unknownField(name, known));
            }
        }
    }

    /** The mapping in an item of a list, or null after reporting that it is not a mapping. */
    static Fields of(Node node, String path, Problems problems, List<String> known) {
        if (node instanceof MappingNode mapping) {
            return new Fields(mapping, path, problems, known);
        }
        problems.add(node, path, "expected a mapping, got " + Values.describe(node));
        return null;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    MappingNode node() {
        return mapping;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return child(path, key);
    }

    Set<String> keys() {
        return entries.keySet();
    }

    /** Whether the key is given with a non-null value. */
    boolean has(String key) {
        return value(key) != null;
    }

    /** The value node, or null when the key is absent or its value is null. */
    Node value(String key) {
        Node value = rawValue(key);
        return (value == null || Values.isNull(value)) ? null : value;
    }

    Node rawValue(String key) {
        NodeTuple tuple = entries.get(key);
        return (tuple != null) ? tuple.getValueNode() : null;
    }

    Node keyNode(String key) {
        NodeTuple tuple = entries.get(key);
        return (tuple != null) ? tuple.getKeyNode() : null;
    }

    /** The node to place a problem about the key at: its value, or this mapping when it is absent. */
    Node at(String key) {
        Node value = value(key);
        return (value != null) ? value : mapping;
    }

    void problem(String key, String message) {
        problems.add(at(key), path(key), message);
    }

    void missing(String key) {
        problems.add(mapping, path(key), "missing required field");
    }

    Integer integer(String key, Integer fallback, Bounds<Integer> bounds) {
        Node value = value(key);
        return (value != null) ? Values.integer(value, path(key), bounds, problems) : fallback;
    }

    Double number(String key, Double fallback, Bounds<Double> bounds) {
        Node value = value(key);
        return (value != null) ? Values.number(value, path(key), bounds, problems) : fallback;
    }

    Boolean bool(String key, Boolean fallback) {
        Node value = value(key);
        return (value != null) ? Values.bool(value, path(key), problems) : fallback;
    }

    String text(String key) {
        Node value = value(key);
        return (value != null) ? Values.text(value, path(key), problems) : null;
    }

    Duration duration(String key, Duration fallback, Bounds<Duration> bounds) {
        Node value = value(key);
        return (value != null) ? Values.duration(value, path(key), bounds, problems) : fallback;
    }

    Long size(String key, Long fallback, Bounds<Long> bounds) {
        Node value = value(key);
        return (value != null) ? Values.size(value, path(key), bounds, problems) : fallback;
    }

    <E> E choice(String key, E fallback, Map<String, E> choices) {
        Node value = value(key);
        return (value != null) ? Values.choice(value, path(key), choices, problems) : fallback;
    }

    /** A nested mapping, or null when absent or after reporting that it is not a mapping. */
    Fields mapping(String key, List<String> known) {
        Node value = value(key);
        return (value != null) ? of(value, path(key), problems, known) : null;
    }

    /** A list's items, or null when absent or after reporting that it is not a list or too long. */
    List<Node> list(String key, int maxItems, String items) {
        Node value = value(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof SequenceNode sequence)) {
            problems.add(value, path(key), "expected a list, got " + Values.describe(value));
            return null;
        }
        if (sequence.getValue().size() > maxItems) {
            problems.add(value, path(key), "at most " + maxItems + " " + items + ", got " + sequence.getValue().size());
            return null;
        }
        return sequence.getValue();
    }

}
