package io.slipway.buildpacks.manifest;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates cron expressions in Spring's six-field format with cron-utils' Spring 5.3 definition
 * (fields, ranges, names, {@code * ? / , -}, {@code L W #}, macros such as {@code @daily}), plus
 * the few checks where cron-utils is more lenient than Spring's {@code CronExpression}: reversed
 * ranges such as {@code FRI-MON}, {@code #0} and a bare {@code L} day of week.
 */
final class CronCheck {

    static final String FORMAT = "expected six fields \"second minute hour day-of-month month day-of-week\","
            + " e.g. \"0 0 8 * * MON-FRI\"";

    private static final CronParser PARSER = new CronParser(
            CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    private static final List<String> FIELDS = List.of("second", "minute", "hour", "day-of-month", "month",
            "day-of-week");

    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");

    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private static final Pattern RANGE = Pattern.compile("([0-9A-Z]+)-([0-9A-Z]+)");

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private CronCheck() {
    }

    /** Returns why an expression is invalid, or null when it is valid. */
    static String problem(String expression) {
        String trimmed = expression.strip();
        if (trimmed.isEmpty()) {
            return "must not be empty; " + FORMAT;
        }
        if (trimmed.length() > Limits.MAX_CRON_LENGTH) {
            return "must be at most " + Limits.MAX_CRON_LENGTH + " characters";
        }
        String[] fields = trimmed.split("\\s+");
        if (!trimmed.startsWith("@") && fields.length != FIELDS.size()) {
            return "invalid cron expression " + Values.quote(expression) + " (" + fields.length + " fields); " + FORMAT;
        }
        String detail = CONTROL.matcher(trimmed).find() ? "control characters" : libraryProblem(trimmed);
        if (detail == null && !trimmed.startsWith("@")) {
            detail = springProblem(fields);
        }
        return (detail != null) ? "invalid cron expression " + Values.quote(expression) + " (" + detail + "); " + FORMAT
                : null;
    }

    private static String libraryProblem(String expression) {
        try {
            PARSER.parse(expression).validate();
            return null;
        }
        catch (RuntimeException ex) {
            String message = String.valueOf(ex.getMessage()).replace("Failed to parse cron expression. ", "");
            Matcher chars = Pattern.compile("Invalid chars in expression! Expression: (\\S*).*").matcher(message);
            if (chars.matches()) {
                return "invalid characters in " + Values.quote(chars.group(1));
            }
            message = message.replaceAll("[!.]+$", "");
            return message.isEmpty() ? "invalid" : Character.toLowerCase(message.charAt(0)) + message.substring(1);
        }
    }

    private static String springProblem(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            boolean dayOfWeek = i == 5;
            for (String part : fields[i].toUpperCase(Locale.ROOT).split(",")) {
                String base = part.contains("/") ? part.substring(0, part.indexOf('/')) : part;
                if (dayOfWeek && base.equals("L")) {
                    return "a bare L is not a day of week; write e.g. 5L for the last Friday";
                }
                if (dayOfWeek && base.endsWith("#0")) {
                    return "#0 is not an occurrence; write #1 to #5";
                }
                Matcher range = RANGE.matcher(base);
                if (range.matches() && !base.startsWith("L")) {
                    int low = value(range.group(1), i);
                    int high = value(range.group(2), i);
                    if (dayOfWeek && low == 7) {
                        low = 0;
                    }
                    if (low > high) {
                        return "the range " + base + " in the " + FIELDS.get(i) + " field is reversed";
                    }
                }
            }
        }
        return null;
    }

    private static int value(String token, int field) {
        List<String> names = (field == 4) ? MONTHS : (field == 5) ? DAYS : List.of();
        int index = names.indexOf(token);
        if (index >= 0) {
            return index + 1;
        }
        return token.chars().allMatch(Character::isDigit) && token.length() < 6 ? Integer.parseInt(token) : 0;
    }

}
