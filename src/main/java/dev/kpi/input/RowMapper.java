package dev.kpi.input;

import dev.kpi.input.value.MoneyValue;
import dev.kpi.input.value.NumberParser;
import dev.kpi.input.value.ValueException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Turns a data row into a typed record. Subclasses read fields through the typed getters below, which
 * report unreadable cells to {@link Diagnostics} with file, line, column, value and reason: a bad
 * required value skips the row, a bad optional one is ignored.
 *
 * @param <T> the record type produced
 */
public abstract class RowMapper<T> {
    /** Thrown (without a stack trace) to skip the current row after it has been reported. */
    protected static final class SkipRow extends Exception {
        static final SkipRow INSTANCE = new SkipRow();

        private SkipRow() { super(null, null, false, false); }
    }

    /** An id that a spreadsheet turned into scientific notation (1.23E+17). */

    protected final ReadContext ctx;
    protected final ColumnMapping mapping;

    protected RowMapper(ReadContext ctx) {
        this.ctx = ctx;
        this.mapping = ctx.mapping();
    }

    /** The record for a row, or null when the row is skipped (already reported). */
    public final T map(RawRow row) {
        try {
            return read(row);
        } catch (SkipRow s) {
            return null;
        }
    }

    protected abstract T read(RawRow row) throws SkipRow;

    /**
     * Sends the records of a row to {@code sink} and returns how many there were: one, or none when the
     * row is skipped. A mapper whose rows can hold several records (a touchpoint row with first and
     * latest touch) overrides this.
     */
    public long mapInto(RawRow row, Consumer<Object> sink) {
        T t = map(row);
        if (t == null) return 0;
        sink.accept(t);
        return 1;
    }

    protected final SkipRow bad(RawRow row, String field, String value, String reason, boolean required) {
        ctx.diagnostics().bad(ctx.fileName(), row.line(), mapping.headerOf(field), value, reason, required);
        return SkipRow.INSTANCE;
    }

    /** First non-blank cell of the field's columns, raw (untrimmed); null when none. */
    protected final String raw(RawRow row, String field) {
        int c = firstNonBlank(row, field);
        return c < 0 ? null : row.cell(c);
    }

    /** Like {@link #raw}, as characters: parsers read plain ASCII cells of the fast reader without a string. */
    private CharSequence rawChars(RawRow row, String field) {
        int c = firstNonBlank(row, field);
        return c < 0 ? null : row.seq(c);
    }

    /** The first of the field's columns whose cell is not blank, or -1. */
    private int firstNonBlank(RawRow row, String field) {
        for (int c : mapping.columns(field)) if (!row.isBlank(c)) return c;
        return -1;
    }

    /** Trimmed text; placeholders ({@code --}, {@code N/A}, …) are null. */
    protected final String text(RawRow row, String field) {
        String v = raw(row, field);
        if (v == null) return null;
        String s = v.strip();
        return isTextPlaceholder(s) ? null : s;
    }

    static boolean isTextPlaceholder(String s) {
        if (s.length() > 4) return false; // the longest placeholder is "none"/"null"
        switch (s.toLowerCase(Locale.ROOT)) {
            case "": case "--": case "-": case "—": case "n/a": case "na": case "null": case "none": return true;
            default: return false;
        }
    }

    /** Parses one cell; the typed getters below differ only in the parser and whether empty is an error. */
    @FunctionalInterface
    private interface CellParser<T> {
        T parse(CharSequence cell) throws ValueException;
    }

    /**
     * The parsed value of a field, or null when the cell is empty or a placeholder. An empty required
     * cell is reported (and skips the row) only when {@code emptyReason} is given; an unreadable one is
     * reported, skipping the row when {@code required}.
     */
    private <T> T cell(RawRow row, String field, boolean required, String emptyReason, CellParser<T> parser) throws SkipRow {
        CharSequence v = rawChars(row, field);
        if (v == null || NumberParser.isMissing(v)) {
            if (required && emptyReason != null) throw bad(row, field, v == null ? null : v.toString(), emptyReason, true);
            return null;
        }
        try {
            return parser.parse(v);
        } catch (ValueException e) {
            report(row, field, v.toString(), e.reason(), required);
            return null;
        }
    }

    protected final LocalDate date(RawRow row, String field, boolean required) throws SkipRow {
        return cell(row, field, required, "required date is empty", v -> plausible(ctx.dates().parseDate(v)));
    }

    protected final LocalDateTime dateTime(RawRow row, String field, boolean required) throws SkipRow {
        return cell(row, field, required, "required date is empty", v -> {
            LocalDateTime t = ctx.dates().parseDateTime(v);
            plausible(t.toLocalDate());
            return t;
        });
    }

    protected final LocalDate month(RawRow row, String field, boolean required) throws SkipRow {
        return cell(row, field, required, "required month is empty", v -> plausible(ctx.dates().parseMonth(v)));
    }

    /** Earliest and latest year kpi accepts: outside them a date is a placeholder ("9999-12-31") or a typo. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;

    static LocalDate plausible(LocalDate d) throws ValueException {
        if (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR) {
            throw new ValueException("year " + d.getYear() + " is outside " + FIRST_YEAR + "–" + LAST_YEAR
                    + " (a placeholder such as 9999-12-31 means no date: leave the cell empty)");
        }
        return d;
    }

    /** Money or null when empty; {@code required} turns an unreadable cell into a skipped row. */
    protected final MoneyValue money(RawRow row, String field, boolean required) throws SkipRow {
        return cell(row, field, required, null, ctx.money()::parse);
    }

    protected final Long count(RawRow row, String field) throws SkipRow {
        return cell(row, field, false, null, v -> ctx.numbers().parseCount(v));
    }

    protected final Long decimalMicros(RawRow row, String field) throws SkipRow {
        return cell(row, field, false, null, v -> ctx.numbers().parseMicros(v));
    }

    protected final Boolean bool(RawRow row, String field) throws SkipRow {
        String v = text(row, field);
        if (v == null) return null;
        switch (v.toLowerCase(Locale.ROOT)) {
            case "1": case "true": case "yes": case "y": case "x": case "ja": case "oui": case "sí": case "si": case "checked":
                return Boolean.TRUE;
            case "0": case "false": case "no": case "n": case "nein": case "non": case "unchecked":
                return Boolean.FALSE;
            default:
                report(row, field, v, "not a yes/no value", false);
                return null;
        }
    }

    protected final String currencyCode(RawRow row, String field) throws SkipRow {
        String v = text(row, field);
        if (v == null) return null;
        String s = v.toUpperCase(Locale.ROOT);
        if (!isCurrencyCode(s)) {
            report(row, field, v, "not a 3-letter currency code", false);
            return null;
        }
        return s;
    }

    protected final List<String> ids(RawRow row, String field) {
        String v = text(row, field);
        if (v == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String p : v.split(";")) {
            String s = p.strip();
            if (!s.isEmpty()) out.add(s);
        }
        return out;
    }

    protected final String id(RawRow row, String field) throws SkipRow {
        String v = text(row, field);
        if (v != null && looksScientific(v)) {
            throw bad(row, field, v, "looks like an id damaged by a spreadsheet (scientific notation); re-export"
                    + " without opening the file in Excel", true);
        }
        return v;
    }

    /** Three ASCII capitals, checked without a regex (this runs once per row). */
    static boolean isCurrencyCode(String s) {
        if (s.length() != 3) return false;
        for (int i = 0; i < 3; i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') return false;
        }
        return true;
    }

    /** "1.20253E+17": what a spreadsheet leaves of a long numeric id (digits, a mantissa dot, E, exponent). */
    static boolean looksScientific(String v) {
        int e = Math.max(v.indexOf('E'), v.indexOf('e'));
        if (e <= 0 || e == v.length() - 1) return false;
        int start = v.charAt(0) == '-' ? 1 : 0;
        boolean dot = false;
        for (int i = start; i < e; i++) {
            char c = v.charAt(i);
            if (c == '.' && i == start + 1 && !dot) dot = true;
            else if (c < '0' || c > '9' || (i > start && !dot)) return false;
        }
        if (dot && e == start + 2) return false; // "1.E5": the mantissa needs digits after its dot
        int i = e + 1;
        if (v.charAt(i) == '+') i++;
        if (i >= v.length()) return false;
        for (; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return false;
        return true;
    }

    /** Reports an unreadable cell; skips the row when the value is required, else the caller drops the value. */
    private void report(RawRow row, String field, String v, String reason, boolean required) throws SkipRow {
        SkipRow s = bad(row, field, v, reason, required);
        if (required) throw s;
    }
}
