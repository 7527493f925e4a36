package dev.kpi.cli;

import picocli.CommandLine;

import java.math.BigDecimal;
import java.util.Locale;

/** A duration in seconds: {@code 90s}, {@code 3m} (a bare number is minutes), {@code 1h}, {@code 2d}. */
public final class SecondsConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        long unit = 60;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        switch (last) {
            case 's': unit = 1; break;
            case 'm': unit = 60; break;
            case 'h': unit = 3600; break;
            case 'd': unit = 86400; break;
            default: last = 0; break;
        }
        if (last != 0) v = v.substring(0, v.length() - 1).strip();
        try {
            BigDecimal n = new BigDecimal(v).multiply(BigDecimal.valueOf(unit));
            if (n.signum() <= 0) throw new NumberFormatException();
            return n.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; use e.g. 90s, 3m, 1h or 2d");
        }
    }
}
