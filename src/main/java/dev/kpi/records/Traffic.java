package dev.kpi.records;

import java.time.LocalDate;

/**
 * One row of a web-analytics export (GA4 landing pages or traffic acquisition). {@code dateEnd} is set
 * when the row covers a reporting period rather than one day (an export without a date dimension covers
 * the range in its preamble). {@code channel} is the normalised channel of the sessions, derived from the
 * channel group or the source / medium; {@code source} keeps the raw source / medium. {@code conversions}
 * (GA4 key events) are micros, like {@link Spend#conversions()}. {@code present} says which metric
 * columns had a value, so a missing column yields no KPI instead of a zero.
 */
public record Traffic(
        LocalDate date,
        LocalDate dateEnd,
        String page,
        String channel,
        String source,
        String campaign,
        long sessions,
        long users,
        long engagedSessions,
        long conversions,
        int present) {

    public static final int SESSIONS = 1;
    public static final int USERS = 1 << 1;
    public static final int ENGAGED_SESSIONS = 1 << 2;
    public static final int CONVERSIONS = 1 << 3;

    public boolean has(int flag) { return (present & flag) != 0; }

    public LocalDate lastDate() { return dateEnd == null ? date : dateEnd; }
}
