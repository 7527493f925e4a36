package dev.kpi.cli;

import picocli.CommandLine;

import java.math.BigDecimal;

/** A fraction given as {@code 0.8} or {@code 80%}; must lie in [0, 1]. */
public final class FractionConverter implements CommandLine.ITypeConverter<BigDecimal> {
    @Override
    public BigDecimal convert(String value) {
        String v = value.strip();
        try {
            BigDecimal d = v.endsWith("%") ? new BigDecimal(v.substring(0, v.length() - 1).strip()).movePointLeft(2) : new BigDecimal(v);
            if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not between 0 and 1 (or 0% and 100%)");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a fraction; use 0.8 or 80%");
        }
    }
}
