package io.slipway.buildpacks.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns an archive entry name into a safe, normalized path relative to the bundle root
 * ({@code a/b/c}, no {@code .}, {@code ..} or empty segments), or rejects it naming the entry.
 */
final class EntryPaths {

    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private static final int MAX_LINK_TARGET = 4096;

    private EntryPaths() {
    }

    /**
     * Checks and normalizes an entry name.
     * @return the normalized relative path; empty for the root itself ({@code ./})
     */
    static String check(String name, BundleLimits limits) {
        String problem = syntax(name);
        if (problem != null) {
            throw new BundleException(name, problem);
        }
        if (name.startsWith("/")) {
            throw new BundleException(name, "absolute path");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw new BundleException(name, "path leaves the bundle");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        String path = String.join("/", segments);
        if (path.length() > limits.maxPathLength()) {
            throw new BundleException(name, "path longer than " + limits.maxPathLength() + " characters");
        }
        if (segments.size() > limits.maxDepth()) {
            throw new BundleException(name, "path nested deeper than " + limits.maxDepth() + " levels");
        }
        return path;
    }

    /**
     * Resolves a link's target to a normalized path relative to the bundle root. A symbolic link's
     * target is relative to the folder holding the link; a hard link's to the archive root.
     */
    static String linkTarget(String name, String linkPath, String target, boolean hard) {
        if (target == null || target.isEmpty()) {
            throw new BundleException(name, "link has no target");
        }
        if (target.length() > MAX_LINK_TARGET || syntax(target) != null) {
            throw new BundleException(name, "link target \"" + BundleException.printable(target)
                    + "\" is not a valid path");
        }
        if (target.startsWith("/")) {
            throw new BundleException(name, "link target \"" + target + "\" leaves the bundle");
        }
        List<String> resolved = new ArrayList<>();
        if (!hard) {
            String[] own = linkPath.split("/");
            resolved.addAll(List.of(own).subList(0, own.length - 1));
        }
        for (String segment : target.split("/")) {
            if (segment.equals("..")) {
                if (resolved.isEmpty()) {
                    throw new BundleException(name, "link target \"" + target + "\" leaves the bundle");
                }
                resolved.remove(resolved.size() - 1);
            }
            else if (!segment.isEmpty() && !segment.equals(".")) {
                resolved.add(segment);
            }
        }
        return String.join("/", resolved);
    }

    /** What is wrong with the characters of a name or link target, or null. */
    private static String syntax(String name) {
        if (name.isEmpty()) {
            return "empty name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == 0) {
                return "NUL character in the name";
            }
            if (c < 0x20 || c == 0x7f) {
                return "control character in the name";
            }
        }
        if (name.indexOf('\\') >= 0) {
            return "backslash in the name (Windows path)";
        }
        if (WINDOWS_DRIVE.matcher(name).matches()) {
            return "Windows drive path";
        }
        return null;
    }

}
