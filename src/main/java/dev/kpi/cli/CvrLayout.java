package dev.kpi.cli;

import dev.kpi.calc.Column;
import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;
import dev.kpi.calc.Section;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The table and markdown layout of {@code kpi cvr}: one row per group holds up to thirty KPIs, so people
 * get the lead conversion columns in the main table and one table per KPI family after it (deals, response
 * and meetings, traffic, email), each listing only the groups where that family has data. The values are the
 * very rows of the full report; JSON, JSONL and CSV keep one wide row per group.
 */
final class CvrLayout {
    private CvrLayout() {}

    private static final List<String> MAIN = List.of("leads", "customers", "cohortCvr", "cvr", "mature",
            "marketingOriginatedShare", "marketingInfluencedShare", "mqls", "qualifiedLeadRate", "sqls", "salesQualifiedLeadRate");
    private static final String[][] FAMILIES = {
            {"Deals (win rate by close date; opportunity conversion, match and closing rates by creation date)", "wonDeals", "lostDeals", "winRate",
                    "opportunityConversion", "matchRate", "closingRate"},
            {"Response time and meetings", "responded", "responseRate", "medianResponseMinutes", "meanResponseMinutes",
                    "responseWithinTarget", "meetingsBooked", "meetingsAttended", "attendanceRate"},
            {"Traffic", "sessions", "trafficToLeadRatio"},
            {"Email", "emailsDelivered", "openRate", "clickRate", "forwardRate"}};

    static Report forReading(Report full) {
        List<Column> dims = new ArrayList<>();
        for (String g : full.groupBy()) dims.add(full.column(g));
        Report r = new Report(full.command()).period(full.from(), full.to()).groupBy(full.groupBy()).currency(full.currency());
        for (Column c : dims) r.column(c.key(), c.label(), c.kind());
        boolean anyMain = false;
        for (String k : MAIN) {
            Column c = full.column(k);
            if (c != null) {
                r.column(c.key(), c.label(), c.kind());
                anyMain = true;
            }
        }
        if (anyMain) {
            r.rows().addAll(full.rows());
            r.total(full.total());
        }
        for (String[] family : FAMILIES) {
            List<Column> cols = new ArrayList<>(dims);
            List<String> keys = new ArrayList<>();
            for (int i = 1; i < family.length; i++) {
                Column c = full.column(family[i]);
                if (c != null) {
                    cols.add(c);
                    keys.add(c.key());
                }
            }
            if (keys.isEmpty()) continue;
            List<Row> rows = new ArrayList<>();
            for (Row row : full.rows()) if (hasData(row, keys)) rows.add(row);
            if (full.total() != null && (!rows.isEmpty() || full.rows().isEmpty())) {
                Row t = new Row();
                if (!dims.isEmpty()) t.put(dims.get(0).key(), "Total");
                full.total().values().forEach((k, v) -> { if (!t.has(k)) t.put(k, v); });
                rows.add(t);
            }
            r.sections().add(new Section(family[0], family[1], cols, rows));
        }
        r.sections().addAll(full.sections());
        r.notes().addAll(full.notes());
        return r;
    }

    /** True when some count is above zero or some rate has a non-zero denominator. */
    private static boolean hasData(Row row, List<String> keys) {
        for (String k : keys) {
            Object v = row.get(k);
            if (v instanceof Long && (Long) v > 0) return true;
            if (v instanceof Ratio && ((Ratio) v).denominator() != null && ((Ratio) v).denominator().signum() > 0) return true;
            if (v instanceof BigDecimal) return true;
        }
        return false;
    }

    static boolean wide(Report r) {
        int n = 0;
        for (Column c : r.columns()) if (c.kind() != Kind.TEXT) n++;
        return n > 12;
    }
}
