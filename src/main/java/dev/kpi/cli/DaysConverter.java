package dev.kpi.cli;

import picocli.CommandLine;

import java.util.Locale;

/** A number of days: {@code 365d}, {@code 365} or {@code 52w}. */
public final class DaysConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int factor = 1;
        if (v.endsWith("d")) {
            v = v.substring(0, v.length() - 1);
        } else if (v.endsWith("w")) {
            v = v.substring(0, v.length() - 1);
            factor = 7;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n <= 0 || n > 36500) throw new NumberFormatException();
            return n * factor;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number of days; use e.g. 365d, 90d or 12w");
        }
    }
}
