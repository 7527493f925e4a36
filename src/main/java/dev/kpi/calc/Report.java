package dev.kpi.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a command prints, independent of the format. JSON shape:
 * {@code { "command", "from", "to", "groupBy", "currency", "rows": [...], "total": {...}, <extra...>,
 * "warnings": [...] }}. {@link #columns()} lists the columns of rows and total in order; group key
 * columns (kind TEXT) come first.
 */
public final class Report {
    private final String command;
    private LocalDate from;
    private LocalDate to;
    private List<String> groupBy = List.of();
    private String currency;
    private final List<Column> columns = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private Row total;
    private final List<String> warnings = new ArrayList<>();
    private final LinkedHashMap<String, Object> extra = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String command) { this.command = command; }

    public String command() { return command; }
    public LocalDate from() { return from; }
    public LocalDate to() { return to; }
    public List<String> groupBy() { return groupBy; }
    public String currency() { return currency; }
    public List<Column> columns() { return columns; }
    public List<Row> rows() { return rows; }
    public Row total() { return total; }
    public List<String> warnings() { return warnings; }
    /** Top-level JSON members after {@code total}: plain values, Rows, lists of Rows, or maps of those. */
    public Map<String, Object> extra() { return extra; }
    public List<Section> sections() { return sections; }
    /** Lines printed under the table in table/markdown views (formula reminders, guides). */
    public List<String> notes() { return notes; }

    public Report period(LocalDate from, LocalDate to) { this.from = from; this.to = to; return this; }
    public Report groupBy(List<String> dims) { this.groupBy = List.copyOf(dims); return this; }
    public Report currency(String c) { this.currency = c; return this; }
    public Report column(String key, String label, Kind kind) { columns.add(new Column(key, label, kind)); return this; }
    public Report total(Row t) { this.total = t; return this; }
    public Report warn(String w) { if (!warnings.contains(w)) warnings.add(w); return this; }

    public Column column(String key) {
        for (Column c : columns) if (c.key().equals(key)) return c;
        return null;
    }

    /** Money values are exact; shown with at least two decimals, more only when the data has them. */
    public static BigDecimal money(BigDecimal v) {
        if (v == null) return null;
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() <= 2 ? v.setScale(2, java.math.RoundingMode.UNNECESSARY) : s;
    }

    /**
     * Adds one warning per (column, reason) for ratios that came out null, naming the rows affected, so
     * a zero denominator is never silent. A group row where numerator and denominator are both zero
     * (nothing happened in that group: no spend and no customers) stays null without a warning; the
     * total always warns. Call once after rows and total are complete.
     */
    public void warnAboutNullRatios() {
        LinkedHashMap<String, List<String>> byReason = new LinkedHashMap<>();
        List<Row> all = new ArrayList<>(rows);
        if (total != null) all.add(total);
        for (Row r : all) {
            for (Column c : columns) {
                Object v = r.get(c.key());
                if (v instanceof Ratio && ((Ratio) v).isNull() && ((Ratio) v).nullReason() != null
                        && (r == total || !isZero(((Ratio) v).numerator()))) {
                    String k = c.key() + " is null: " + ((Ratio) v).nullReason();
                    byReason.computeIfAbsent(k, x -> new ArrayList<>()).add(label(r));
                }
            }
        }
        byReason.forEach((k, who) -> warn(k + " (" + few(who) + ")"));
    }

    /** How a warning lists the rows it concerns: the first five, then how many more. */
    static String few(List<String> who) {
        return who.size() > 5 ? String.join(", ", who.subList(0, 5)) + " and " + (who.size() - 5) + " more"
                : String.join(", ", who);
    }

    private static boolean isZero(BigDecimal v) { return v != null && v.signum() == 0; }

    /** How a warning names a row: its group values ({@code channel=Paid Search, month=2025-07}), or "total". */
    String label(Row r) {
        if (r == total) return "total";
        StringBuilder sb = new StringBuilder();
        for (String g : groupBy) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(g).append('=').append(r.get(g));
        }
        return sb.length() == 0 ? "total" : sb.toString();
    }
}
