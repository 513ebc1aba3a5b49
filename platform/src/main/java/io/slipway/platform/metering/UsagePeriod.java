package io.slipway.platform.metering;

import io.slipway.platform.web.BadRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The period of a usage query: {@code from} and {@code to} as an instant
 * ({@code 2026-11-29T08:00:00Z}), a day ({@code 2026-11-29}, its start) or a month
 * ({@code 2026-11}, its start); by default from the start of this month until now.
 */
record UsagePeriod(Instant from, Instant to) {

    static final Duration LONGEST = Duration.ofDays(3660);

    static UsagePeriod parse(String from, String to, Instant now, ZoneId zone) {
        Instant start = from == null || from.isBlank() ? YearMonth.from(now.atZone(zone)).atDay(1).atStartOfDay(zone)
                .toInstant() : instant("from", from, zone);
        Instant end = to == null || to.isBlank() ? now : instant("to", to, zone);
        if (!start.isBefore(end)) {
            throw new BadRequestException("from (" + start + ") must be before to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new BadRequestException("a usage period may span at most 10 years");
        }
        return new UsagePeriod(start, end);
    }

    private static Instant instant(String name, String value, ZoneId zone) {
        if (value.length() > 40) {
            throw new BadRequestException(name + " is too long to be a date");
        }
        try {
            if (value.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(value).atDay(1).atStartOfDay(zone).toInstant();
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an instant (2026-11-29T08:00:00Z), a day (2026-11-29) "
                    + "or a month (2026-11), got '" + value.replaceAll("[^\\x20-\\x7e]", "?") + "'");
        }
    }
}
