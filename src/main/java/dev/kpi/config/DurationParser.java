package dev.kpi.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Durations as users write them: a whole number with a unit, {@code 90d} (days), {@code 12w} (weeks),
 * {@code 36h} (hours), or an ISO-8601 duration such as {@code P90D} or {@code PT12H}. Months are not
 * accepted (their length varies); write days. Zero and negative durations are rejected.
 */
public final class DurationParser {
    private DurationParser() {}

    /** The duration, or an {@link IllegalArgumentException} saying what is accepted. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty duration; write e.g. 90d, 12w or 36h");
        String s = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        if (s.startsWith("p")) {
            try {
                d = Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 90d, 12w, 36h or P90D");
            }
        } else {
            if (!s.matches("\\d{1,6}\\s*(d|day|days|w|week|weeks|h|hour|hours)")) {
                throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 90d, 12w or 36h"
                        + (s.matches("\\d+\\s*(m|mo|month|months)") ? " (months vary in length: write days, e.g. 90d)" : ""));
            }
            long n = Long.parseLong(s.replaceAll("\\D", ""));
            char unit = s.replaceAll("[\\d\\s]", "").charAt(0);
            d = unit == 'd' ? Duration.ofDays(n) : unit == 'w' ? Duration.ofDays(7 * n) : Duration.ofHours(n);
        }
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException("'" + text + "' must be a positive duration");
        return d;
    }

    /** {@code 90d}, {@code 12w}, {@code 36h} or ISO for other lengths: the short form of a duration. */
    public static String format(Duration d) {
        if (d.toSeconds() % 86_400 == 0 && d.getNano() == 0) {
            long days = d.toDays();
            return days % 7 == 0 && days >= 7 ? days / 7 + "w" : days + "d";
        }
        if (d.toSeconds() % 3600 == 0 && d.getNano() == 0) return d.toHours() + "h";
        return d.toString();
    }
}
