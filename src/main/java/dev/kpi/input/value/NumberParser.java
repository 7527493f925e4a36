package dev.kpi.input.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Reads number cells (counts, decimals, rates) written with the separators of one {@link NumberLocale}.
 *
 * <h2>Accepted form</h2>
 * Blanks around the cell are ignored (space, tab, no-break spaces, a stray BOM). A number is an optional sign
 * ({@code -}, {@code +}, or the minus sign U+2212) or enclosing parentheses meaning negative ({@code (123.45)}, as
 * accountants write it), then digits with optional thousands separators, then optionally the decimal separator and at
 * least one digit ({@code .5} is accepted, {@code 5.} is not).
 *
 * <h2>Thousands separators</h2>
 * They are accepted only in valid positions, and this is what catches a wrong locale: groups of three after a first
 * group of one to three digits ({@code 1,234,567}), or, under POINT with commas, the Indian grouping with groups of
 * two and a final group of three ({@code 12,34,567}); one kind of separator per number (all blanks count as one kind); no leading zero group
 * ({@code 0,123}). So under POINT {@code 1,5}, {@code 0,00} and {@code 1575,24} are errors ("misplaced thousands
 * separator") and {@code 1.234,56} is an error too; under COMMA {@code 1.5} and {@code 1,234.56} are errors.
 * What cannot be caught is the truly ambiguous cell: {@code 1.696} is 1.696 under POINT and 1696 under COMMA, and
 * {@code 1,234} is 1234 under POINT and 1.234 under COMMA. The locale decides, which is why it must be known per
 * file ({@link NumberLocale#infer}, the header language, or config).
 *
 * <h2>Scientific notation</h2>
 * {@code 1e-05}, {@code 1.5E+3} (mantissa with the locale's decimal separator, no thousands separators, at most three
 * exponent digits) is accepted by {@link #parseMicros}, {@link #parseDecimal} and {@link #parseRateMicros}: programs
 * such as pandas write small ratios that way. It is rejected ("scientific notation") by {@link #parseCount} and by
 * {@link MoneyParser}: a count or an amount in that form is a spreadsheet's display of a large number whose digits were
 * dropped ({@code 1.20253E+17}), and reading it would invent digits.
 *
 * <h2>Rounding and range</h2>
 * Micros keep six decimals; further digits are rounded half-even, like {@link dev.kpi.records.Micros#of}. Values
 * whose micros do not fit a {@code long} (above about 9.2 trillion) are errors ("number out of range").
 *
 * <h2>Placeholders</h2>
 * Callers check {@link #isMissing} first; the parse methods throw for placeholders with reason "empty" or
 * "no value (placeholder)".
 *
 * <p>Instances are immutable and thread-safe. The valid path allocates nothing but the result (parseDecimal
 * allocates its BigDecimal).
 */
public final class NumberParser {
    static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L
    };

    /** Placeholder texts, compared trimmed and ignoring case. None starts with a digit. */
    private static final String[] PLACEHOLDERS = {
        "--", "-", "\u2014", "\u2013", "N/A", "NA", "null", "(not set)", "No data available.", "No data available",
        "< 10%", "<10%", "> 90%", ">90%", "\u221E", "#N/A", "#DIV/0!", "NaN"
    };

    private static final int MICROS_DIGITS = 6;
    private static final int PERCENT_MICROS_DIGITS = 4; // x % = x / 100, so micros of the fraction = x * 10^4

    private final NumberLocale locale;

    public NumberParser(NumberLocale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    public NumberLocale locale() {
        return locale;
    }

    /**
     * True for cells that mean "no value": null, empty or blank, and (trimmed, ignoring case) {@code --},
     * {@code " --"}, {@code -}, em and en dash, {@code N/A}, {@code NA}, {@code null}, {@code (not set)},
     * {@code No data available.}, {@code < 10%}, {@code > 90%} (Google's impression-share bounds, with or without the
     * space), {@code ∞}, and the spreadsheet leftovers {@code #N/A}, {@code #DIV/0!}, {@code NaN}.
     */
    public static boolean isMissing(CharSequence raw) {
        if (raw == null) return true;
        int from = Spaces.skip(raw, 0, raw.length());
        int to = Spaces.skipBack(raw, from, raw.length());
        if (from == to) return true;
        char c = raw.charAt(from);
        if (c >= '0' && c <= '9') return false;
        for (String p : PLACEHOLDERS) {
            if (Spaces.equalsIgnoreCase(raw, from, to, p)) return true;
        }
        return false;
    }

    /**
     * A whole count: {@code 1,234} is 1234 under POINT, {@code 1.234} is 1234 under COMMA; {@code 18533}, {@code -5}.
     * A fraction that is zero is allowed ({@code 12.0}, {@code 12,00} give 12); any other fraction is an error
     * ("not a whole number"), as is scientific notation.
     */
    public long parseCount(CharSequence raw) throws ValueException {
        try {
            long span = body(raw, false);
            int from = spanFrom(span);
            int to = spanTo(span);
            long shape = validate(raw, from, to, false);
            long v = scaled(raw, from, to, decimalAt(shape), 0, true);
            return spanNegative(span) ? -v : v;
        } catch (ValueException e) {
            throw explain(raw, e);
        }
    }

    /**
     * A decimal number in micros (millionths): {@code 45.50} gives 45_500_000, {@code (123.45)} gives -123_450_000.
     * Digits after the sixth decimal are rounded half-even.
     */
    public long parseMicros(CharSequence raw) throws ValueException {
        try {
            return micros(raw, false, MICROS_DIGITS);
        } catch (ValueException e) {
            throw explain(raw, e);
        }
    }

    /** A decimal number exactly as written, scale kept: {@code 45.50} gives 45.50, {@code 1e-05} gives 0.00001. */
    public BigDecimal parseDecimal(CharSequence raw) throws ValueException {
        try {
            long span = body(raw, false);
            int from = spanFrom(span);
            int to = spanTo(span);
            long shape = validate(raw, from, to, true);
            BigDecimal d = toBigDecimal(raw, from, to, shape);
            return spanNegative(span) ? d.negate() : d;
        } catch (ValueException e) {
            throw explain(raw, e);
        }
    }

    /**
     * A rate in micros of the fraction: {@code 12.5%} gives 125_000 (0.125), {@code 0,341%} under COMMA gives 3_410.
     * A cell without {@code %} is the fraction as written ({@code 0.62019} gives 620_190), unless
     * {@code bareIsPercent} says the column holds percentages without the sign (Microsoft's {@code CTR (%)}); then
     * {@code 12.5} gives 125_000. A blank before the sign ({@code 12,5 %}) and negative rates are accepted.
     */
    public long parseRateMicros(CharSequence raw, boolean bareIsPercent) throws ValueException {
        try {
            return micros(raw, true, bareIsPercent ? PERCENT_MICROS_DIGITS : MICROS_DIGITS);
        } catch (ValueException e) {
            throw explain(raw, e);
        }
    }

    private long micros(CharSequence raw, boolean allowPercent, int bareDigits) throws ValueException {
        long span = body(raw, allowPercent);
        int from = spanFrom(span);
        int to = spanTo(span);
        int keep = spanPercent(span) ? PERCENT_MICROS_DIGITS : bareDigits;
        long shape = validate(raw, from, to, true);
        long v;
        if (exponentAt(shape) < 0) {
            v = scaled(raw, from, to, decimalAt(shape), keep, false);
        } else {
            v = scaledBig(toBigDecimal(raw, from, to, shape), keep);
        }
        return spanNegative(span) ? -v : v;
    }

    /** Replaces the reason for placeholder cells, which fail for a different reason than malformed numbers. */
    static ValueException explain(CharSequence raw, ValueException e) {
        if (raw == null || Spaces.skip(raw, 0, raw.length()) == raw.length()) return new ValueException("empty");
        if (isMissing(raw)) return new ValueException("no value (placeholder)");
        return e;
    }

    // ---- the number body: sign, parentheses, percent -------------------------------------------------------------

    /**
     * Trims the cell and removes the sign, enclosing parentheses and (when allowed) a trailing {@code %}; returns the
     * remaining span packed as from (bits 0-30), to (bits 31-61), negative (bit 62), percent (bit 63).
     */
    private static long body(CharSequence s, boolean allowPercent) throws ValueException {
        if (s == null) throw new ValueException("empty");
        int from = Spaces.skip(s, 0, s.length());
        int to = Spaces.skipBack(s, from, s.length());
        if (from == to) throw new ValueException("empty");
        boolean negative = false;
        boolean percent = false;
        if (allowPercent && s.charAt(to - 1) == '%') {
            percent = true;
            to = Spaces.skipBack(s, from, to - 1);
        }
        if (from < to && s.charAt(from) == '(') {
            if (s.charAt(to - 1) != ')') throw notANumber();
            negative = true;
            from = Spaces.skip(s, from + 1, to - 1);
            to = Spaces.skipBack(s, from, to - 1);
            if (allowPercent && !percent && from < to && s.charAt(to - 1) == '%') {
                percent = true;
                to = Spaces.skipBack(s, from, to - 1);
            }
        }
        if (from < to && isSign(s.charAt(from))) {
            if (negative) throw notANumber();
            negative = s.charAt(from) != '+';
            from++;
        }
        if (from >= to) throw notANumber();
        return pack(from, to, negative, percent);
    }

    static boolean isSign(char c) {
        return c == '-' || c == '+' || c == '\u2212';
    }

    static long pack(int from, int to, boolean negative, boolean percent) {
        return (long) from | ((long) to << 31) | (negative ? 1L << 62 : 0L) | (percent ? 1L << 63 : 0L);
    }

    static int spanFrom(long span) {
        return (int) (span & 0x7FFF_FFFFL);
    }

    static int spanTo(long span) {
        return (int) ((span >>> 31) & 0x7FFF_FFFFL);
    }

    static boolean spanNegative(long span) {
        return (span & (1L << 62)) != 0;
    }

    static boolean spanPercent(long span) {
        return (span & (1L << 63)) != 0;
    }

    // ---- validation ----------------------------------------------------------------------------------------------

    /**
     * Checks that s[from, to) is an unsigned number in this locale and returns where its decimal separator and
     * exponent marker are, packed as (decimalAt + 1) | (exponentAt + 1) << 32 (0 meaning absent).
     */
    long validate(CharSequence s, int from, int to, boolean allowExponent) throws ValueException {
        final char decimal = locale.decimal();
        int sepKind = 0;
        int group = 0;
        int firstGroup = 0;
        int separators = 0;
        boolean middleThrees = true;
        boolean middleTwos = true;
        int digits = 0;
        int decimalAt = -1;
        int exponentAt = -1;
        int i = from;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                group++;
                digits++;
            } else if (c == decimal) {
                decimalAt = i;
                break;
            } else if (c == 'e' || c == 'E') {
                exponentAt = i;
                break;
            } else if (locale.isGrouping(c)) {
                int kind = separatorKind(c);
                if (group == 0) throw misplaced();
                if (sepKind == 0) {
                    sepKind = kind;
                    firstGroup = group;
                } else {
                    if (kind != sepKind) throw misplaced();
                    if (group != 3) middleThrees = false;
                    if (group != 2) middleTwos = false;
                }
                separators++;
                group = 0;
            } else {
                throw notANumber();
            }
        }
        if (sepKind != 0) {
            boolean western = firstGroup <= 3 && middleThrees;
            boolean indian = locale == NumberLocale.POINT && sepKind == 3 && separators >= 2 && firstGroup <= 2
                    && middleTwos;
            if (group != 3 || !(western || indian) || s.charAt(from) == '0') throw misplaced();
        }
        int fraction = 0;
        if (decimalAt >= 0) {
            for (i = decimalAt + 1; i < to; i++) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    fraction++;
                } else if (c == 'e' || c == 'E') {
                    exponentAt = i;
                    break;
                } else if (c == decimal) {
                    throw new ValueException("more than one decimal separator");
                } else if (locale.isGrouping(c)) {
                    throw new ValueException("thousands separator after the decimal separator (wrong number locale?)");
                } else {
                    throw notANumber();
                }
            }
            if (fraction == 0) throw notANumber();
        }
        if (digits + fraction == 0) throw notANumber();
        if (exponentAt >= 0) {
            if (!allowExponent) throw new ValueException("scientific notation (digits may have been lost)");
            if (sepKind != 0) throw notANumber();
            i = exponentAt + 1;
            if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int expDigits = 0;
            for (; i < to; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') throw notANumber();
                expDigits++;
            }
            if (expDigits == 0) throw notANumber();
            if (expDigits > 3) throw outOfRange();
        }
        return (decimalAt + 1) | ((long) (exponentAt + 1) << 32);
    }

    /** Blanks are one kind of separator, apostrophes another, the locale's own separator a third. */
    private static int separatorKind(char c) {
        if (c == '\'' || c == '\u2019') return 2;
        if (Spaces.isSpace(c)) return 1;
        return 3;
    }

    static int decimalAt(long shape) {
        return (int) (shape & 0xFFFF_FFFFL) - 1;
    }

    static int exponentAt(long shape) {
        return (int) (shape >>> 32) - 1;
    }

    // ---- conversion ----------------------------------------------------------------------------------------------

    /**
     * The validated, unsigned, exponent-free number s[from, to) times 10^keep, rounded half-even. With
     * {@code wholeOnly} a non-zero fraction digit is an error.
     */
    static long scaled(CharSequence s, int from, int to, int decimalAt, int keep, boolean wholeOnly)
            throws ValueException {
        int intEnd = decimalAt >= 0 ? decimalAt : to;
        long v = 0;
        for (int i = from; i < intEnd; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (v > (Long.MAX_VALUE - 9) / 10) throw outOfRange();
                v = v * 10 + (c - '0');
            }
        }
        long fraction = 0;
        int seen = 0;
        int roundDigit = 0;
        boolean sticky = false;
        if (decimalAt >= 0) {
            for (int i = decimalAt + 1; i < to; i++) {
                int d = s.charAt(i) - '0';
                if (wholeOnly && d != 0) throw new ValueException("not a whole number");
                if (seen < keep) fraction = fraction * 10 + d;
                else if (seen == keep) roundDigit = d;
                else if (d != 0) sticky = true;
                seen++;
            }
        }
        if (seen < keep) fraction *= POW10[keep - seen];
        long unit = POW10[keep];
        if (v > (Long.MAX_VALUE - fraction) / unit) throw outOfRange();
        long r = v * unit + fraction;
        if (roundDigit > 5 || (roundDigit == 5 && (sticky || (r & 1L) == 1L))) {
            if (r == Long.MAX_VALUE) throw outOfRange();
            r++;
        }
        return r;
    }

    static long scaledBig(BigDecimal d, int keep) throws ValueException {
        if (d.signum() == 0) return 0;
        // precision - scale is the number of integer digits; beyond 19 the long cannot hold it anyway
        if (d.precision() - d.scale() + keep > 19) throw outOfRange();
        try {
            return d.movePointRight(keep).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    /** The validated, unsigned number s[from, to) as an exact BigDecimal, thousands separators removed. */
    static BigDecimal toBigDecimal(CharSequence s, int from, int to, long shape) {
        int decimalAt = decimalAt(shape);
        int exponentAt = exponentAt(shape);
        char[] buf = new char[to - from + 1];
        int n = 0;
        int mantissaEnd = exponentAt >= 0 ? exponentAt : to;
        for (int i = from; i < mantissaEnd; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') buf[n++] = c;
            else if (i == decimalAt) buf[n++] = '.';
        }
        if (exponentAt >= 0) {
            buf[n++] = 'E';
            for (int i = exponentAt + 1; i < to; i++) buf[n++] = s.charAt(i);
        }
        return new BigDecimal(buf, 0, n);
    }

    static ValueException notANumber() {
        return new ValueException("not a number");
    }

    static ValueException misplaced() {
        return new ValueException("misplaced thousands separator");
    }

    static ValueException outOfRange() {
        return new ValueException("number out of range");
    }
}
