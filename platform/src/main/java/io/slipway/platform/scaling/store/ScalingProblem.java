package io.slipway.platform.scaling.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a scaling update was refused, and the field it is about ({@code minInstances}, {@code schedule[0].cron},
 * or {@code schedule} for a rule over the whole schedule), so a form can show it next to that field.
 *
 * @param message the rule broken, starting with the field, as in {@code maxInstances must be >= minInstances (9)}
 */
public record ScalingProblem(String field, String message) {

    private static final Pattern FIELD = Pattern.compile("^([A-Za-z]+(?:\\[\\d+\\])?(?:\\.[A-Za-z]+)?)");

    /** The problem a check threw; the field is the path its message starts with. */
    public static ScalingProblem of(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "invalid value" : e.getMessage();
        Matcher m = FIELD.matcher(message);
        return new ScalingProblem(m.find() ? m.group(1) : "", message);
    }

    /** The top-level field of the update this is about: {@code schedule} for {@code schedule[0].cron}. */
    public String updateField() {
        int end = field.length();
        for (char c : new char[] {'[', '.'}) {
            int i = field.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return field.substring(0, end);
    }
}
