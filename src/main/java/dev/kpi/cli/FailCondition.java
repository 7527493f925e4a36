package dev.kpi.cli;

import dev.kpi.calc.Column;
import dev.kpi.calc.Kind;
import dev.kpi.calc.Ratio;
import dev.kpi.calc.Report;
import dev.kpi.calc.Row;
import dev.kpi.config.Suggestions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --fail-if} condition such as {@code cac > 500} or {@code ctr < 1%}: a metric (a JSON key of
 * the report), a comparison and a number. A percentage threshold is compared with the fraction (1% =
 * 0.01). The condition holds when any row, or the total, has a value that satisfies it; null values
 * never satisfy it.
 */
public record FailCondition(String text, String metric, String op, BigDecimal threshold) {
    private static final Pattern SYNTAX = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9]*)\\s*(>=|<=|==|!=|>|<|=)\\s*(-?[0-9][0-9_,]*(?:\\.[0-9]+)?)\\s*(%?)\\s*$");

    public static FailCondition parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw KpiException.usage("--fail-if '" + text + "': expected METRIC OP NUMBER, e.g. --fail-if 'cac > 500'"
                    + " or --fail-if 'ctr < 1%' (OP is one of > >= < <= == !=)");
        }
        BigDecimal v = new BigDecimal(m.group(3).replace("_", "").replace(",", ""));
        if (!m.group(4).isEmpty()) v = v.movePointLeft(2);
        String op = "=".equals(m.group(2)) ? "==" : m.group(2);
        return new FailCondition(text.strip(), m.group(1), op, v);
    }

    /** Checks the metric exists in the report; a usage error naming the valid metrics otherwise. */
    public void validate(Report report) {
        Column c = report.column(metric);
        if (c == null || c.kind() == Kind.TEXT) {
            List<String> names = new ArrayList<>();
            for (Column col : report.columns()) if (col.kind() != Kind.TEXT) names.add(col.key());
            String hint = Suggestions.closest(names, metric);
            throw KpiException.usage("--fail-if '" + text + "': '" + metric + "' is not a metric of kpi " + report.command()
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)") + "; metrics: " + String.join(", ", names));
        }
    }

    /** Descriptions of the rows (and total) where the condition holds. */
    public List<String> breaches(Report report) {
        List<String> out = new ArrayList<>();
        for (Row r : report.rows()) {
            if (holds(r.get(metric))) out.add(label(report, r) + ": " + metric + " = " + show(r.get(metric)));
        }
        if (report.total() != null && holds(report.total().get(metric))) {
            out.add("total: " + metric + " = " + show(report.total().get(metric)));
        }
        return out;
    }

    boolean holds(Object value) {
        BigDecimal v = number(value);
        if (v == null) return false;
        int c = v.compareTo(threshold);
        switch (op) {
            case ">": return c > 0;
            case ">=": return c >= 0;
            case "<": return c < 0;
            case "<=": return c <= 0;
            case "==": return c == 0;
            case "!=": return c != 0;
            default: throw new IllegalStateException(op);
        }
    }

    static BigDecimal number(Object value) {
        if (value instanceof Ratio) return ((Ratio) value).value();
        if (value instanceof BigDecimal) return (BigDecimal) value;
        if (value instanceof Long || value instanceof Integer) return BigDecimal.valueOf(((Number) value).longValue());
        return null;
    }

    private static String show(Object value) {
        BigDecimal v = number(value);
        return v == null ? "null" : v.toPlainString();
    }

    private static String label(Report report, Row r) {
        List<String> parts = new ArrayList<>();
        for (String g : report.groupBy()) parts.add(g + "=" + r.get(g));
        return parts.isEmpty() ? "row" : String.join(", ", parts);
    }
}
