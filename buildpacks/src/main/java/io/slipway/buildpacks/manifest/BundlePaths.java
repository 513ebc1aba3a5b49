package io.slipway.buildpacks.manifest;

import java.util.ArrayDeque;
import java.util.Deque;

/** Checks and normalizes the relative paths a manifest uses to name files in its bundle. */
final class BundlePaths {

    private BundlePaths() {
    }

    /** Returns why a path cannot name a file inside the bundle, or null when it can. */
    static String problem(String path) {
        if (path.isEmpty()) {
            return "must not be empty";
        }
        if (path.indexOf('\0') >= 0 || path.chars().anyMatch(Character::isISOControl)) {
            return "must not contain control characters";
        }
        if (path.contains("\\")) {
            return "must use / as the separator, got " + Values.quote(path);
        }
        if (path.startsWith("/") || path.startsWith("~") || path.matches("[A-Za-z]:.*")) {
            return "must be relative to the bundle root, got " + Values.quote(path);
        }
        if (normalize(path) == null) {
            return "must stay inside the bundle, got " + Values.quote(path);
        }
        return null;
    }

    /** The path without {@code .}, {@code ..} and empty segments, {@code .} for the root, or null if it leaves it. */
    static String normalize(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            }
            else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return segments.isEmpty() ? "." : String.join("/", segments);
    }

}
