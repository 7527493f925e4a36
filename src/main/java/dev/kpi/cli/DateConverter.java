package dev.kpi.cli;

import picocli.CommandLine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Parses {@code --from}/{@code --to}: an ISO date, or a month (YYYY-MM) meaning its first day. */
public final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return YearMonth.parse(value.strip()).atDay(1);
            } catch (DateTimeParseException e2) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date; use YYYY-MM-DD, e.g. 2025-01-31");
            }
        }
    }
}
