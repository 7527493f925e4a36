package dev.kpi.records;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** Calendar buckets used by {@code --by month|quarter|year|week|day}. Keys sort as text in time order. */
public enum TimeGrain {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    public String key(LocalDate d) {
        switch (this) {
            case DAY: return d.toString();
            case WEEK: return String.format(Locale.ROOT, "%d-W%02d",
                    d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH: return String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
            case QUARTER: return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
            case YEAR: return Integer.toString(d.getYear());
            default: throw new AssertionError(this);
        }
    }

    public LocalDate start(LocalDate d) {
        switch (this) {
            case DAY: return d;
            case WEEK: return d.minusDays(d.getDayOfWeek().getValue() - 1L);
            case MONTH: return d.withDayOfMonth(1);
            case QUARTER: return LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR: return LocalDate.of(d.getYear(), 1, 1);
            default: throw new AssertionError(this);
        }
    }

    public LocalDate end(LocalDate d) {
        switch (this) {
            case DAY: return d;
            case WEEK: return start(d).plusDays(6);
            case MONTH: return d.withDayOfMonth(d.lengthOfMonth());
            case QUARTER: return start(d).plusMonths(3).minusDays(1);
            case YEAR: return LocalDate.of(d.getYear(), 12, 31);
            default: throw new AssertionError(this);
        }
    }

    public String json() { return name().toLowerCase(Locale.ROOT); }
}
