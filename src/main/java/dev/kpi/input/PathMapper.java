package dev.kpi.input;

import dev.kpi.input.value.NumberParser;
import dev.kpi.input.value.ValueException;
import dev.kpi.records.PathRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps rows of a path table ({@code path}, {@code conversions}, optional {@code value} and {@code nulls}).
 * The path is split on {@code >} with optional spaces around each channel name; every name goes through
 * the configured channel normalisation. An empty path cell is the path of conversions without a touch. A
 * path with an empty element ({@code A > > B}) or a negative count skips the row. Value is kept exactly
 * as written; an empty count is 0.
 */
final class PathMapper extends RowMapper<PathRow> {
    PathMapper(ReadContext ctx) {
        super(ctx);
        if (!mapping.has("path")) throw MissingColumn.of(ctx, "path", "the channels of the path, A > B > C");
        if (!mapping.has("conversions") && !mapping.has("nulls")) {
            throw MissingColumn.of(ctx, "conversions", "how many journeys on the path converted");
        }
    }

    @Override
    protected PathRow read(RawRow row) throws SkipRow {
        String text = text(row, "path");
        List<String> path = new ArrayList<>();
        if (text != null) {
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == '>') {
                    String name = text.substring(start, i).strip();
                    if (name.isEmpty()) throw bad(row, "path", text, "empty channel name at position " + (path.size() + 1), true);
                    path.add(ctx.channels().normalize(name));
                    start = i + 1;
                }
            }
        }
        long conversions = nonNegative(row, "conversions");
        long nulls = nonNegative(row, "nulls");
        BigDecimal value = null;
        String v = raw(row, "value");
        if (v != null && !NumberParser.isMissing(v)) {
            try {
                value = ctx.numbers().parseDecimal(v);
            } catch (ValueException e) {
                throw bad(row, "value", v, e.reason(), true);
            }
        }
        return new PathRow(path, conversions, value, nulls);
    }

    private long nonNegative(RawRow row, String field) throws SkipRow {
        String v = raw(row, field);
        if (v == null || NumberParser.isMissing(v)) return 0;
        try {
            long n = ctx.numbers().parseCount(v);
            if (n < 0) throw bad(row, field, v, "a count cannot be negative", true);
            return n;
        } catch (ValueException e) {
            throw bad(row, field, v, e.reason(), true);
        }
    }
}
