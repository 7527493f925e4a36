package dev.kpi.calc.funnel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps held as whole minutes since 1970-01-01T00:00 of the export's local time, in an {@code int}
 * (good until the year 6053): precise enough for lifecycle dates and half the memory of a {@code long}.
 * {@link #NONE} means no date.
 */
public final class Minutes {
    public static final int NONE = Integer.MIN_VALUE;
    public static final int PER_DAY = 1440;

    private Minutes() {}

    public static int of(LocalDateTime t) {
        if (t == null) return NONE;
        return (int) Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), 60L);
    }

    public static int of(LocalDate d) { return d == null ? NONE : (int) (d.toEpochDay() * PER_DAY); }

    /** The day a minute falls on; null for {@link #NONE}. */
    public static LocalDate day(int minutes) {
        return minutes == NONE ? null : LocalDate.ofEpochDay(Math.floorDiv(minutes, PER_DAY));
    }
}
