package dev.kpi.render;

import dev.kpi.calc.Column;
import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as display text, shared by {@link TableRenderer} and {@link MarkdownRenderer}: header labels,
 * per-column alignment and every cell formatted by {@link NumberFormatter}. Nested columns are left
 * out. Control characters in text (newlines, tabs, escape codes from the data) become spaces so one
 * row stays one line and the data cannot drive the terminal.
 */
final class CellTable {
    /** The label of the total row in the table and markdown views. */
    static final String TOTAL_LABEL = "Total";
    /** The note printed under a table that has a low-sample ratio. */
    static final String LOW_SAMPLE_LEGEND =
            "* low sample (fewer than 30 trials, or fewer than 5 successes or failures): read the interval, not the point value";

    final List<String> headers = new ArrayList<>();
    final List<Boolean> rightAligned = new ArrayList<>();
    final List<List<String>> body = new ArrayList<>();
    /** The total row's cells, or null. */
    List<String> total;
    /** Whether a cell carries the low-sample mark. */
    boolean lowSample;

    static CellTable of(List<Column> declared, List<Row> rows, Row total, List<String> groupBy, NumberFormatter fmt) {
        List<Row> all = new ArrayList<>(rows);
        if (total != null) all.add(total);
        List<Column> columns = Columns.flat(Columns.of(declared, all), all);
        CellTable t = new CellTable();
        for (Column c : columns) {
            t.headers.add(clean(c.label() == null ? c.key() : c.label()));
            t.rightAligned.add(Columns.isNumeric(c.kind()));
        }
        for (Row r : rows) t.body.add(t.cells(r, columns, fmt, -1));
        if (total != null) t.total = t.cells(total, columns, fmt, Columns.totalLabelIndex(columns, groupBy));
        return t;
    }

    boolean isEmpty() { return headers.isEmpty(); }

    private List<String> cells(Row r, List<Column> columns, NumberFormatter fmt, int labelIndex) {
        List<String> cells = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Object v = r.get(c.key());
            if (i == labelIndex && v == null) {
                cells.add(TOTAL_LABEL);
                continue;
            }
            if (labelIndex >= 0 && v == null && !r.has(c.key()) && c.kind() == Kind.TEXT) {
                cells.add(""); // the total has no value for the other group columns: leave them blank
                continue;
            }
            if (v instanceof Ratio && ((Ratio) v).value() != null && Boolean.TRUE.equals(((Ratio) v).lowSample())) {
                lowSample = true;
            }
            cells.add(clean(fmt.format(v, c.kind())));
        }
        return cells;
    }

    /** Replaces control characters (CR, LF, TAB, ESC, ...) with spaces. */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch)) {
                if (sb == null) sb = new StringBuilder(s);
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Display width of each column over header, body and total. */
    int[] widths() {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) w[i] = DisplayWidth.of(headers.get(i));
        List<List<String>> lines = new ArrayList<>(body);
        if (total != null) lines.add(total);
        for (List<String> line : lines) {
            for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], DisplayWidth.of(line.get(i)));
        }
        return w;
    }

    /** {@code s} padded with spaces to {@code width} display columns, on the left when right-aligned. */
    static String pad(String s, int width, boolean right) {
        int gap = width - DisplayWidth.of(s);
        if (gap <= 0) return s;
        String spaces = " ".repeat(gap);
        return right ? spaces + s : s + spaces;
    }
}
