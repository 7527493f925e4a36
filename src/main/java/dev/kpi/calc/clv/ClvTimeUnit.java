package dev.kpi.calc.clv;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The unit in which recency, T, model rates and horizons are measured ({@code --time-unit}).
 * A week is 7 days and a month is 365.25 / 12 = 30.4375 days, the length the issue fixes for
 * {@code --clv-months}. (lifetimes divides by {@code np.timedelta64(1, 'M')} for monthly summaries
 * and uses 4.345 weeks or 30 days per month in its CLV; kpi uses 365.25 / 12 days everywhere.)
 */
public enum ClvTimeUnit {
    DAY(1.0), WEEK(7.0), MONTH(365.25 / 12.0);

    private final double days;

    ClvTimeUnit(double days) { this.days = days; }

    /** Length of one unit in days. */
    public double days() { return days; }

    /** Converts a number of days to this unit. */
    public double fromDays(double d) { return d / days; }

    /** How many units make one month of 365.25 / 12 days (1 for MONTH, 4.348… for WEEK, 30.4375 for DAY). */
    public double perMonth() { return (365.25 / 12.0) / days; }

    /**
     * The calendar period containing {@code d}, as a consecutive integer index: the epoch day for DAY,
     * the ISO week (Monday to Sunday, as pandas' {@code 'W'} periods) for WEEK, the calendar month for
     * MONTH. Used by {@link RfmSummary.Grouping#PERIOD}.
     */
    public int periodIndex(LocalDate d) {
        long epochDay = d.toEpochDay();
        switch (this) {
            case DAY: return Math.toIntExact(epochDay);
            // 1970-01-01 is a Thursday; the Monday starting its week is epoch day -3.
            case WEEK: return Math.toIntExact(Math.floorDiv(epochDay + 3, 7));
            case MONTH: return Math.toIntExact(d.getYear() * 12L + d.getMonthValue() - 1);
            default: throw new AssertionError(this);
        }
    }

    public String json() { return name().toLowerCase(Locale.ROOT); }

    /** Parses {@code day|week|month} (also the pandas letters D, W, M), case-insensitive. */
    public static ClvTimeUnit parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "day": case "days": case "d": return DAY;
            case "week": case "weeks": case "w": return WEEK;
            case "month": case "months": case "m": return MONTH;
            default: throw new IllegalArgumentException("unknown time unit '" + s + "': use day, week or month");
        }
    }
}
