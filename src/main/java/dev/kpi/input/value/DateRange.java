package dev.kpi.input.value;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A reporting period, both ends included, as found in a report preamble. */
public record DateRange(LocalDate start, LocalDate end) {
    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) throw new IllegalArgumentException("range ends before it starts: " + start + ".." + end);
    }

    /** True when {@code date} lies in the period, ends included. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** Number of days in the period, ends included (a one-day range has 1). */
    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }
}
