package dev.kpi.input.value;

import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Set;

/**
 * How to read the day and the month of a numeric date whose year comes last, such as {@code 5/9/2026}.
 * Dates whose four-digit year comes first ({@code 2025-01-14}, {@code 2025/01/22}) are always year-month-day, and dates
 * with dots ({@code 5.9.2026}) are always day.month.year, whatever the order.
 */
public enum DateOrder {
    /** Month first: {@code 5/9/2026} is 9 May 2026 (United States, Philippines). */
    MDY,
    /** Day first: {@code 5/9/2026} is 5 September 2026 (most of the world). */
    DMY,
    /**
     * Year first (ISO; China, Japan, Korea, Canada, Sweden, Hungary…). Such locales rarely write the year last, so a
     * {@code 5/9/2026} is read only when it is unambiguous ({@code 1/22/2025}, {@code 22/1/2025}, {@code 5/5/2026}) and
     * is an error otherwise. A null order behaves the same.
     */
    YMD;

    /** Countries that write month/day/year although CLDR's short pattern for their English says otherwise. */
    private static final Set<String> MONTH_FIRST_COUNTRIES =
            Set.of("US", "PH", "PR", "GU", "VI", "AS", "MP", "UM", "FM", "MH", "PW");

    /**
     * The order of a locale: MDY for the United States and the Philippines (and US territories), otherwise the order
     * of the fields in the JDK's CLDR short date pattern: {@code en} ("M/d/yy") MDY, {@code en-GB}, {@code de},
     * {@code nl}, {@code fr}, {@code ro}… DMY, {@code en-CA}, {@code sv}, {@code zh}, {@code ja}, {@code ko} YMD.
     * A null locale gives YMD (no guess).
     */
    public static DateOrder forLocale(Locale l) {
        if (l == null) return YMD;
        if (MONTH_FIRST_COUNTRIES.contains(l.getCountry())) return MDY;
        // English without a country is CLDR's M/d/yy (DateOrderTest checks): no locale data to load
        if (l.getLanguage().equals("en") && l.getCountry().isEmpty()) return MDY;
        String p = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.SHORT, null, IsoChronology.INSTANCE, l);
        DateOrder o = ofPattern(p);
        return o == null ? DMY : o;
    }

    /** The order of the day, month and year letters of a java.time pattern (outside quotes), or null without d and M. */
    static DateOrder ofPattern(String pattern) {
        int y = -1, m = -1, d = -1;
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if ((c == 'y' || c == 'u') && y < 0) y = i;
            if ((c == 'M' || c == 'L') && m < 0) m = i;
            if (c == 'd' && d < 0) d = i;
        }
        if (m < 0 || d < 0) return null;
        if (y >= 0 && y < m && y < d) return YMD;
        return m < d ? MDY : DMY;
    }
}
