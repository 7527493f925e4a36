package dev.kpi.calc;

/**
 * A record whose period cannot be placed in the requested window or time bucket (an aggregate row that
 * spans months asked to split by month). The CLI reports it as bad input data (exit 3).
 */
public final class PeriodException extends RuntimeException {
    public PeriodException(String message) { super(message); }
}
