package io.slipway.buildpacks.manifest;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions for misspelt keys and values. */
final class Hints {

    private Hints() {
    }

    /** The message for a key that its mapping does not know. */
    static String unknownField(String name, List<String> known) {
        String closest = closest(name, known);
        if (closest != null) {
            return "unknown field (did you mean \"" + closest + "\"?)";
        }
        String home = Schema.home(name, known);
        if (home != null) {
            return "unknown field here; " + name + " belongs " + home;
        }
        return "unknown field; expected one of " + String.join(", ", known);
    }

    /** {@code  (did you mean "onnx"?)} when a candidate is close, else an empty string. */
    static String didYouMean(String value, Collection<String> candidates) {
        String closest = closest(value, candidates);
        return (closest != null) ? " (did you mean \"" + closest + "\"?)" : "";
    }

    /** The candidate within a small edit distance of {@code value}, ignoring case, or null. */
    static String closest(String value, Collection<String> candidates) {
        String lower = value.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, value.length() / 3));
        String best = null;
        int bestDistance = allowed + 1;
        for (String candidate : candidates) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT), bestDistance);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * Edit distance counting an insertion, deletion, substitution or swap of neighbours as one
     * (optimal string alignment), capped at {@code limit}.
     */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit || a.length() > 100 || b.length() > 100) {
            return limit;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return Math.min(d[a.length()][b.length()], limit);
    }

}
