package dev.kpi.cli;

import picocli.CommandLine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Parses date options: an ISO date, or a month ({@code YYYY-MM}) that means the whole month: its first
 * day where a period starts ({@code --from}) and its last day where one ends ({@code --to},
 * {@code --as-of}, {@code --holdout-to}), so {@code --from 2025-07 --to 2025-09} is the full quarter.
 */
public class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    private final boolean end;

    public DateConverter() { this(false); }

    protected DateConverter(boolean end) { this.end = end; }

    /** For options that end a period: a month means its last day. */
    public static final class End extends DateConverter {
        public End() { super(true); }
    }

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                YearMonth m = YearMonth.parse(value.strip());
                return end ? m.atEndOfMonth() : m.atDay(1);
            } catch (DateTimeParseException e2) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date; use YYYY-MM-DD, e.g. 2025-01-31"
                        + " (or YYYY-MM for a whole month)");
            }
        }
    }
}
