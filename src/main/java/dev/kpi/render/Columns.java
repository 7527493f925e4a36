package dev.kpi.render;

import dev.kpi.calc.Column;
import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Column decisions shared by the flat views (table, markdown, CSV). A column is <em>nested</em> when
 * any of its values is a list, a row or a map; nested columns appear in JSON/JSONL only.
 */
final class Columns {
    private Columns() {}

    /** The rows then the total, if any. */
    static List<Row> rowsAndTotal(Report report) {
        List<Row> all = new ArrayList<>(report.rows());
        if (report.total() != null) all.add(report.total());
        return all;
    }

    /**
     * The report's declared columns; when it declares none, the keys of its rows in first-seen order
     * with a kind guessed from the values, so that no data is silently dropped.
     */
    static List<Column> of(Report report) {
        if (!report.columns().isEmpty()) return report.columns();
        return derived(rowsAndTotal(report));
    }

    /** The section's declared columns, or ones derived from its rows as in {@link #of(Report)}. */
    static List<Column> of(List<Column> declared, List<Row> rows) {
        return declared != null && !declared.isEmpty() ? declared : derived(rows);
    }

    private static List<Column> derived(List<Row> rows) {
        LinkedHashMap<String, Kind> kinds = new LinkedHashMap<>();
        for (Row r : rows) {
            for (Map.Entry<String, Object> e : r.values().entrySet()) {
                Kind guess = guess(e.getValue());
                Kind known = kinds.get(e.getKey());
                if (known == null || (known == Kind.TEXT && e.getValue() != null)) kinds.put(e.getKey(), guess);
            }
        }
        List<Column> out = new ArrayList<>();
        kinds.forEach((k, kind) -> out.add(new Column(k, k, kind)));
        return out;
    }

    private static Kind guess(Object v) {
        if (v instanceof Long || v instanceof Integer) return Kind.COUNT;
        if (v instanceof BigDecimal || v instanceof Number || v instanceof Ratio) return Kind.NUMBER;
        if (v instanceof Boolean) return Kind.BOOLEAN;
        if (v instanceof LocalDate) return Kind.DATE;
        return Kind.TEXT;
    }

    /** The columns of {@code columns} that hold no nested value in {@code rows}. */
    static List<Column> flat(List<Column> columns, List<Row> rows) {
        List<Column> out = new ArrayList<>();
        for (Column c : columns) if (!isNested(c, rows)) out.add(c);
        return out;
    }

    static boolean isNested(Column c, List<Row> rows) {
        for (Row r : rows) {
            Object v = r.get(c.key());
            if (v instanceof Collection || v instanceof Row || v instanceof Map) return true;
        }
        return false;
    }

    /**
     * Index of the column that labels the total row: the first group-by column, else the first TEXT
     * column, else -1 (no label).
     */
    static int totalLabelIndex(List<Column> columns, List<String> groupBy) {
        for (int i = 0; i < columns.size(); i++) if (groupBy.contains(columns.get(i).key())) return i;
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).kind() == Kind.TEXT) return i;
        return -1;
    }

    /** Whether values of this kind are numbers, right-aligned in table and markdown views. */
    static boolean isNumeric(Kind kind) {
        switch (kind) {
            case COUNT: case QUANTITY: case MONEY: case PERCENT: case MULTIPLE:
            case NUMBER: case DAYS: case MONTHS:
                return true;
            default:
                return false;
        }
    }
}
