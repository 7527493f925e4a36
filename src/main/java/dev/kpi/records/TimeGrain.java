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
            case WEEK: return weekKey(d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH: return monthKey(d.getYear(), d.getMonthValue());
            case QUARTER: return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
            case YEAR: return Integer.toString(d.getYear());
            default: throw new AssertionError(this);
        }
    }

    /**
     * {@code String.format("%d-W%02d", year, week)} without the formatter: this runs once per input row.
     * Week is 1..53, so two digits always suffice.
     */
    static String weekKey(int year, int week) {
        StringBuilder sb = new StringBuilder(8).append(year).append("-W");
        if (week < 10) sb.append('0');
        return sb.append(week).toString();
    }

    /** {@code String.format("%04d-%02d", year, month)} without the formatter; month is 1..12. */
    static String monthKey(int year, int month) {
        if (year < 0 || year > 9999) return String.format(Locale.ROOT, "%04d-%02d", year, month); // sign and width rules
        char[] c = new char[7];
        c[0] = (char) ('0' + year / 1000);
        c[1] = (char) ('0' + year / 100 % 10);
        c[2] = (char) ('0' + year / 10 % 10);
        c[3] = (char) ('0' + year % 10);
        c[4] = '-';
        c[5] = (char) ('0' + month / 10);
        c[6] = (char) ('0' + month % 10);
        return new String(c);
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
