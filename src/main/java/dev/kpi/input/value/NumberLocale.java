package dev.kpi.input.value;

import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The decimal and thousands separators of a file. There are two: {@link #POINT} ({@code 1,234.56}) and
 * {@link #COMMA} ({@code 1.234,56}).
 *
 * <p>Besides its own thousands separator ({@code ','} for POINT, {@code '.'} for COMMA) each also accepts blanks as
 * thousands separators: space, no-break space U+00A0, narrow no-break space U+202F (French), thin space U+2009, figure
 * space U+2007, and the apostrophes {@code '} and U+2019 (Swiss {@code 1'234.50}). Which thousands separators
 * are in a valid position is decided by {@link NumberParser}.
 */
public final class NumberLocale {
    /** Decimal point, thousands comma: {@code 1,234.56} (English, Chinese, Japanese, Swiss German with apostrophes). */
    public static final NumberLocale POINT = new NumberLocale('.', ',', "POINT");
    /** Decimal comma, thousands point: {@code 1.234,56} (German, Dutch, French with spaces, Spanish, Romanian…). */
    public static final NumberLocale COMMA = new NumberLocale(',', '.', "COMMA");

    private final char decimal;
    private final char grouping;
    private final String name;

    private NumberLocale(char decimal, char grouping, String name) {
        this.decimal = decimal;
        this.grouping = grouping;
        this.name = name;
    }

    /** The decimal separator, {@code '.'} or {@code ','}. */
    public char decimal() {
        return decimal;
    }

    /** The thousands separator other than blanks and apostrophes: {@code ','} for POINT, {@code '.'} for COMMA. */
    public char grouping() {
        return grouping;
    }

    /** True for every character this locale accepts between groups of digits. */
    boolean isGrouping(char c) {
        return c == grouping || c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009' || c == '\u2007'
                || c == '\'' || c == '\u2019';
    }

    /** The locale whose decimal separator is {@code c} ({@code '.'} or {@code ','}), as a config setting names it. */
    public static NumberLocale ofDecimal(char c) {
        if (c == '.') return POINT;
        if (c == ',') return COMMA;
        throw new IllegalArgumentException("decimal separator must be '.' or ',', not '" + c + "'");
    }

    /**
     * The number format of a language: the decimal separator of the JDK's CLDR data decides. German, Dutch, French,
     * Spanish, Italian, Portuguese, Romanian, Polish, Swedish, Russian… give COMMA; English, Chinese, Japanese, Korean
     * and Swiss German ({@code de-CH}, {@code 1’234.50}) give POINT. French spaces as thousands separators are accepted by
     * COMMA. A null locale gives POINT.
     */
    public static NumberLocale forLocale(Locale l) {
        if (l == null) return POINT;
        return DecimalFormatSymbols.getInstance(l).getDecimalSeparator() == ',' ? COMMA : POINT;
    }

    /**
     * Infers the decimal separator from sample cells, or returns null when they do not decide.
     *
     * <p>Each sample is reduced to its number: the text from its first to its last digit, in which only digits,
     * {@code '.'}, {@code ','}, blanks and apostrophes may occur (other cells, such as dates {@code 2025-01-14},
     * {@code 22.01.2025} or times, are ignored). Signs, currency and {@code %} around the number do not matter, so
     * {@code "0,341%"} and {@code "€1.234,56"} count. Blanks and apostrophes are thousands separators in both formats and
     * decide nothing. Then one cell votes:
     * <ul>
     *   <li>both {@code '.'} and {@code ','}: the one that comes last is the decimal separator ({@code 1,234.56} POINT,
     *       {@code 1.234,56} COMMA), provided the other occurs only before it;</li>
     *   <li>one separator occurring twice or more, in valid groups of three ({@code 1,234,567}, {@code 1.234.567}): it is the
     *       thousands separator;</li>
     *   <li>one separator occurring once: it is the decimal separator when it is not followed by exactly three digits
     *       ({@code 12,5}, {@code 0,00}, {@code 1575,24}, {@code 12.5}, {@code 0.00}, {@code 1,2345}), or when the
     *       digits before it cannot be a thousands group: none, more than three, or a leading zero ({@code ,125},
     *       {@code 1575,240}, {@code 0,341});</li>
     *   <li>otherwise ({@code 1.696}, {@code 1,234}, {@code 12 345}, {@code 42}) the cell does not vote.</li>
     * </ul>
     * If all votes agree, that format is returned. No votes, or votes for both formats, give null: conflicting evidence
     * means the samples are not what they seem, and guessing would silently scale numbers by a thousand.
     */
    public static NumberLocale infer(Iterable<String> samples) {
        int point = 0;
        int comma = 0;
        for (String s : samples) {
            if (s == null) continue;
            int vote = vote(s);
            if (vote == 1) point++;
            else if (vote == 2) comma++;
        }
        if (point > 0 && comma > 0) return null;
        if (point > 0) return POINT;
        if (comma > 0) return COMMA;
        return null;
    }

    /** 0 = no vote, 1 = POINT, 2 = COMMA. */
    private static int vote(String s) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                if (first < 0) first = i;
                last = i;
            }
        }
        if (first < 0) return 0;
        // a separator directly before the first digit belongs to the number (".5", ",25")
        if (first > 0 && (s.charAt(first - 1) == '.' || s.charAt(first - 1) == ',')) first--;
        int dots = 0, commas = 0, lastDot = -1, lastComma = -1;
        for (int i = first; i <= last; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
                lastDot = i;
            } else if (c == ',') {
                commas++;
                lastComma = i;
            } else if (!isDigit(c) && !Spaces.isSpace(c) && c != '\'' && c != '\u2019') {
                return 0; // a date, a time, an ID with dashes: not a plain number
            }
        }
        if (dots == 0 && commas == 0) return 0;
        if (dots > 0 && commas > 0) {
            boolean pointDecimal = lastDot > lastComma;
            char decimal = pointDecimal ? '.' : ',';
            if ((pointDecimal ? dots : commas) != 1) return 0;
            int decimalAt = pointDecimal ? lastDot : lastComma;
            if (!validGroups(s, first, decimalAt, pointDecimal ? ',' : '.')) return 0;
            return decimal == '.' ? 1 : 2;
        }
        char sep = dots > 0 ? '.' : ',';
        int count = dots > 0 ? dots : commas;
        int at = dots > 0 ? lastDot : lastComma;
        int asDecimal = sep == '.' ? 1 : 2;
        int asGrouping = sep == '.' ? 2 : 1;
        if (count >= 2) return validGroups(s, first, last + 1, sep) ? asGrouping : 0;
        int after = digitsBetween(s, at + 1, last + 1);
        int before = digitsBetween(s, first, at);
        if (after != 3) return asDecimal;
        if (before == 0 || before > 3) return asDecimal;
        if (s.charAt(firstDigit(s, first)) == '0') return asDecimal;
        return 0;
    }

    /** True when the digits in [from, to) separated by {@code sep} form valid thousands groups (1-3, then 3s). */
    private static boolean validGroups(String s, int from, int to, char sep) {
        int group = 0;
        boolean firstGroup = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                group++;
            } else if (c == sep) {
                if (firstGroup ? (group < 1 || group > 3) : group != 3) return false;
                firstGroup = false;
                group = 0;
            }
        }
        return firstGroup || group == 3;
    }

    private static int digitsBetween(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) if (isDigit(s.charAt(i))) n++;
        return n;
    }

    private static int firstDigit(String s, int from) {
        while (!isDigit(s.charAt(from))) from++;
        return from;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return name;
    }
}
