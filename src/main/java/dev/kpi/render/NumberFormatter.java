package dev.kpi.render;

import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The one number formatter of the tool. Two jobs:
 * <ul>
 * <li>{@link #format(Object, Kind)}: the text a person reads in table and markdown views, by
 * {@link Kind}. Thousands separators are {@code ,} and the decimal mark is {@code .} whatever the
 * JVM locale. Rounding is half-even and for display only; the value itself is never changed.
 * <ul>
 * <li>MONEY: 2 decimals with the reporting currency, {@code $1,234.56}, {@code €1,234.56},
 * {@code £…}, {@code ¥…}, other codes after the number ({@code 1,234.56 CHF}), none when the report
 * has no currency; negatives as {@code -$12.00}.</li>
 * <li>PERCENT: the fraction × 100 with 2 decimals, {@code 12.50%}. A ratio with an interval shows
 * {@code 12.5% [8.1–18.2]} (1 decimal, interval bounds × 100).</li>
 * <li>MULTIPLE: 2 decimals and {@code ×}: {@code 4.20×}.</li>
 * <li>COUNT and QUANTITY: grouped, up to 2 decimals only when the value has them: {@code 1,234},
 * {@code 210.5}.</li>
 * <li>NUMBER, DAYS, MONTHS: 1 to 2 decimals: {@code 3.0}, {@code 14.25}.</li>
 * <li>BAR: {@value #BAR_WIDTH} block characters filled in proportion (clamped to 0–100 %), a space and
 * the percentage with 1 decimal: {@code ██████████░░░░░░░░░░ 50.0%}.</li>
 * <li>BOOLEAN: {@code yes}/{@code no}; DATE: ISO {@code yyyy-MM-dd}; TEXT: as is.</li>
 * <li>A ratio flagged low-sample gets a trailing {@code *}; the views print a legend for it.</li>
 * <li>null, a null ratio and a non-finite double all show as {@value #NULL}.</li>
 * </ul></li>
 * <li>{@link #plain(Number)}: the exact text of a number for machine formats (JSON, JSONL, CSV):
 * {@link BigDecimal#toPlainString()} (never scientific notation, never through a double), integers as
 * they are, finite doubles by their shortest decimal form, non-finite doubles as null.</li>
 * </ul>
 */
public final class NumberFormatter {
    /** What every absent value (null, null ratio, NaN) shows as in table and markdown views. */
    public static final String NULL = "—";
    /** Characters in a BAR cell's bar. */
    public static final int BAR_WIDTH = 20;

    private static final String FULL_BLOCK = "█";
    private static final String LIGHT_SHADE = "░";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final String currency;

    /** @param currency the reporting currency (ISO code) for MONEY values, or null for none */
    public NumberFormatter(String currency) {
        this.currency = currency == null || currency.isBlank() ? null : currency.trim().toUpperCase(Locale.ROOT);
    }

    /** The display text of a value in a column of {@code kind}. */
    public String format(Object value, Kind kind) {
        if (value == null) return NULL;
        if (value instanceof Ratio) return ratio((Ratio) value, kind);
        if (value instanceof String) return (String) value;
        if (value instanceof Boolean) return (Boolean) value ? "yes" : "no";
        if (value instanceof LocalDate) return value.toString();
        if (value instanceof Number) {
            BigDecimal d = decimal((Number) value);
            return d == null ? NULL : number(d, kind);
        }
        return String.valueOf(value);
    }

    private String ratio(Ratio r, Kind kind) {
        if (r.value() == null) return NULL;
        String text;
        if (kind == Kind.PERCENT && isFinite(r.ciLow()) && isFinite(r.ciHigh())) {
            text = percent(r.value(), 1) + " [" + intervalBound(r.ciLow()) + "–" + intervalBound(r.ciHigh()) + "]";
        } else {
            text = number(r.value(), kind);
        }
        return Boolean.TRUE.equals(r.lowSample()) ? text + "*" : text;
    }

    private String number(BigDecimal v, Kind kind) {
        switch (kind) {
            case MONEY: return money(v);
            case PERCENT: return percent(v, 2);
            case BAR: return bar(v);
            case MULTIPLE: return grouped(v, 2, 2) + "×";
            case COUNT: case QUANTITY: return grouped(v, 0, 2);
            case NUMBER: case DAYS: case MONTHS: return grouped(v, 1, 2);
            default: return v.toPlainString();
        }
    }

    /** An amount with 2 decimals and the currency of this formatter: {@code -$1,234.50}, {@code 12.00 CHF}. */
    public String money(BigDecimal amount) {
        BigDecimal r = amount.setScale(2, RoundingMode.HALF_EVEN);
        String sign = r.signum() < 0 ? "-" : "";
        String body = grouped(r.abs(), 2, 2);
        if (currency == null) return sign + body;
        String symbol = symbol(currency);
        return symbol != null ? sign + symbol + body : sign + body + " " + currency;
    }

    private static String symbol(String code) {
        switch (code) {
            case "USD": return "$";
            case "EUR": return "€";
            case "GBP": return "£";
            case "JPY": return "¥";
            default: return null;
        }
    }

    /** A fraction as a percentage with {@code decimals} decimals: 0.125 → {@code 12.50%} (2 decimals). */
    public static String percent(BigDecimal fraction, int decimals) {
        return grouped(fraction.movePointRight(2), decimals, decimals) + "%";
    }

    /** A proportional bar of {@value #BAR_WIDTH} blocks and the percentage with 1 decimal. */
    public static String bar(BigDecimal fraction) {
        BigDecimal clamped = fraction.max(BigDecimal.ZERO).min(BigDecimal.ONE);
        int filled = clamped.multiply(BigDecimal.valueOf(BAR_WIDTH)).setScale(0, RoundingMode.HALF_UP).intValue();
        return FULL_BLOCK.repeat(filled) + LIGHT_SHADE.repeat(BAR_WIDTH - filled) + " " + percent(fraction, 1);
    }

    /**
     * {@code v} rounded half-even to at most {@code maxDecimals}, keeping at least {@code minDecimals},
     * with {@code ,} between thousands: (1234567.891, 0, 2) → {@code 1,234,567.89}; (210.50, 0, 2) →
     * {@code 210.5}; (3, 1, 2) → {@code 3.0}.
     */
    public static String grouped(BigDecimal v, int minDecimals, int maxDecimals) {
        BigDecimal r = v.setScale(maxDecimals, RoundingMode.HALF_EVEN);
        if (minDecimals < maxDecimals) {
            BigDecimal s = r.stripTrailingZeros();
            r = s.setScale(Math.max(s.scale(), minDecimals), RoundingMode.UNNECESSARY);
        }
        String digits = r.abs().toPlainString();
        int dot = digits.indexOf('.');
        String intPart = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder sb = new StringBuilder(digits.length() + intPart.length() / 3 + 1);
        if (r.signum() < 0) sb.append('-');
        int lead = intPart.length() % 3 == 0 ? 3 : intPart.length() % 3;
        sb.append(intPart, 0, lead);
        for (int i = lead; i < intPart.length(); i += 3) sb.append(',').append(intPart, i, i + 3);
        if (dot >= 0) sb.append(digits, dot, digits.length());
        return sb.toString();
    }

    /**
     * The exact decimal text of a number for machine formats, or null when it has none (NaN,
     * infinities). Never scientific notation: {@code 1E+3} → {@code 1000}, {@code 0.30} stays
     * {@code 0.30}; doubles use their shortest round-trip form without trailing zeros (0.15 → 0.15).
     */
    public static String plain(Number n) {
        if (n == null) return null;
        if (n instanceof BigDecimal) return ((BigDecimal) n).toPlainString();
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            return n.toString();
        }
        BigDecimal d = decimal(n);
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    /** A number as an exact BigDecimal; null for non-finite doubles and floats. */
    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal) return (BigDecimal) n;
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof BigInteger) return new BigDecimal((BigInteger) n);
        if (n instanceof Float) {
            float f = n.floatValue();
            return Float.isFinite(f) ? new BigDecimal(Float.toString(f)) : null;
        }
        double d = n.doubleValue();
        return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }

    private static String intervalBound(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static boolean isFinite(Double d) {
        return d != null && Double.isFinite(d);
    }
}
