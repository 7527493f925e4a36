package dev.kpi.records;

import java.time.LocalDate;

/**
 * A line of a finance sheet: salaries, tools, agencies. {@code dateEnd} is set when the row is a month
 * (or another period) rather than a day. {@code channel} is optional: an agency fee for one channel can
 * carry it so it counts toward that channel's cost.
 */
public record Cost(
        LocalDate date,
        LocalDate dateEnd,
        Team team,
        String category,
        String channel,
        String currency,
        long amount) {

    public LocalDate lastDate() { return dateEnd == null ? date : dateEnd; }
}
