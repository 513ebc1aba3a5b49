package io.slipway.buildpacks.manifest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of YAML nodes. Each reader returns null after reporting a problem at the
 * node's line and field path; a node with a disallowed tag yields null silently, as
 * {@link YamlDocument} has reported it already.
 */
final class Values {

    private static final int MAX_SHOWN = 60;

    private Values() {
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** How a node shows in {@code got ...}: {@code "two"}, {@code 1.5}, {@code a list}. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.getTag().equals(Tag.NULL)) {
            return "null";
        }
        return scalar.getTag().equals(Tag.STR) ? quote(scalar.getValue()) : shorten(scalar.getValue());
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : shorten(text).toCharArray()) {
            switch (c) {
                case '"', '\\' -> quoted.append('\\').append(c);
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : c);
            }
        }
        return quoted.append('"').toString();
    }

    private static String shorten(String text) {
        return (text.length() <= MAX_SHOWN) ? text : text.substring(0, MAX_SHOWN - 3) + "...";
    }

    private static boolean allowed(Node node) {
        return YamlDocument.STANDARD_TAGS.contains(node.getTag());
    }

    private static Object construct(ScalarNode node) {
        return new ScalarConstructor().value(node);
    }

    /** Any integer YAML 1.1 can write ({@code 12}, {@code 0x1f}, {@code 1_000}), unbounded. */
    static BigInteger bigInteger(Node node, String path, Problems problems) {
        if (!allowed(node)) {
            return null;
        }
        if (!node.getTag().equals(Tag.INT)) {
            problems.add(node, path, "expected an integer, got " + describe(node));
            return null;
        }
        return toBig(construct((ScalarNode) node));
    }

    static Integer integer(Node node, String path, Bounds<Integer> bounds, Problems problems) {
        BigInteger value = bigInteger(node, path, problems);
        if (value == null) {
            return null;
        }
        if (value.bitLength() >= Integer.SIZE || !bounds.contains(value.intValue())) {
            problems.add(node, path, bounds.outside(value.toString()));
            return null;
        }
        return value.intValue();
    }

    /** A number, or for {@code cpu} a count of millicores such as {@code 500m}. */
    static Double number(Node node, String path, Bounds<Double> bounds, Problems problems) {
        if (!allowed(node)) {
            return null;
        }
        Double value = null;
        if (node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT)) {
            value = ((Number) construct((ScalarNode) node)).doubleValue();
        }
        else if (node instanceof ScalarNode scalar && scalar.getValue().matches("[0-9]{1,9}m")) {
            String millis = scalar.getValue();
            value = new BigDecimal(millis.substring(0, millis.length() - 1)).movePointLeft(3).doubleValue();
        }
        if (value == null || value.isNaN()) {
            problems.add(node, path, "expected a number such as 0.5 or 2 (or millicores such as 500m), got "
                    + describe(node));
            return null;
        }
        if (!bounds.contains(value)) {
            problems.add(node, path, bounds.outside(describe(node)));
            return null;
        }
        return value;
    }

    static Boolean bool(Node node, String path, Problems problems) {
        if (!allowed(node)) {
            return null;
        }
        if (!node.getTag().equals(Tag.BOOL)) {
            problems.add(node, path, "expected true or false, got " + describe(node));
            return null;
        }
        return (Boolean) construct((ScalarNode) node);
    }

    /** The text of any non-null scalar, so {@code name: 123} reads as {@code "123"}. */
    static String text(Node node, String path, Problems problems) {
        if (!allowed(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            problems.add(node, path, "expected a string, got " + describe(node));
            return null;
        }
        return scalar.getValue();
    }

    static Duration duration(Node node, String path, Bounds<Duration> bounds, Problems problems) {
        if (!allowed(node)) {
            return null;
        }
        Duration value = null;
        if (node.getTag().equals(Tag.INT)) {
            BigInteger seconds = toBig(construct((ScalarNode) node));
            // Any count too large for an int is far beyond every bound; clamp it so it reports as out of range.
            value = Duration.ofSeconds(seconds.max(BigInteger.valueOf(Integer.MIN_VALUE))
                    .min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue());
        }
        else if (node.getTag().equals(Tag.STR)) {
            value = Durations.parse(((ScalarNode) node).getValue());
        }
        if (value == null) {
            problems.add(node, path, Durations.EXPECTED + ", got " + describe(node));
            return null;
        }
        if (!bounds.contains(value)) {
            problems.add(node, path, bounds.outside(describe(node)));
            return null;
        }
        return value;
    }

    static Long size(Node node, String path, Bounds<Long> bounds, Problems problems) {
        if (!allowed(node)) {
            return null;
        }
        Long value = null;
        if (node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.STR)) {
            value = Sizes.parse(((ScalarNode) node).getValue().replace("_", ""));
        }
        if (value == null) {
            problems.add(node, path, Sizes.EXPECTED + ", got " + describe(node));
            return null;
        }
        if (!bounds.contains(value)) {
            problems.add(node, path, bounds.outside(describe(node)));
            return null;
        }
        return value;
    }

    /** One of a fixed set of words, ignoring case. */
    static <E> E choice(Node node, String path, Map<String, E> choices, Problems problems) {
        String text = text(node, path, problems);
        if (text == null) {
            return null;
        }
        E value = choices.get(text.toLowerCase(Locale.ROOT));
        if (value == null) {
            problems.add(node, path, "expected one of " + String.join(", ", choices.keySet()) + ", got "
                    + describe(node) + Hints.didYouMean(text, choices.keySet()));
        }
        return value;
    }

    private static BigInteger toBig(Object number) {
        return (number instanceof BigInteger big) ? big : BigInteger.valueOf(((Number) number).longValue());
    }

    /** Exposes SafeConstructor's YAML 1.1 scalar rules (bases, underscores, sexagesimal) for one node. */
    private static final class ScalarConstructor extends SafeConstructor {

        ScalarConstructor() {
            super(new LoaderOptions());
        }

        Object value(ScalarNode node) {
            return constructObject(node);
        }

    }

}
