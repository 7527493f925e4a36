package dev.kpi.records;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of a pre-aggregated path table (the format of the R/Python package ChannelAttribution): the
 * channels of a path in order, how many journeys on it converted, their total conversion value (exact,
 * null when the table has no value column or the cell is empty) and how many did not convert
 * ({@code nulls}). An empty path holds conversions that had no touch.
 */
public record PathRow(List<String> path, long conversions, BigDecimal value, long nulls) {
    public PathRow {
        path = List.copyOf(path);
    }
}
