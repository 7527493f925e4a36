package dev.kpi.records;

import java.time.LocalDate;

/**
 * One row of an ad-platform export. Money and conversions are micros (see {@link Micros}); counts are
 * plain. {@code dateEnd} is set when the row covers a reporting period rather than one day (an export
 * without a time segment); it is null for a one-day row. {@code present} says which metric columns had a
 * value, so that a missing column yields no KPI instead of a zero.
 */
public record Spend(
        LocalDate date,
        LocalDate dateEnd,
        String platform,
        String channel,
        String campaign,
        String adGroup,
        String currency,
        long cost,
        long impressions,
        long clicks,
        long conversions,
        long conversionValue,
        long leads,
        int present) {

    public static final int COST = 1;
    public static final int IMPRESSIONS = 1 << 1;
    public static final int CLICKS = 1 << 2;
    public static final int CONVERSIONS = 1 << 3;
    public static final int CONVERSION_VALUE = 1 << 4;
    public static final int LEADS = 1 << 5;

    public boolean has(int flag) { return (present & flag) != 0; }

    public LocalDate lastDate() { return dateEnd == null ? date : dateEnd; }
}
